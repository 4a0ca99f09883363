import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * PostgreSQL: `take_places(session, workshop, items, lock)`, take_place (migration 20261203T0830)
 * for several people at one session under one taking of the workshop's seat lock: a seat or the
 * next waitlist place for each item of `items` (a JSON array of {id, person_id, mode}) in its
 * order, each decided exactly as take_place decides it alone (no row for an item when
 * registration has closed; the person's live registration when they have one).
 *
 * Why: the waitlist-only batches (take_waitlist_places, migration 20261205T0100) left the seats
 * of a crowded session to one transaction each, holding the lock across the instance's round
 * trips for the calendar invitation, the message and COMMIT: the first second of a burst, its
 * slowest 1 % (bench:registration-burst). A seat's invitation sequence and message
 * now go into the same statement (registrationsRepository.takePlaces), so every place is taken in
 * one statement outside a transaction, a batch at a time. take_place itself now plans the same
 * whatever the statistics say (takePlace below). take_waitlist_places and
 * take_waitlist_place stay: instances of the release before this one call them until a rolling
 * upgrade has replaced them all.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql
    .raw(`create function take_places(p_session_id text, p_workshop_id text, p_items jsonb, p_lock_key int)
      returns setof registrations language plpgsql as $$
      declare
        item record;
      begin
        perform pg_advisory_xact_lock(p_lock_key, hashtext(p_workshop_id));
        for item in select e.value->>'id' as id, e.value->>'person_id' as person_id, e.value->>'mode' as mode
            from jsonb_array_elements(p_items) with ordinality as e(value, n)
            order by e.n loop
          -- The lock again for each (held already, no wait): each decides as it would alone.
          return query select * from take_place(item.id, p_session_id, item.person_id, item.mode, p_workshop_id, p_lock_key);
        end loop;
      end $$`)
    .execute(db);
  await sql.raw(takePlace('robust')).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql.raw(takePlace('as before')).execute(db);
  await sql.raw('drop function take_places(text, text, jsonb, int)').execute(db);
}

/**
 * take_place (migration 20261203T0830) as it was, or as it is from here on. Each backend plans
 * its lookups once and keeps the plans; planned while registrations was empty or freshly analysed
 * as such (a new install, its first crowd), the statistics made every choice look alike, and
 * backends chose indexes that read every waitlisted row (registrations_offer_idx, then a sort, for
 * the last place; registrations_pool_idx for the person's own registration): every place cost more
 * than the one before, 0.3 ms at the first thousand of a crowd, over 2 ms at the ten-thousandth
 * (bench:registration-burst). Now the person's live registration is found by the insert itself,
 * through the unique index's conflict check, and the last place by the one plan without a sort
 * (sorting off for this function): registrations_pool_idx read backwards, one entry.
 */
function takePlace(version: 'as before' | 'robust'): string {
  const robust = version === 'robust';
  const mine = robust
    ? ''
    : `select * into mine from registrations
          where session_id = p_session_id and person_id = p_person_id and status <> 'cancelled';
        if found then return next mine; return; end if;`;
  const onConflict = robust ? `on conflict (session_id, person_id) where status <> 'cancelled' do nothing` : '';
  const orMine = robust
    ? `if not found then
          return query select * from registrations
            where session_id = p_session_id and person_id = p_person_id and status <> 'cancelled';
        end if;`
    : '';
  return `create or replace function take_place(p_id text, p_session_id text, p_person_id text, p_mode text, p_workshop_id text, p_lock_key int)
      returns setof registrations language plpgsql ${robust ? 'set enable_sort = off' : ''} as $$
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
        ${mine}
        select position, created_at into last_waiting from registrations
          where session_id = p_session_id and mode = p_mode and status = 'waitlisted'
          order by position desc limit 1;
        capacity := case when s.mode = 'hybrid' and p_mode = 'online' then s.online_seats else s.seats end;
        taken := case when p_mode = 'online' then s.online_taken else s.in_person_taken end;
        if last_waiting.position is null and (capacity is null or taken < capacity) then
          return query insert into registrations
            (id, session_id, person_id, mode, status, position, late_cancellation, walk_in, created_at, updated_at)
            values (p_id, p_session_id, p_person_id, p_mode, 'enrolled', null, 0, 0, at, at) ${onConflict} returning *;
        else
          if last_waiting.created_at >= at then at := last_waiting.created_at + interval '1 millisecond'; end if;
          return query insert into registrations
            (id, session_id, person_id, mode, status, position, late_cancellation, walk_in, created_at, updated_at)
            values (p_id, p_session_id, p_person_id, p_mode, 'waitlisted', coalesce(last_waiting.position, 0) + 1, 0, 0, at, at)
            ${onConflict} returning *;
        end if;
        ${orMine}
      end $$`;
}
