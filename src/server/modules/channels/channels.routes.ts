import { z } from 'zod';
import {
  channel,
  channelPage,
  channelSlug,
  channelsQuery,
  createChannelBody,
  followState,
  interestState,
  page,
  recommendation,
  updateChannelBody,
  workshopChannelsBody,
} from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { type Api, commonErrors, idParams } from '../../platform/http.js';
import type { ChannelsService } from './channels.service.js';
import type { RecommendationsService } from './recommendations.service.js';

const tags = ['discovery'];
const slugParams = z.strictObject({ slug: channelSlug });

export function channelsRoutes(app: Api, channels: ChannelsService, recommendations: RecommendationsService): void {
  app.get(
    '/api/v1/channels',
    {
      schema: {
        tags,
        summary: 'Channels (topic hubs), by name',
        querystring: channelsQuery,
        response: { 200: page(channel), ...commonErrors },
      },
    },
    (request) => channels.list(requireActor(request), request.query),
  );

  app.post(
    '/api/v1/channels',
    { schema: { tags, summary: 'Create a channel (admins)', body: createChannelBody, response: { 201: channel, ...commonErrors } } },
    async (request, reply) => reply.code(201).send(await channels.create(requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/channels/:slug',
    {
      schema: {
        tags,
        summary: 'A channel with its upcoming sessions and past workshops',
        params: slugParams,
        response: { 200: channelPage, ...commonErrors },
      },
    },
    (request) => channels.page(requireActor(request), request.params.slug),
  );

  app.patch(
    '/api/v1/channels/:slug',
    {
      schema: {
        tags,
        summary: 'Change a channel (owners, admins)',
        params: slugParams,
        body: updateChannelBody,
        response: { 200: channel, ...commonErrors },
      },
    },
    (request) => channels.update(requireActor(request), request.params.slug, request.body),
  );

  for (const [method, following] of [
    ['put', true],
    ['delete', false],
  ] as const) {
    app[method](
      '/api/v1/channels/:slug/follow',
      {
        schema: {
          tags,
          summary: following ? 'Follow a channel' : 'Stop following a channel',
          params: slugParams,
          response: { 200: followState, ...commonErrors },
        },
      },
      (request) => channels.follow(requireActor(request), request.params.slug, following),
    );
    app[method](
      '/api/v1/people/:id/follow',
      {
        schema: {
          tags,
          summary: following ? 'Follow a host' : 'Stop following a host',
          params: idParams,
          response: { 200: followState, ...commonErrors },
        },
      },
      (request) => channels.followHost(requireActor(request), request.params.id, following),
    );
    app[method](
      '/api/v1/workshops/:id/interest',
      {
        schema: {
          tags,
          summary: following ? '"Notify me when it runs again"' : 'No longer notify me',
          params: idParams,
          response: { 200: interestState, ...commonErrors },
        },
      },
      (request) => channels.setInterest(requireActor(request), request.params.id, following),
    );
  }

  app.get(
    '/api/v1/people/:id/follow',
    {
      schema: {
        tags,
        summary: 'Whether you follow this person, and how many do',
        params: idParams,
        response: { 200: followState, ...commonErrors },
      },
    },
    (request) => channels.hostFollowState(requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/workshops/:id/interest',
    {
      schema: {
        tags,
        summary: 'Whether you asked to be notified, and how many people did (demand for another run)',
        params: idParams,
        response: { 200: interestState, ...commonErrors },
      },
    },
    (request) => channels.interest(requireActor(request), request.params.id),
  );

  app.put(
    '/api/v1/workshops/:id/channels',
    {
      schema: {
        tags,
        summary: "Set a workshop's channels (hosts)",
        params: idParams,
        body: workshopChannelsBody,
        response: { 200: workshopChannelsBody, ...commonErrors },
      },
    },
    (request) => channels.setWorkshopChannels(requireActor(request), request.params.id, request.body.channels),
  );

  app.get(
    '/api/v1/recommendations',
    {
      schema: {
        tags,
        summary: 'Recommended sessions for the signed-in person, each with the reason',
        response: { 200: z.object({ items: z.array(recommendation) }), ...commonErrors },
      },
    },
    (request) => recommendations.forPerson(requireActor(request)),
  );
}
