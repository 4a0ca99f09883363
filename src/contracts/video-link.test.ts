import { describe, expect, it } from 'vitest';
import { maySeeVideoLink, registrationStatuses, type SessionViewer, videoLinkFor } from './index.js';

// The rule the session API and every message share; the API tests (video-link.test.ts) show it in place.
const member = { id: 'p1', role: 'member' as const };
const viewer = (v: Partial<SessionViewer>): SessionViewer => ({ actor: member, hostIds: [], registration: null, ...v });

describe('maySeeVideoLink', () => {
  it('opens the door to a confirmed seat only: enrolled or checked in', () => {
    const allowed = registrationStatuses.filter((status) => maySeeVideoLink(viewer({ registration: { status } })));
    expect(allowed).toEqual(['enrolled', 'attended']);
    expect(maySeeVideoLink(viewer({ registration: null }))).toBe(false);
    expect(maySeeVideoLink(viewer({ registration: undefined }))).toBe(false);
  });

  it("opens it to the workshop's hosts and to admins, registered or not", () => {
    expect(maySeeVideoLink(viewer({ hostIds: ['p9', 'p1'] }))).toBe(true);
    expect(maySeeVideoLink(viewer({ actor: { id: 'p1', role: 'admin' } }))).toBe(true);
    expect(maySeeVideoLink(viewer({ hostIds: ['p9'] }))).toBe(false);
  });

  it('gives the link or null, never something else', () => {
    expect(videoLinkFor('https://meet.example.com/x', viewer({ registration: { status: 'enrolled' } }))).toBe('https://meet.example.com/x');
    expect(videoLinkFor('https://meet.example.com/x', viewer({ registration: { status: 'waitlisted' } }))).toBeNull();
  });
});
