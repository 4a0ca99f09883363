import { describe, expect, it } from 'vitest';
import { OIDC_STATE_TTL_MS, openIdToken, openPendingSignIn, safeNextPath, sealIdToken, sealPendingSignIn } from './oidc.state.js';

const pending = { state: 'st', nonce: 'no', codeVerifier: 'verifier-secret', next: '/workshops' };

describe('the sign-in-in-progress cookie', () => {
  it('opens with the same secret until it expires, and hides what it holds', () => {
    const sealed = sealPendingSignIn('secret', pending, 1_000);
    expect(sealed).not.toContain('verifier-secret');
    expect(openPendingSignIn('secret', sealed, 1_000 + OIDC_STATE_TTL_MS - 1)).toEqual(pending);
    expect(openPendingSignIn('secret', sealed, 1_000 + OIDC_STATE_TTL_MS)).toBeUndefined();
    expect(openPendingSignIn('another secret', sealed, 1_000)).toBeUndefined();
  });

  it('refuses a changed, cut or made-up cookie', () => {
    const sealed = sealPendingSignIn('secret', pending);
    const [iv, tag, body = ''] = sealed.split('.');
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 0x01; // one bit changed, whatever the random IV made of the text
    const flipped = `${iv}.${tag}.${bytes.toString('base64url')}`;
    for (const cookie of [flipped, `${iv}.${tag}`, 'a.b.c', '', undefined]) expect(openPendingSignIn('secret', cookie)).toBeUndefined();
  });

  it.each([
    ['/workshops?tag=sql', '/workshops?tag=sql'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example/', '/'],
    ['/sign-in', '/'],
    ['/api/v1/auth/sign-out', '/'],
    [undefined, '/'],
  ])('lands on same-site pages only: %s → %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('the ID token kept with a session', () => {
  it('is sealed: opened with the same secret only, never readable in the database', () => {
    const idToken = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvbGdhIiwiZW1haWwiOiJvbGdhQGV4YW1wbGUuY29tIn0.c2lnbmF0dXJl';
    const sealed = sealIdToken('secret', idToken);
    expect(sealed).not.toContain('eyJ');
    expect(sealed).not.toBe(sealIdToken('secret', idToken));
    expect(openIdToken('secret', sealed)).toBe(idToken);
    expect(openIdToken('rotated secret', sealed)).toBeUndefined();
    const [iv, tag, body = ''] = sealed.split('.');
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    expect(openIdToken('secret', `${iv}.${tag}.${bytes.toString('base64url')}`)).toBeUndefined();
    expect(openIdToken('secret', null)).toBeUndefined();
    // Not interchangeable with the sign-in cookie, sealed with the same secret.
    expect(openPendingSignIn('secret', sealed)).toBeUndefined();
  });
});
