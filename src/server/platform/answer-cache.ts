import { LRUCache } from 'lru-cache';

/**
 * Answers that depend only on their key, kept for `freshMs` and then served stale while one
 * refresh runs in the background (HTTP's stale-while-revalidate): a request never waits for a
 * recomputation of an answer it could have had a moment ago. An answer older than
 * `freshMs × STALE_FACTOR` is not served; that request waits for a fresh one. Identical
 * requests arriving together share one computation. A failed computation is not remembered.
 * When `maxEntries` answers are kept, a new one replaces the least recently used.
 */
const STALE_FACTOR = 5;

interface Entry<T> {
  at: number;
  value: Promise<T>;
  refreshing: boolean;
}

export class AnswerCache<T> {
  private readonly entries: LRUCache<string, Entry<T>>;

  constructor(
    private readonly freshMs: number,
    maxEntries = 500,
  ) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  get(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.freshMs <= 0) return compute();
    const entry = this.entries.get(key);
    const age = entry ? Date.now() - entry.at : Number.POSITIVE_INFINITY;
    if (entry && age < this.freshMs) return entry.value;
    if (entry && age < this.freshMs * STALE_FACTOR) {
      if (!entry.refreshing) this.refresh(key, entry, compute);
      return entry.value;
    }
    return this.store(key, compute());
  }

  private store(key: string, value: Promise<T>): Promise<T> {
    const entry: Entry<T> = { at: Date.now(), value, refreshing: false };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.peek(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  private refresh(key: string, stale: Entry<T>, compute: () => Promise<T>): void {
    stale.refreshing = true;
    compute().then(
      (value) => {
        if (this.entries.peek(key) === stale) this.entries.set(key, { at: Date.now(), value: Promise.resolve(value), refreshing: false });
      },
      // The stale answer stays until it is too old; the next request past that computes afresh.
      () => {
        stale.refreshing = false;
      },
    );
  }
}
