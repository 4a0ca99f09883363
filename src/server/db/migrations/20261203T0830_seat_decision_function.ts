import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL: the seat decision of one registration as one statement, `take_place(...)`, so the
 * workshop's seat lock is held for one round trip plus the outbox writes and COMMIT, not for
 * seven. Under the same advisory lock as registrationsRepository.lockWorkshop (cancellations,
 * offers and series take it too) it reads the session as it is now, returns no row when
 * registration has closed meanwhile (the service says why), returns the person's live
 * registration when there is one, and otherwise inserts `p_id` with a seat (kept counters
 * sessions.in_person_taken / online_taken, a free seat and nobody waiting, as
 * contracts/seats.ts hasFreeSeat) or the next waitlist place (the last position + 1).
 * created_at is taken under the lock and never earlier than the place ahead, so waitlist order
 * and creation order agree. SQLite keeps the service's path: one process, one writer, a
 * synchronous driver; there the round trips cost nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql
    .raw(`create function take_place(p_id text, p_session_id text, p_person_id text, p_mode text, p_workshop_id text, p_lock_key int)
      returns setof registrations language plpgsql as $$
      declare
        s sessions%rowtype;
        w record;
        mine registrations%rowtype;
        last_waiting record;
        capacity int;
        taken int;
        at timestamptz;
      begin
        perform pg_advisory_xact_lock(p_lock_key, hashtext(p_workshop_id));
        select * into s from sessions where id = p_session_id;
        if not found then return; end if;
        select status, published_at into w from workshops where id = s.workshop_id;
        at := date_trunc('milliseconds', clock_timestamp());
        -- The same rules as registration-rules.ts registrationClosedReason, read under the lock.
        if s.status = 'cancelled' or w.status <> 'published' or s.starts_at <= at
          or coalesce(s.registration_opens_at, w.published_at) > at
          or s.registration_closes_at <= at then
          return;
        end if;
        select * into mine from registrations
          where session_id = p_session_id and person_id = p_person_id and status <> 'cancelled';
        if found then return next mine; return; end if;
        select position, created_at into last_waiting from registrations
          where session_id = p_session_id and mode = p_mode and status = 'waitlisted'
          order by position desc limit 1;
        capacity := case when s.mode = 'hybrid' and p_mode = 'online' then s.online_seats else s.seats end;
        taken := case when p_mode = 'online' then s.online_taken else s.in_person_taken end;
        if last_waiting.position is null and (capacity is null or taken < capacity) then
          return query insert into registrations
            (id, session_id, person_id, mode, status, position, late_cancellation, walk_in, created_at, updated_at)
            values (p_id, p_session_id, p_person_id, p_mode, 'enrolled', null, 0, 0, at, at) returning *;
        else
          if last_waiting.created_at >= at then at := last_waiting.created_at + interval '1 millisecond'; end if;
          return query insert into registrations
            (id, session_id, person_id, mode, status, position, late_cancellation, walk_in, created_at, updated_at)
            values (p_id, p_session_id, p_person_id, p_mode, 'waitlisted', coalesce(last_waiting.position, 0) + 1, 0, 0, at, at)
            returning *;
        end if;
      end $$`)
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql.raw('drop function take_place(text, text, text, text, text, int)').execute(db);
}
