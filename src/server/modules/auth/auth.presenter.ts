import type { Selectable } from 'kysely';
import type { ApiToken } from '../../../contracts/index.js';
import type { ApiTokensTable } from '../../db/schema.js';

export function presentToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    hint: row.hint,
    scope: row.scope,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}
