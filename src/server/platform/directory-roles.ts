/**
 * The directory's groups decide the admin role, the same way at single sign-on (OIDC_ADMIN_GROUPS,
 * SAML_ADMIN_GROUPS) and in SCIM provisioning (SCIM_ADMIN_GROUPS): a member of an admin group is an
 * admin; leaving the groups takes back only what the directory gave (an admin made by hand, role_source
 * 'manual', stays one). Undefined: nothing to change. Callers apply it only when admin groups are set.
 */
export function roleFromDirectoryGroups(
  person: { role: 'member' | 'admin'; role_source: 'manual' | 'directory' },
  inAdminGroup: boolean,
): { role: 'member' | 'admin'; role_source: 'manual' | 'directory' } | undefined {
  if (inAdminGroup && person.role !== 'admin') return { role: 'admin', role_source: 'directory' };
  if (!inAdminGroup && person.role === 'admin' && person.role_source === 'directory') return { role: 'member', role_source: 'directory' };
  return undefined;
}
