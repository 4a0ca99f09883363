import { describe, expect, it } from 'vitest';
import { classifyDatabaseError, DatabaseUnavailable, unavailableReason } from './db-errors.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('classifyDatabaseError (applied to what the database driver throws)', () => {
  it.each([
    [withCode('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED'), 'connection refused'],
    [withCode('read ECONNRESET', 'ECONNRESET'), 'connection reset'],
    [withCode('connect ETIMEDOUT 10.0.0.5:5432', 'ETIMEDOUT'), 'connection timed out'],
    [withCode('getaddrinfo ENOTFOUND db', 'ENOTFOUND'), 'host name not found'],
    [withCode('terminating connection due to administrator command', '57P01'), expect.stringContaining('closed the connection')],
    [withCode('the database system is starting up', '57P03'), expect.stringContaining('starting up')],
    [withCode('connection failure', '08006'), 'connection failure: connection failure'],
    [new Error('Connection terminated unexpectedly'), 'connection closed'],
    [new Error('Connection terminated due to connection timeout'), 'connection timed out'],
    [new Error('timeout expired'), 'connection timed out'],
    [new Error('timeout exceeded when trying to connect'), 'timed out waiting for a database connection'],
    [new Error('Client has encountered a connection error and is not queryable'), 'connection closed'],
    [new Error('Query read timeout'), 'no answer within DB_QUERY_TIMEOUT_S'],
    [new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'all failed'), 'connection refused'],
  ])('a lost or unreachable database: %s → %s', (error, reason) => {
    const classified = classifyDatabaseError(error);
    expect(classified).toBeInstanceOf(DatabaseUnavailable);
    expect(classified).toMatchObject({ kind: 'connection', reason, cause: error });
    expect(unavailableReason(classified)).toEqual(reason);
  });

  it('SQLite locked by another writer past busy_timeout is unavailable too (retry later)', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT']) {
      const error = withCode('database is locked', code);
      expect(classifyDatabaseError(error)).toMatchObject({ kind: 'busy', cause: error });
    }
  });

  it.each([
    withCode('duplicate key value violates unique constraint', '23505'),
    withCode('relation "people" does not exist', '42P01'),
    withCode('disk I/O error', 'SQLITE_IOERR'),
    withCode('database or disk is full', 'SQLITE_FULL'),
    withCode('UNIQUE constraint failed: people.email', 'SQLITE_CONSTRAINT_UNIQUE'),
    new Error('driver has already been destroyed'),
    'a string',
  ])('leaves every other error as it is: %s', (error) => {
    expect(classifyDatabaseError(error)).toBe(error);
  });

  it('keeps a classification made earlier', () => {
    const unavailable = new DatabaseUnavailable('connection reset', 'connection');
    expect(classifyDatabaseError(unavailable)).toBe(unavailable);
  });
});

describe('unavailableReason', () => {
  it.each([
    // The same socket codes, not marked by the database driver: a client or an outbound call, not the database.
    withCode('read ECONNRESET', 'ECONNRESET'),
    withCode('write EPIPE', 'EPIPE'),
    new Error('Connection terminated unexpectedly'),
    new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED') }),
    undefined,
  ])('is undefined for what the driver did not mark: %s', (error) => {
    expect(unavailableReason(error)).toBeUndefined();
  });
});
