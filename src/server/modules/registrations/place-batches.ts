import type { PlaceAsk, RegistrationRow } from './registrations.repository.js';

type Session = { id: string; workshop_id: string };

/** Takes the places of several asks at one session in one statement (registrationsRepository.takePlaces). */
export type TakePlaces = (session: Session, asks: PlaceAsk[]) => Promise<RegistrationRow[]>;

interface Waiting {
  ask: PlaceAsk;
  settle: (row: RegistrationRow | undefined) => void;
  fail: (error: unknown) => void;
}

interface Queue {
  session: Session;
  waiting: Waiting[];
}

/**
 * Places at one session (seats and waitlist places), asked for while this instance's last
 * statement for it was running, go to PostgreSQL together as the next statement: the workshop's
 * seat lock is then taken once per batch, not once per person. A lone ask goes at once, so nobody
 * waits for a batch to fill; a crowd forms batches by itself (the places asked for during one
 * round trip).
 *
 * Each ask is answered with what the statement decided for its person (or undefined: the caller
 * registers them the usual way). A person asked for twice in one batch goes in the next batch, so
 * the second ask finds the first one's registration. When the statement fails, every ask in it
 * fails with its error: nothing of it was written.
 */
export class PlaceBatches {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly takePlaces: TakePlaces,
    /** The most asks in one statement. */
    private readonly maxBatch = 200,
  ) {}

  take(session: Session, ask: PlaceAsk): Promise<RegistrationRow | undefined> {
    return new Promise((settle, fail) => {
      const queue = this.queues.get(session.id);
      if (queue) {
        queue.waiting.push({ ask, settle, fail });
        return;
      }
      const started: Queue = { session, waiting: [{ ask, settle, fail }] };
      this.queues.set(session.id, started);
      void this.run(started);
    });
  }

  /** Sends batch after batch until nobody waits, then forgets the session. */
  private async run(queue: Queue): Promise<void> {
    while (queue.waiting.length > 0) {
      const batch: Waiting[] = [];
      const later: Waiting[] = [];
      const people = new Set<string>();
      for (const w of queue.waiting) {
        if (batch.length < this.maxBatch && !people.has(w.ask.personId)) {
          people.add(w.ask.personId);
          batch.push(w);
        } else {
          later.push(w);
        }
      }
      queue.waiting = later;
      try {
        const rows = await this.takePlaces(
          queue.session,
          batch.map((w) => w.ask),
        );
        const byPerson = new Map(rows.map((row) => [row.person_id, row]));
        for (const w of batch) w.settle(byPerson.get(w.ask.personId));
      } catch (error) {
        for (const w of batch) w.fail(error);
      }
    }
    this.queues.delete(queue.session.id);
  }
}
