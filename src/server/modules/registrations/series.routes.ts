import { registrationsApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { SeriesService } from './series.service.js';

const tags = ['registrations'];

/** A workshop run as a series: all its parts at once. */
export function seriesRoutes(app: Api, series: SeriesService): void {
  route(
    app,
    registrationsApi.registerForSeries,
    {
      tags,
      description:
        'For a workshop run as a series: registers you for every part at once, a seat in each or the waitlist of all as one unit.',
      summary: 'Series: register for all parts (a seat in every session, or the waitlist of every one as one unit)',
    },
    async (request, reply) =>
      reply.code(201).send({ items: await series.register(requireActor(request), request.params.id, request.body.mode) }),
  );

  route(
    app,
    registrationsApi.leaveSeries,
    {
      tags,
      description: 'For a series: cancels your registrations for every part that has not started yet.',
      summary: 'Series: leave every upcoming part',
    },
    async (request) => ({ items: await series.cancel(requireActor(request), request.params.id) }),
  );
}
