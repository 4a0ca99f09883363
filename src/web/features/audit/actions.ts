/**
 * The actions the audit log records today, as the filter offers them. The server takes any
 * action name, or a prefix ending in a dot (`webhook.`) for a whole family.
 */
export const auditActionChoices = [
  { value: 'sign_in.', label: 'Sign-ins (all)' },
  { value: 'sign_in.succeeded', label: 'Signed in' },
  { value: 'sign_in.failed', label: 'Sign-in refused' },
  { value: 'sign_out', label: 'Signed out' },
  { value: 'api_token.', label: 'API tokens (all)' },
  { value: 'api_token.created', label: 'API token created' },
  { value: 'api_token.revoked', label: 'API token revoked' },
  { value: 'person.', label: 'People (role, deactivation, erasure)' },
  { value: 'person.role_changed', label: 'Role changed' },
  { value: 'person.deactivated', label: 'Person deactivated' },
  { value: 'person.reactivated', label: 'Person reactivated' },
  { value: 'person.erased', label: 'Person erased' },
  { value: 'person.created', label: 'Person added at first sign-in' },
  { value: 'scim.', label: 'Directory provisioning (SCIM)' },
  { value: 'scim.user.created', label: 'SCIM added a person' },
  { value: 'scim.user.updated', label: 'SCIM updated a person' },
  { value: 'scim.user.deactivated', label: 'SCIM deactivated a person' },
  { value: 'scim.user.reactivated', label: 'SCIM reactivated a person' },
  { value: 'scim.user.deleted', label: 'SCIM deleted a person' },
  { value: 'scim.group.', label: 'SCIM groups (added, changed, deleted)' },
  { value: 'webhook.', label: 'Webhooks (created, changed, removed)' },
  { value: 'slack.', label: 'Slack connections of channels' },
  { value: 'checklist_template.published', label: 'Checklist template published' },
  { value: 'workshop.', label: "Admins changing someone else's workshop" },
] as const;

/** A readable name for an action, or the action itself. */
export function actionLabel(action: string): string {
  return auditActionChoices.find((c) => c.value === action)?.label ?? action;
}
