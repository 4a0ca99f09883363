import { createHash, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Time-ordered UUIDs: never sequential integers, yet index-friendly. */
export const newId = (): string => uuidv7();

/** A high-entropy secret (API token, session cookie) with a recognisable prefix. */
export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

/** Secrets have 256 bits of entropy, so a plain SHA-256 is enough to store them safely. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export const nowIso = (): string => new Date().toISOString();
