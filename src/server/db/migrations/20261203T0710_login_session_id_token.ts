import type { Kysely } from 'kysely';

/**
 * OpenID Connect sign-out (issue 15): the ID token of the sign-in that made a browser session,
 * kept with the session only to name it (`id_token_hint`) when that session signs out of the
 * identity provider too. Null for demo and SAML sessions, and for sessions made before this.
 * Sealed by the server (AES-GCM, key from OIDC_CLIENT_SECRET); deleted with the session; never
 * logged, never shown.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_sessions').addColumn('id_token', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('login_sessions').dropColumn('id_token').execute();
}
