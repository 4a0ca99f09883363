import type { Kysely } from 'kysely';
import { timestampType } from './column-types.js';

/**
 * SAML single sign-on (issue 15), remembered in the database so that every instance agrees:
 *
 * - saml_requests: the AuthnRequests this deployment sent, until they expire. A response is only
 *   taken when its InResponseTo is one of them (unsolicited and forged responses are refused), and
 *   each one is used once.
 * - saml_assertions: the assertions already taken, until their NotOnOrAfter: the same signed
 *   assertion posted again (replayed) is refused, whichever instance it reaches.
 *
 * Ids are the identity provider's (or ours) as sent; the primary key makes a second taker fail.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('saml_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('expires_at', ts, (c) => c.notNull())
    // The same-site path to land on once signed in (kept here, not in RelayState, which the browser can change).
    .addColumn('next', 'text', (c) => c.notNull().defaultTo('/'))
    .execute();
  await db.schema.createIndex('saml_requests_expires_at').on('saml_requests').column('expires_at').execute();
  await db.schema
    .createTable('saml_assertions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('saml_assertions_expires_at').on('saml_assertions').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saml_assertions').execute();
  await db.schema.dropTable('saml_requests').execute();
}
