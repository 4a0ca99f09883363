import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import { newId, nowIso } from './ids.js';
import type { Executor } from './transaction.js';

/**
 * The audit log's one way in: an entry is appended in the same transaction as the change it
 * records (a change that rolls back leaves no entry; an entry never exists without its change).
 * Never updated or deleted except by the retention sweep (AUDIT_RETENTION_DAYS), and by erasure,
 * which replaces the erased person's name and email in their entries by "Former colleague" (the
 * entries and the person's id stay: modules/people/erasure.repository.ts).
 */

/** What was done, in a stable dotted name (`person.deactivated`, `api_token.created`, `sign_in.failed`…). */
export type AuditAction = string;

export interface AuditEntry {
  /** Who: a person, or null for the directory (SCIM), the system or someone not signed in. */
  actor: Pick<Actor, 'id' | 'name'> | null;
  /** How the actor is shown when there is no person: "SCIM", "system", an email that failed to sign in. */
  actorLabel?: string;
  action: AuditAction;
  target?: { type: string; id: string } | undefined;
  /** One line a person reads in the log ("Deactivated Ada Lovelace"). */
  summary: string;
  details?: Record<string, unknown> | undefined;
  /** Where from: the request's address and id. */
  origin?: AuditOrigin | undefined;
}

export interface AuditOrigin {
  ip: string | null;
  requestId: string | null;
}

/** The address and request id of a request, for its audit entries. */
export const originOf = (request: Pick<FastifyRequest, 'ip' | 'id'>): AuditOrigin => ({
  ip: request.ip ?? null,
  requestId: String(request.id),
});

export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: nowIso(),
      actor_id: entry.actor?.id ?? null,
      actor_label: entry.actor?.name ?? entry.actorLabel ?? 'system',
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      summary: entry.summary,
      details: entry.details === undefined ? null : JSON.stringify(entry.details),
      ip: entry.origin?.ip ?? null,
      request_id: entry.origin?.requestId ?? null,
    })
    .execute();
}
