import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { workshopBody } from '../../../../test/helpers/factories.js';
import type { WorkshopRequest } from '../../../contracts/index.js';

const { t, asker, voter, host } = testAppWithPeople({
  asker: { name: 'Ann Asker' },
  voter: { name: 'Val Voter' },
  host: { name: 'Hal Host' },
});

describe('workshop requests', () => {
  it('are asked, upvoted once per person, claimed by a host and answered with a workshop', async () => {
    const created = await as(t.app, asker.token).post('/api/v1/requests', {
      title: 'Profiling Go services',
      description: 'pprof, flame graphs',
    });
    expect(created.statusCode).toBe(201);
    const request: WorkshopRequest = created.json();
    expect(request).toMatchObject({ status: 'open', votes: 1, voted: true, author: { name: 'Ann Asker' } });
    const other = (await as(t.app, voter.token).post('/api/v1/requests', { title: 'Terraform state surgery' })).json();

    // Votes in parallel from the same person count once.
    await Promise.all([1, 2, 3].map(() => as(t.app, voter.token).put(`/api/v1/requests/${request.id}/vote`, {})));
    expect(
      (await as(t.app, voter.token).get('/api/v1/requests')).json().items.map((r: WorkshopRequest) => [r.title, r.votes, r.voted]),
    ).toEqual([
      ['Profiling Go services', 2, true],
      ['Terraform state surgery', 1, true],
    ]);
    expect((await as(t.app, voter.token).delete(`/api/v1/requests/${other.id}/vote`)).json()).toMatchObject({ votes: 0, voted: false });

    const claimed = await as(t.app, host.token).post(`/api/v1/requests/${request.id}/claim`, {});
    expect(claimed.json()).toMatchObject({ status: 'claimed', claimedBy: { name: 'Hal Host' } });
    expectError(await as(t.app, voter.token).post(`/api/v1/requests/${request.id}/claim`, {}), 409, 'invalid_state');

    const workshop = (await as(t.app, host.token).post('/api/v1/workshops', workshopBody({ title: 'Profiling Go in production' }))).json();
    expectError(await as(t.app, voter.token).post(`/api/v1/requests/${request.id}/answer`, { workshopId: workshop.id }), 403, 'forbidden');
    const answered = await as(t.app, host.token).post(`/api/v1/requests/${request.id}/answer`, { workshopId: workshop.id });
    expect(answered.json()).toMatchObject({ status: 'answered', workshop: { id: workshop.id, title: 'Profiling Go in production' } });
    expect((await as(t.app, voter.token).get('/api/v1/requests?status=open')).json().items.map((r: WorkshopRequest) => r.title)).toEqual([
      'Terraform state surgery',
    ]);
  });

  it('refuse empty titles and unknown ids clearly', async () => {
    const bad = await as(t.app, asker.token).post('/api/v1/requests', { title: 'Go' });
    expectError(bad, 400, 'validation_failed');
    expect(bad.json().error.details[0].field).toBe('title');
    expectError(await as(t.app, asker.token).put('/api/v1/requests/nope/vote', {}), 404, 'not_found');
  });
});
