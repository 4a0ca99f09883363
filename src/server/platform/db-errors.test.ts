import { describe, expect, it } from 'vitest';
import { unreachableReason } from './db-errors.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('unreachableReason', () => {
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
    [new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'all failed'), 'connection refused'],
  ])('%s → %s', (error, reason) => {
    expect(unreachableReason(error)).toEqual(reason);
  });

  it.each([
    withCode('duplicate key value violates unique constraint', '23505'),
    withCode('relation "people" does not exist', '42P01'),
    new Error('driver has already been destroyed'),
    // An outbound HTTP call that could not connect is not the database.
    new TypeError('fetch failed', { cause: withCode('connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED') }),
    'a string',
  ])('leaves other errors alone: %s', (error) => {
    expect(unreachableReason(error)).toBeUndefined();
  });
});
