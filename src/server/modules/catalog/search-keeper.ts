import type { ChangeSignals } from '../../platform/change-signals.js';
import type { Transactor } from '../../platform/transaction.js';
import type { searchRepository } from './search.repository.js';
import { SearchMemory } from './search-memory.js';

/** Changes kept in the log; an instance that has not read it for half of this reads everything again. */
export const CHANGES_KEPT_MS = 3_600_000;
/** More changed workshops than this at once (a bulk load, the popularity recount): read everything again. */
const FULL_READ_AT = 1000;
/**
 * A change number missing below the newest one is a transaction that has not committed yet
 * (PostgreSQL hands out numbers before commit) or one that rolled back; it is looked for again
 * for this long, then taken for rolled back.
 */
const MISSING_WAIT_MS = 60_000;
/** How far below the newest change a full read looks for numbers still missing. */
const MISSING_WINDOW = 200;

export interface KeeperStats {
  workshops: number;
  lastChange: number;
  fullReads: number;
  lastFullReadMs: number;
  partialReads: number;
}

/**
 * Keeps this instance's SearchMemory current from the `search_changes` log the database's
 * triggers write (migration 20261203T0800), so every writer is seen: the API, the CLI in another
 * process, the seeds and plain SQL.
 *
 * `current()` reads the log before it answers (one indexed read of the changes after the last
 * one applied; nothing when none): a search sees every change committed before it began, on this
 * instance or any other, so a write followed by a search never finds the old answer. On
 * PostgreSQL the triggers also NOTIFY; each instance then reads the changes at once, in the
 * background, so a search seldom has more than the empty read to do. After a lost listening
 * connection, or once the log may have been pruned past what this instance read, it reads
 * everything again (at org scale about a second; searches wait for it).
 */
export class SearchKeeper {
  readonly memory = new SearchMemory();
  private last = 0;
  private readonly missing = new Map<number, number>();
  private loaded = false;
  private mustReadAll = true;
  private lastReadAt = 0;
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private readonly stats = { fullReads: 0, lastFullReadMs: 0, partialReads: 0 };

  constructor(
    private readonly tx: Transactor,
    private readonly repository: typeof searchRepository,
    /** PostgreSQL: numbers are handed out before commit, so a lower one may appear after a higher one. */
    private readonly outOfOrder: boolean,
    signals?: ChangeSignals,
  ) {
    signals?.subscribe('search', () => {
      if (this.loaded) void this.sync().catch(() => undefined);
    });
    signals?.onResync(() => {
      this.mustReadAll = true;
    });
  }

  /** The memory with every change committed before this call applied. */
  async current(): Promise<SearchMemory> {
    await this.sync();
    return this.memory;
  }

  status(): KeeperStats {
    return { workshops: this.memory.size, lastChange: this.last, ...this.stats };
  }

  /** Drops changes every instance has long read (each instance's job reads the log first). */
  async prune(): Promise<number> {
    await this.sync();
    return this.repository.pruneChanges(this.tx.executor, new Date(Date.now() - CHANGES_KEPT_MS).toISOString());
  }

  /**
   * Reads the log once, after any read already under way: that one may have looked before the
   * caller's change committed. Callers arriving meanwhile share the next read.
   */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.readChanges().finally(() => {
        this.running = undefined;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.sync();
      });
    return this.queued;
  }

  private async readChanges(): Promise<void> {
    if (this.mustReadAll || Date.now() - this.lastReadAt > CHANGES_KEPT_MS / 2) return this.readAll();
    const db = this.tx.executor;
    const startedAt = Date.now();
    const rows = await this.repository.changesSince(db, this.last, [...this.missing.keys()]);
    const ids = new Set<string>();
    let channels = false;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq > this.last) {
        if (this.outOfOrder)
          for (let gap = Math.max(this.last + 1, seq - MISSING_WINDOW); gap < seq; gap++) this.missing.set(gap, startedAt);
        this.last = seq;
      } else {
        this.missing.delete(seq);
      }
      if (row.workshop_id === null) channels = true;
      else ids.add(row.workshop_id);
    }
    for (const [seq, since] of this.missing) if (startedAt - since > MISSING_WAIT_MS) this.missing.delete(seq);
    this.lastReadAt = startedAt;
    if (ids.size === 0 && !channels) return;
    if (ids.size > FULL_READ_AT) return this.readAll();
    // Channel names are part of their workshops' text: read them first.
    if (channels) this.memory.setChannels(await this.repository.channels(db));
    const list = [...ids];
    const fresh = await this.repository.workshops(db, list);
    for (const id of list) this.memory.remove(id);
    for (const workshop of fresh) this.memory.put(workshop);
    this.stats.partialReads++;
  }

  /** Everything again: at start, after missed signals, or when too much changed to read one by one. */
  private async readAll(): Promise<void> {
    const started = performance.now();
    const db = this.tx.executor;
    const startedAt = Date.now();
    // The log's position first: whatever commits while the rest is read is read again next time.
    const last = await this.repository.lastChange(db);
    const present = this.outOfOrder ? new Set(await this.repository.changeNumbersAfter(db, Math.max(0, last - MISSING_WINDOW))) : undefined;
    const [channels, workshops] = await Promise.all([this.repository.channels(db), this.repository.workshops(db)]);
    this.memory.clear();
    this.memory.setChannels(channels);
    for (const workshop of workshops) this.memory.put(workshop);
    this.missing.clear();
    if (present)
      for (let seq = Math.max(1, last - MISSING_WINDOW + 1); seq < last; seq++) if (!present.has(seq)) this.missing.set(seq, startedAt);
    this.last = last;
    this.loaded = true;
    this.mustReadAll = false;
    this.lastReadAt = startedAt;
    this.stats.fullReads++;
    this.stats.lastFullReadMs = Math.round(performance.now() - started);
  }
}
