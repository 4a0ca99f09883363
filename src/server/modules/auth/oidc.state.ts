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

const keyFrom = (secret: string, purpose = 'state cookie') => createHash('sha256').update(`lyceum oidc ${purpose}\0${secret}`).digest();

function seal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(Buffer.from(plain, 'utf8')), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
}

/** The sealed text, or undefined when it is damaged or was sealed with another key. */
function open(key: Buffer, sealedText: string): string | undefined {
  const [iv, tag, sealed] = sealedText.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !sealed || iv.length !== 12 || tag.length !== 16) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

export function sealPendingSignIn(secret: string, pending: PendingSignIn, now = Date.now()): string {
  return seal(keyFrom(secret), JSON.stringify({ ...pending, expiresAt: now + OIDC_STATE_TTL_MS }));
}

/**
 * The ID token as kept with a browser session (login_sessions.id_token): sealed, so a copy of the
 * database or a backup does not hand out people's ID tokens. Only this server, knowing
 * OIDC_CLIENT_SECRET, opens it again, to name it when the session signs out.
 */
export function sealIdToken(secret: string, idToken: string): string {
  return seal(keyFrom(secret, 'id token'), idToken);
}

/** undefined when the secret changed since (the sign-out then names the client alone). */
export function openIdToken(secret: string, sealed: string | null | undefined): string | undefined {
  return sealed ? open(keyFrom(secret, 'id token'), sealed) : undefined;
}

/** The pending sign-in, or undefined when the cookie is missing, forged, damaged or expired. */
export function openPendingSignIn(secret: string, cookie: string | undefined, now = Date.now()): PendingSignIn | undefined {
  if (!cookie) return undefined;
  const plain = open(keyFrom(secret), cookie);
  if (plain === undefined) return undefined;
  try {
    const value = JSON.parse(plain) as PendingSignIn & { expiresAt: number };
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
