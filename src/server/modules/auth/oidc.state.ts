import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { PendingSignIn } from './oidc.client.js';

/**
 * The sign-in in progress travels in a short-lived httpOnly cookie, sealed (AES-256-GCM): the
 * browser can neither read the PKCE verifier nor change `next`, and any Lyceum instance can open
 * it (no shared memory needed). The key comes from OIDC_CLIENT_SECRET, which only the server knows.
 */
export const OIDC_STATE_COOKIE = 'lyceum_oidc';
/** Long enough to type a password and approve a second factor, short enough to be useless later. */
export const OIDC_STATE_TTL_MS = 10 * 60_000;

const keyFrom = (secret: string) => createHash('sha256').update(`lyceum oidc state cookie\0${secret}`).digest();

export function sealPendingSignIn(secret: string, pending: PendingSignIn, now = Date.now()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const plain = Buffer.from(JSON.stringify({ ...pending, expiresAt: now + OIDC_STATE_TTL_MS }), 'utf8');
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
}

/** The pending sign-in, or undefined when the cookie is missing, forged, damaged or expired. */
export function openPendingSignIn(secret: string, cookie: string | undefined, now = Date.now()): PendingSignIn | undefined {
  if (!cookie) return undefined;
  const [iv, tag, sealed] = cookie.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !sealed || iv.length !== 12 || tag.length !== 16) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), iv);
    decipher.setAuthTag(tag);
    const value = JSON.parse(Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8')) as PendingSignIn & {
      expiresAt: number;
    };
    if (typeof value.expiresAt !== 'number' || value.expiresAt <= now) return undefined;
    return { state: value.state, nonce: value.nonce, codeVerifier: value.codeVerifier, next: value.next };
  } catch {
    return undefined;
  }
}

/** Only a same-site path is followed after signing in (never //evil.example or /\evil.example). */
export function safeNextPath(next: string | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\r\n]/.test(next)) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/api/')) return '/';
  return next;
}
