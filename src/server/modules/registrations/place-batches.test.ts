import { describe, expect, it } from 'vitest';
import { PlaceBatches } from './place-batches.js';
import type { PlaceAsk, RegistrationRow } from './registrations.repository.js';

const session = { id: 's1', workshop_id: 'w1' };

const ask = (personId: string, id = `r-${personId}`): PlaceAsk => ({
  id,
  personId,
  pool: 'in_person',
  messages: { enrolled: message('registration.enrolled', id, personId), waitlisted: message('registration.waitlisted', id, personId) },
});

const message = (topic: string, id: string, personId: string) => ({
  id: `m-${topic}-${id}`,
  topic,
  dedupKey: `${topic}:${id}`,
  payload: '{}',
  personId,
  sessionId: 's1',
  kind: 'registrations',
  at: '',
});

/** A stand-in for the statement: records each batch, answers when released, like PostgreSQL would decide. */
function statement() {
  const batches: string[][] = [];
  const release: (() => void)[] = [];
  const taken = new Map<string, RegistrationRow>();
  const takePlaces = (_s: typeof session, asks: PlaceAsk[]) => {
    batches.push(asks.map((a) => a.personId));
    return new Promise<RegistrationRow[]>((resolve, reject) => {
      release.push(() => {
        if (asks.some((a) => a.personId === 'broken')) return reject(new Error('connection lost'));
        resolve(
          asks.map((a) => {
            const row = taken.get(a.personId) ?? ({ id: a.id, person_id: a.personId, status: 'waitlisted' } as RegistrationRow);
            taken.set(a.personId, row);
            return row;
          }),
        );
      });
    });
  };
  const next = async () => {
    await new Promise((r) => setImmediate(r));
    release.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { batches, takePlaces, next };
}

describe('place batches', () => {
  it('sends a lone ask at once, and what was asked meanwhile as the next statement', async () => {
    const db = statement();
    const batches = new PlaceBatches(db.takePlaces);
    const first = batches.take(session, ask('a'));
    expect(db.batches).toEqual([['a']]);
    const rest = ['b', 'c', 'd'].map((p) => batches.take(session, ask(p)));
    expect(db.batches).toHaveLength(1);
    await db.next();
    expect(await first).toMatchObject({ id: 'r-a', person_id: 'a' });
    expect(db.batches).toEqual([['a'], ['b', 'c', 'd']]);
    await db.next();
    expect((await Promise.all(rest)).map((r) => r?.id)).toEqual(['r-b', 'r-c', 'r-d']);
  });

  it('asks for one person once per statement; the second ask finds the first one’s registration', async () => {
    const db = statement();
    const batches = new PlaceBatches(db.takePlaces);
    const opener = batches.take(session, ask('z'));
    const twice = [batches.take(session, ask('a', 'r-1')), batches.take(session, ask('b')), batches.take(session, ask('a', 'r-2'))];
    await db.next();
    await db.next();
    await db.next();
    await opener;
    expect(db.batches).toEqual([['z'], ['a', 'b'], ['a']]);
    expect((await Promise.all(twice)).map((r) => r?.id)).toEqual(['r-1', 'r-b', 'r-1']);
  });

  it('keeps batches within the limit, and a failed statement fails only its own asks', async () => {
    const db = statement();
    const batches = new PlaceBatches(db.takePlaces, 2);
    const opener = batches.take(session, ask('z'));
    const asks = ['a', 'broken', 'c'].map((p) => batches.take(session, ask(p)).catch((e: Error) => e.message));
    for (let i = 0; i < 3; i++) await db.next();
    await opener;
    expect(db.batches).toEqual([['z'], ['a', 'broken'], ['c']]);
    expect(await Promise.all(asks)).toEqual(['connection lost', 'connection lost', expect.objectContaining({ id: 'r-c' })]);
  });

  it('keeps each session its own queue', async () => {
    const db = statement();
    const batches = new PlaceBatches(db.takePlaces);
    void batches.take(session, ask('a'));
    void batches.take({ id: 's2', workshop_id: 'w1' }, ask('b'));
    expect(db.batches).toEqual([['a'], ['b']]);
  });
});
