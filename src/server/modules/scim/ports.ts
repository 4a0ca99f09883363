import type { AuditOrigin } from '../../platform/audit.js';

/** People who leave (the people module's LeaversService): SCIM's active:false is the same deactivation. */
export interface ScimLeavers {
  deactivateFromDirectory(id: string, label: string, origin?: AuditOrigin): Promise<boolean>;
  reactivateFromDirectory(id: string, label: string, origin?: AuditOrigin): Promise<boolean>;
}
