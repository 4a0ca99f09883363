import { type Insertable, PostgresAdapter, type Selectable, sql, type Updateable } from 'kysely';
import type { ApiTokensTable, LoginSessionsTable, PeopleTable } from '../../db/schema.js';
import { prepared } from '../../platform/prepared.js';
import type { Executor } from '../../platform/transaction.js';

type PersonRow = Selectable<PeopleTable>;

// Every API request authenticates with this one: compiled once.
const personByTokenHash = prepared((db, tokenHash: string) =>
  db
    .selectFrom('api_tokens as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .select(['p.id', 'p.name', 'p.role', 'p.time_zone', 't.id as token_id', 't.last_used_at', 't.scope', 't.expires_at'])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    // Someone who left is refused at once, whatever their tokens say.
    .where('p.active', '=', 1),
);

export const authRepository = {
  /** The token's person, scope and expiry (expired tokens too, so the caller can say why it refuses). */
  findPersonByTokenHash(db: Executor, tokenHash: string) {
    return personByTokenHash(db, tokenHash).then(([r]) => r);
  },

  /**
   * Records when tokens were last used, all of them in one statement: `touches` are [token id,
   * time] pairs, at most a few hundred (the caller slices). A time older than the one recorded
   * (another instance wrote a later use) leaves the row alone.
   */
  async touchTokens(db: Executor, touches: readonly (readonly [tokenId: string, at: string])[]): Promise<void> {
    if (touches.length === 0) return;
    const used = sql<{ id: string; at: string }>`(${sql.join(
      touches.map(([id, at]) => sql`select ${id} as id, ${at} as at`),
      sql` union all `,
    )})`;
    // The literal list's times are text; PostgreSQL's column is a timestamptz.
    const at = db.getExecutor().adapter instanceof PostgresAdapter ? sql<string>`cast(v.at as timestamptz)` : sql<string>`v.at`;
    await db
      .updateTable('api_tokens')
      .from(used.as('v'))
      .set({ last_used_at: at })
      .whereRef('api_tokens.id', '=', 'v.id')
      .where((eb) => eb.or([eb('api_tokens.last_used_at', 'is', null), eb('api_tokens.last_used_at', '<', at)]))
      .execute();
  },

  findPersonBySessionHash(db: Executor, sessionHash: string, now: string) {
    return db
      .selectFrom('login_sessions as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .select(['p.id', 'p.name', 'p.role', 'p.time_zone', 's.csrf_token', 's.expires_at'])
      .where('s.token_hash', '=', sessionHash)
      .where('s.expires_at', '>', now)
      .where('p.active', '=', 1)
      .executeTakeFirst();
  },

  insertLoginSession(db: Executor, row: Insertable<LoginSessionsTable>) {
    return db.insertInto('login_sessions').values(row).execute();
  },

  /** The ID token an OpenID Connect session was signed in with (null for other sessions). */
  sessionIdToken(db: Executor, sessionHash: string): Promise<string | null> {
    return db
      .selectFrom('login_sessions')
      .select('id_token')
      .where('token_hash', '=', sessionHash)
      .executeTakeFirst()
      .then((r) => r?.id_token ?? null);
  },

  deleteLoginSession(db: Executor, sessionHash: string) {
    return db.deleteFrom('login_sessions').where('token_hash', '=', sessionHash).execute();
  },

  deleteExpiredLoginSessions(db: Executor, now: string) {
    return db.deleteFrom('login_sessions').where('expires_at', '<=', now).execute();
  },

  listTokens(db: Executor, personId: string): Promise<Selectable<ApiTokensTable>[]> {
    return db
      .selectFrom('api_tokens')
      .selectAll()
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
  },

  insertToken(db: Executor, row: Insertable<ApiTokensTable>) {
    return db.insertInto('api_tokens').values(row).execute();
  },

  revokeToken(db: Executor, personId: string, tokenId: string, at: string) {
    return db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', tokenId)
      .where('person_id', '=', personId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
      .then((r) => Number(r.numUpdatedRows));
  },

  findPersonByEmail(db: Executor, email: string): Promise<PersonRow | undefined> {
    return db.selectFrom('people').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  },
  /** Single sign-on: a person's first sign-in adds them to the directory. */
  insertPerson(db: Executor, row: Insertable<PeopleTable>) {
    return db.insertInto('people').values(row).execute();
  },
  /** Single sign-on: name, title, team and role as the identity provider says. */
  updatePerson(db: Executor, id: string, changes: Updateable<PeopleTable>) {
    return db.updateTable('people').set(changes).where('id', '=', id).execute();
  },
};
