import type { ChangeSignals } from './change-signals.js';
import { CREDENTIALS_TOPIC, EVERYONE } from './credential-changes.js';

// Enough for every active token and session of a large organisation; beyond it the oldest go.
const MOST_ENTRIES = 20_000;

interface Entry<V> {
  value: V;
  group: string;
  /** Date.now() after which the entry is read again from the database. */
  until: number;
}

/**
 * Answers this instance read from the database in the last `ttlMs`, kept until a change signal
 * names their group: valid credentials (API tokens, browser sessions, calendar feed addresses),
 * keyed by the credential's SHA-256 (never the credential itself) and grouped by person, so a
 * request is authenticated without a database read; workshop pages, keyed and grouped by workshop.
 * Only answers found are kept: a new token works at once, a refusal is always read again.
 *
 * Freshness: a change (a person's credentials or standing on CREDENTIALS_TOPIC, a workshop's page
 * on its own topic) drops that group's entries on every instance as soon as its signal arrives, within milliseconds. A signal
 * can be lost only while an instance's listening connection is down; the cache is bypassed as
 * soon as that is noticed, everything is dropped when it comes back (onResync), and no entry
 * outlives `ttlMs` in any case, which bounds the delay when nothing else does.
 *
 * A read that was under way while a change arrived (it may have seen the row before the change)
 * is not kept: every change moves `generation`, and `store` takes the generation the read began at.
 */
export class SignalledCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly byGroup = new Map<string, Set<string>>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    /** Whether changes from other instances are heard now; when not, every lookup reads the database. */
    private readonly live: () => boolean = () => true,
    private readonly now: () => number = Date.now,
    /** Beyond this many entries the oldest goes. */
    private readonly maxEntries = MOST_ENTRIES,
  ) {}

  /**
   * Forgets the groups named on `topic` (people on CREDENTIALS_TOPIC for sign-in; calendar feed
   * addresses and workshop pages listen to their own), everything on EVERYONE, and everything
   * after signals may have been missed.
   */
  listenTo(signals: ChangeSignals, topic = CREDENTIALS_TOPIC): void {
    // The payload names one group, several (comma-separated: a trigger's statement), or all.
    signals.subscribe(topic, (payload) => {
      const groups = payload.split(',');
      if (groups.includes(EVERYONE) || groups.includes('')) this.forgetAll();
      else for (const group of groups) this.forgetGroup(group);
    });
    signals.onResync(() => this.forgetAll());
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    if (!this.enabled) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.now() || !this.live()) {
      this.drop(key, entry.group);
      return undefined;
    }
    return entry.value;
  }

  /** Call before reading the database; pass the answer to `store`. */
  ticket(): number {
    return this.generation;
  }

  /** Keeps an answer for ttlMs (less when `notAfter` comes first: a credential's own expiry, the next change by time alone). */
  store(key: string, group: string, value: V, ticket: number, notAfter?: number): void {
    if (!this.enabled || ticket !== this.generation || !this.live()) return;
    const until = Math.min(this.now() + this.ttlMs, notAfter ?? Number.POSITIVE_INFINITY);
    if (until <= this.now()) return;
    this.drop(key, group);
    if (this.entries.size >= this.maxEntries) {
      const [oldest] = this.entries.entries();
      if (oldest) this.drop(oldest[0], oldest[1].group);
    }
    this.entries.set(key, { value, group, until });
    const keys = this.byGroup.get(group) ?? new Set<string>();
    keys.add(key);
    this.byGroup.set(group, keys);
  }

  /** Drops one entry (a credential signed out on this instance). */
  forget(key: string): void {
    this.generation++;
    const entry = this.entries.get(key);
    if (entry) this.drop(key, entry.group);
  }

  forgetGroup(group: string): void {
    this.generation++;
    for (const key of this.byGroup.get(group) ?? []) this.entries.delete(key);
    this.byGroup.delete(group);
  }

  forgetAll(): void {
    this.generation++;
    this.entries.clear();
    this.byGroup.clear();
  }

  private drop(key: string, group: string): void {
    this.entries.delete(key);
    const keys = this.byGroup.get(group);
    keys?.delete(key);
    if (keys?.size === 0) this.byGroup.delete(group);
  }
}
