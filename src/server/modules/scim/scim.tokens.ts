import { hashSecret, newId, newSecret, nowIso } from '../../platform/ids.js';
import type { Executor } from '../../platform/transaction.js';
import { scimRepository } from './scim.repository.js';

/**
 * SCIM bearer tokens made with `lyceum scim-token create` (besides SCIM_TOKEN): shown once, kept
 * only as their SHA-256 (256 random bits, so a plain hash is enough), revoked by id.
 */
export async function createScimToken(db: Executor): Promise<{ id: string; token: string }> {
  const token = newSecret('lyscim');
  const id = newId();
  await scimRepository.insertToken(db, { id, token_hash: hashSecret(token), hint: token.slice(-4), created_at: nowIso() });
  return { id, token };
}

export const listScimTokens = (db: Executor) => scimRepository.listTokens(db);

export async function revokeScimToken(db: Executor, id: string): Promise<boolean> {
  const result = await scimRepository.revokeToken(db, id, nowIso());
  return Number(result.numUpdatedRows) > 0;
}
