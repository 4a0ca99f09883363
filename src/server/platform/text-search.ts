import { type Expression, type SqlBool, sql } from 'kysely';

/** Makes user text literal inside LIKE: "100%" must not match "1000". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Case-insensitive "column contains text", the same on SQLite and PostgreSQL. */
export function containsIgnoringCase(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}
