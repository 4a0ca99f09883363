import { describe, expect, it } from 'vitest';
import { SignalledCache } from './signalled-cache.js';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('the signalled cache', () => {
  it('keeps a valid answer for its lifetime, and not past the credential’s own expiry', () => {
    const time = clock();
    const cache = new SignalledCache<string>(5_000, () => true, time.now);
    cache.store('token-a', 'p1', 'Alice', cache.ticket());
    cache.store('token-b', 'p1', 'Alice (expires soon)', cache.ticket(), time.now() + 1_000);
    expect(cache.get('token-a')).toBe('Alice');
    expect(cache.get('token-b')).toBe('Alice (expires soon)');
    time.advance(1_000);
    expect(cache.get('token-b')).toBeUndefined();
    expect(cache.get('token-a')).toBe('Alice');
    time.advance(4_000);
    expect(cache.get('token-a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets one group’s entries (a person’s credentials), or all', () => {
    const cache = new SignalledCache<string>(5_000);
    cache.store('a1', 'alice', 'A', cache.ticket());
    cache.store('a2', 'alice', 'A', cache.ticket());
    cache.store('b1', 'bob', 'B', cache.ticket());
    cache.forgetGroup('alice');
    expect([cache.get('a1'), cache.get('a2'), cache.get('b1')]).toEqual([undefined, undefined, 'B']);
    cache.forgetAll();
    expect(cache.get('b1')).toBeUndefined();
  });

  it('does not keep a read that was under way when a change arrived (it may have seen the row before the change)', () => {
    const cache = new SignalledCache<string>(5_000);
    const ticket = cache.ticket();
    // The database answered "valid", then the revocation's signal came before the answer was stored.
    cache.forgetGroup('alice');
    cache.store('a1', 'alice', 'A (before the change)', ticket);
    expect(cache.get('a1')).toBeUndefined();
    cache.store('a1', 'alice', 'A', cache.ticket());
    expect(cache.get('a1')).toBe('A');
  });

  it('answers nothing while changes from other instances are not heard, and nothing at all when its lifetime is 0', () => {
    let listening = true;
    const cache = new SignalledCache<string>(5_000, () => listening);
    cache.store('a1', 'alice', 'A', cache.ticket());
    listening = false;
    expect(cache.get('a1')).toBeUndefined();
    cache.store('a1', 'alice', 'A', cache.ticket());
    listening = true;
    expect(cache.get('a1')).toBeUndefined();

    const off = new SignalledCache<string>(0);
    off.store('a1', 'alice', 'A', off.ticket());
    expect(off.get('a1')).toBeUndefined();
    expect(off.enabled).toBe(false);
  });

  it('keeps at most its bound, dropping the oldest kept', () => {
    const cache = new SignalledCache<string>(5_000, () => true, Date.now, 2);
    cache.store('w1', 'w1', 'first', cache.ticket());
    cache.store('w2', 'w2', 'second', cache.ticket());
    cache.store('w3', 'w3', 'third', cache.ticket());
    expect([cache.get('w1'), cache.get('w2'), cache.get('w3')]).toEqual([undefined, 'second', 'third']);
    expect(cache.size).toBe(2);
  });
});
