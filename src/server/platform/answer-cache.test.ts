import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnswerCache } from './answer-cache.js';

/** A computation that counts its runs and answers "answer N". */
function counter() {
  let runs = 0;
  const compute = vi.fn(async () => `answer ${++runs}`);
  return { compute, runs: () => runs };
}

describe('answer cache', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('shares one computation between identical requests arriving together', async () => {
    const cache = new AnswerCache<string>(2000);
    const { compute } = counter();
    const answers = await Promise.all(Array.from({ length: 5 }, () => cache.get('q', compute)));
    expect(answers).toEqual(Array(5).fill('answer 1'));
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('serves a stale answer at once while one refresh runs, then the refreshed one', async () => {
    const cache = new AnswerCache<string>(2000);
    const { compute } = counter();
    await cache.get('q', compute);
    vi.advanceTimersByTime(2500);
    // Both requests get the stale answer without waiting; only one refresh starts.
    expect(await Promise.all([cache.get('q', compute), cache.get('q', compute)])).toEqual(['answer 1', 'answer 1']);
    expect(compute).toHaveBeenCalledTimes(2);
    await vi.waitFor(async () => expect(await cache.get('q', compute)).toBe('answer 2'));
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('waits for a fresh answer once the stored one is too old to serve', async () => {
    const cache = new AnswerCache<string>(2000);
    const { compute } = counter();
    await cache.get('q', compute);
    vi.advanceTimersByTime(60_000);
    expect(await cache.get('q', compute)).toBe('answer 2');
  });

  it('does not remember a failure, and keeps the stale answer when a refresh fails', async () => {
    const cache = new AnswerCache<string>(2000);
    await expect(cache.get('q', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('q', async () => 'ok')).toBe('ok');
    vi.advanceTimersByTime(2500);
    expect(await cache.get('q', () => Promise.reject(new Error('down')))).toBe('ok');
    await Promise.resolve();
    expect(await cache.get('q', async () => 'later')).toBe('ok');
  });

  it('makes room for a new answer by dropping the least recently used one, keeping the others', async () => {
    const cache = new AnswerCache<string>(60_000, 2);
    const computed: string[] = [];
    const ask = (key: string) =>
      cache.get(key, async () => {
        computed.push(key);
        return key;
      });
    await ask('a');
    await ask('b');
    await ask('a'); // a is now used more recently than b
    await ask('c'); // full: b goes
    expect(computed).toEqual(['a', 'b', 'c']);
    await ask('a');
    await ask('c');
    expect(computed).toEqual(['a', 'b', 'c']);
    await ask('b');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });

  it('computes every time when turned off (0 ms)', async () => {
    const cache = new AnswerCache<string>(0);
    const { compute } = counter();
    await cache.get('q', compute);
    await cache.get('q', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });
});
