import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL: `take_waitlist_places(session, workshop, items, lock)`, take_waitlist_place
 * (migration 20261204T1400) for several people at one session under one taking of the workshop's
 * seat lock. `items` is a JSON array of {id, person_id, mode}, decided in its order, each exactly
 * as take_waitlist_place decides it alone: no row for an item when a seat is free and nobody waits
 * in its pool, or registration has closed; otherwise the person's live registration or their new
 * waitlist place.
 *
 * Why: when a crowd meets a full session, the lock is the queue. Taken once per registration, its
 * holder also had to be scheduled, run and commit while every other registration waited, and on
 * a busy machine that took three times as long as the work itself (bench:registration-burst).
 * Each instance now sends the places asked for while its last statement ran as one statement
 * (registrations/waitlist-batches.ts), so the lock is taken once per batch.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql
    .raw(`create function take_waitlist_places(p_session_id text, p_workshop_id text, p_items jsonb, p_lock_key int)
      returns setof registrations language plpgsql as $$
      declare
        item record;
      begin
        perform pg_advisory_xact_lock(p_lock_key, hashtext(p_workshop_id));
        for item in select e.value->>'id' as id, e.value->>'person_id' as person_id, e.value->>'mode' as mode
            from jsonb_array_elements(p_items) with ordinality as e(value, n)
            order by e.n loop
          -- The lock again for each (held already, no wait): each decides as it would alone.
          return query select * from take_waitlist_place(item.id, p_session_id, item.person_id, item.mode, p_workshop_id, p_lock_key);
        end loop;
      end $$`)
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql.raw('drop function take_waitlist_places(text, text, jsonb, int)').execute(db);
}
