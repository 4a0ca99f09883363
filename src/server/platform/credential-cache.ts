import type { ChangeSignals } from './change-signals.js';
import { CREDENTIALS_TOPIC, EVERYONE } from './credential-changes.js';

// Enough for every active token and session of a large organisation; beyond it the oldest go.
const MOST_ENTRIES = 20_000;

interface Entry<V> {
  value: V;
  personId: string;
  /** Date.now() after which the entry is read again from the database. */
  until: number;
}

/**
 * Valid credentials (API tokens, browser sessions, calendar feed addresses) this instance answered
 * from the database in the last `ttlMs`, keyed by the credential's SHA-256 (never the credential
 * itself), so a request is authenticated without a database read. Only valid answers are kept: a new token works at
 * once, a refusal is always read again.
 *
 * Freshness: a change of a person's credentials or standing (CREDENTIALS_TOPIC) drops that
 * person's entries on every instance as soon as its signal arrives, within milliseconds. A signal
 * can be lost only while an instance's listening connection is down; the cache is bypassed as
 * soon as that is noticed, everything is dropped when it comes back (onResync), and no entry
 * outlives `ttlMs` in any case, which bounds the delay when nothing else does.
 *
 * A read that was under way while a change arrived (it may have seen the row before the change)
 * is not kept: every change moves `generation`, and `store` takes the generation the read began at.
 */
export class CredentialCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly byPerson = new Map<string, Set<string>>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    /** Whether changes from other instances are heard now; when not, every lookup reads the database. */
    private readonly live: () => boolean = () => true,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Forgets the people named on `topic` (CREDENTIALS_TOPIC for sign-in; calendar feed addresses
   * listen to their own), everyone on EVERYONE, and everyone after signals may have been missed.
   */
  listenTo(signals: ChangeSignals, topic = CREDENTIALS_TOPIC): void {
    // The payload names one person, several (comma-separated: a trigger's statement), or everyone.
    signals.subscribe(topic, (payload) => {
      const people = payload.split(',');
      if (people.includes(EVERYONE) || people.includes('')) this.forgetAll();
      else for (const personId of people) this.forgetPerson(personId);
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
      this.drop(key, entry.personId);
      return undefined;
    }
    return entry.value;
  }

  /** Call before reading the database; pass the answer to `store`. */
  ticket(): number {
    return this.generation;
  }

  /** Keeps a valid answer for ttlMs (less when `notAfter`, the credential's own expiry, comes first). */
  store(key: string, personId: string, value: V, ticket: number, notAfter?: number): void {
    if (!this.enabled || ticket !== this.generation || !this.live()) return;
    const until = Math.min(this.now() + this.ttlMs, notAfter ?? Number.POSITIVE_INFINITY);
    if (until <= this.now()) return;
    this.drop(key, personId);
    if (this.entries.size >= MOST_ENTRIES) {
      const [oldest] = this.entries.entries();
      if (oldest) this.drop(oldest[0], oldest[1].personId);
    }
    this.entries.set(key, { value, personId, until });
    const keys = this.byPerson.get(personId) ?? new Set<string>();
    keys.add(key);
    this.byPerson.set(personId, keys);
  }

  /** Drops one credential (signing out on this instance). */
  forget(key: string): void {
    this.generation++;
    const entry = this.entries.get(key);
    if (entry) this.drop(key, entry.personId);
  }

  forgetPerson(personId: string): void {
    this.generation++;
    for (const key of this.byPerson.get(personId) ?? []) this.entries.delete(key);
    this.byPerson.delete(personId);
  }

  forgetAll(): void {
    this.generation++;
    this.entries.clear();
    this.byPerson.clear();
  }

  private drop(key: string, personId: string): void {
    this.entries.delete(key);
    const keys = this.byPerson.get(personId);
    keys?.delete(key);
    if (keys?.size === 0) this.byPerson.delete(personId);
  }
}
