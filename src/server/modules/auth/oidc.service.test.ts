import { describe, expect, it } from 'vitest';
import { identityFromClaims } from './oidc.service.js';

const names = { email: 'email', name: 'name', groups: 'groups', title: undefined, team: undefined };

describe('reading an OpenID Connect sign-in', () => {
  it('takes email_verified as the provider sends it (true, false, "true", "false", or not at all)', () => {
    const verified = (value: unknown) => identityFromClaims({ email: 'a@example.com', email_verified: value }, names).emailVerified;
    expect(verified(true)).toBe(true);
    expect(verified('true')).toBe(true);
    expect(verified(false)).toBe(false);
    expect(verified('false')).toBe(false);
    expect(verified(undefined)).toBeUndefined();
  });

  it('reads email_verified only for the email claim: another claim read as the email is the sign-in name', () => {
    const identity = identityFromClaims(
      { preferred_username: 'Ann@Example.com', email: 'private@example.net', email_verified: false },
      { ...names, email: 'preferred_username' },
    );
    expect(identity).toMatchObject({ email: 'Ann@Example.com', emailVerified: undefined, emailSource: 'preferred_username claim' });
  });

  it('reads groups as a list or a comma-separated string, and title and team only when named', () => {
    const claims = { email: 'a@example.com', groups: 'staff, lyceum-admins', roles: ['x'], jobTitle: 'Lead', department: ' ' };
    expect(identityFromClaims(claims, names)).toMatchObject({ groups: ['staff', 'lyceum-admins'], title: undefined, team: undefined });
    expect(identityFromClaims(claims, { ...names, groups: 'roles', title: 'jobTitle', team: 'department' })).toMatchObject({
      groups: ['x'],
      title: 'Lead',
      team: null,
    });
  });
});
