import { describe, expect, it } from 'vitest';
import type { Session } from '../../../contracts/index.js';
import { editBody, editEffect, editValues } from './editModel';

const start = new Date(Date.now() + 9 * 86_400_000);
start.setUTCHours(9, 0, 0, 0);
const session: Session = {
  id: 's1',
  workshopId: 'w1',
  startsAt: start.toISOString(),
  endsAt: new Date(start.getTime() + 60 * 60_000).toISOString(),
  timeZone: 'Europe/Amsterdam',
  mode: 'in_person',
  location: 'Amsterdam HQ, room Turing',
  videoUrl: null,
  hasVideoLink: false,
  seats: 6,
  onlineSeats: null,
  registrationOpensAt: null,
  registrationClosesAt: null,
  promotion: 'auto',
  offerHours: 24,
  enrolledCount: 5,
  waitlistCount: 2,
  onlineEnrolledCount: 0,
  onlineWaitlistCount: 0,
  myRegistration: null,
  status: 'scheduled',
  recordingUrl: null,
  materials: [],
  cancelledAt: null,
  createdAt: start.toISOString(),
  updatedAt: start.toISOString(),
};

describe('editing a session in the web app', () => {
  it('sends nothing when nothing changed, and only what changed otherwise', () => {
    const v = editValues(session);
    expect(editBody(session, v)).toEqual({ ok: true, body: {} });
    const moved = editBody(session, { ...v, time: '12:00', durationMinutes: 45 });
    expect(moved.ok && moved.body).toEqual({
      startsAt: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3_600_000 + 45 * 60_000).toISOString(),
    });
  });

  it('refuses a duration it cannot keep, in words', () => {
    const result = editBody(session, { ...editValues(session), durationMinutes: 100000 });
    expect(result).toEqual({ ok: false, errors: { durationMinutes: expect.stringContaining('5 to 1440 minutes') } });
  });

  it('spells out who is told, and that fewer seats remove nobody', () => {
    expect(editEffect(session, { startsAt: session.startsAt }, 'this', 0)).toEqual([
      '5 people with a seat will get an updated invitation (the same calendar entry, moved).',
      '2 people on the waitlist will be told of the change.',
    ]);
    const fewer = editEffect(session, { seats: 3 }, 'following', 2);
    expect(fewer[0]).toBe('Nobody is messaged: seats, the registration window and promotion change quietly.');
    expect(fewer[1]).toMatch(/^Lowering the seats to 3 removes nobody: the 5 people enrolled keep their seats/);
    expect(fewer[2]).toMatch(/^The same change reaches the 2 later sessions/);
    expect(editEffect(session, { seats: 8 }, 'this', 0)).toEqual([
      'The new seats go to the people waiting, in order, straight away, and each of them is told.',
    ]);
  });
});
