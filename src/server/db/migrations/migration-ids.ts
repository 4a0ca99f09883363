import { randomBytes } from 'node:crypto';

/**
 * Time-ordered UUIDs (version 7) for rows a migration inserts, made here rather than imported
 * from the application, so a migration depends on nothing but kysely and Node. Ids made in the
 * same millisecond count up (a 12-bit counter in rand_a), so they sort in the order they were made.
 */
let lastMs = 0;
let counter = 0;

export function migrationId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    counter = randomBytes(2).readUInt16BE(0) & 0x3ff;
  } else if (++counter > 0xfff) {
    lastMs += 1;
    counter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (counter >>> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
