import { describe, expect, it } from 'vitest';
import { roleFromDirectoryGroups } from './directory-roles.js';

describe('the admin role from directory groups (single sign-on and SCIM)', () => {
  it('makes a member of an admin group an admin, given by the directory', () => {
    expect(roleFromDirectoryGroups({ role: 'member', role_source: 'manual' }, true)).toEqual({ role: 'admin', role_source: 'directory' });
    expect(roleFromDirectoryGroups({ role: 'admin', role_source: 'directory' }, true)).toBeUndefined();
    expect(roleFromDirectoryGroups({ role: 'admin', role_source: 'manual' }, true)).toBeUndefined();
  });

  it('takes back only what the directory gave: a hand-made admin stays one', () => {
    expect(roleFromDirectoryGroups({ role: 'admin', role_source: 'directory' }, false)).toEqual({
      role: 'member',
      role_source: 'directory',
    });
    expect(roleFromDirectoryGroups({ role: 'admin', role_source: 'manual' }, false)).toBeUndefined();
    expect(roleFromDirectoryGroups({ role: 'member', role_source: 'directory' }, false)).toBeUndefined();
  });
});
