import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL: `take_waitlist_place(...)`, take_place (migration 20261203T0830) for a pool that
 * has no seat to give: under the same workshop seat lock it returns no row when a seat is free and
 * nobody waits (the caller then registers the usual way, in a transaction), and otherwise exactly
 * what take_place returns: the person's live registration, a new waitlist place, or no row when
 * registration has closed.
 *
 * Why: a waitlist place needs nothing but its row and the person's message, so the caller writes
 * both in one statement outside a transaction (registrationsRepository.takeWaitlistPlace), and
 * the seat lock is held only while PostgreSQL runs it, not across round trips to an instance and
 * its COMMIT. That is what a crowd at one full session meets (bench:registration-burst).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql
    .raw(`create function take_waitlist_place(p_id text, p_session_id text, p_person_id text, p_mode text, p_workshop_id text, p_lock_key int)
      returns setof registrations language plpgsql as $$
      declare
        s sessions%rowtype;
        capacity int;
        taken int;
      begin
        perform pg_advisory_xact_lock(p_lock_key, hashtext(p_workshop_id));
        select * into s from sessions where id = p_session_id;
        if not found then return; end if;
        -- take_place's own rule for a seat (contracts/seats.ts hasFreeSeat), read the way it reads
        -- it: under the lock nothing changes in between, so take_place below never gives a seat.
        capacity := case when s.mode = 'hybrid' and p_mode = 'online' then s.online_seats else s.seats end;
        taken := case when p_mode = 'online' then s.online_taken else s.in_person_taken end;
        if not exists (select 1 from registrations
            where session_id = p_session_id and mode = p_mode and status = 'waitlisted')
          and (capacity is null or taken < capacity) then
          return;
        end if;
        -- The same lock again (held twice until the end, no wait): take_place decides as ever.
        return query select * from take_place(p_id, p_session_id, p_person_id, p_mode, p_workshop_id, p_lock_key);
      end $$`)
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql.raw('drop function take_waitlist_place(text, text, text, text, text, int)').execute(db);
}
