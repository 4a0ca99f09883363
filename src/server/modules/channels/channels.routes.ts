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
        operationId: 'listChannels',
        description: 'Lists the channels (topic hubs people follow) by name, a page at a time.',
        summary: 'Channels (topic hubs), by name',
        querystring: channelsQuery,
        response: { 200: page(channel), ...commonErrors },
      },
    },
    (request) => channels.list(requireActor(request), request.query),
  );

  app.post(
    '/api/v1/channels',
    {
      schema: {
        tags,
        operationId: 'createChannel',
        description: 'Creates a channel; only admins may.',
        summary: 'Create a channel (admins)',
        body: createChannelBody,
        response: { 201: channel, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await channels.create(requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/channels/:slug',
    {
      schema: {
        tags,
        operationId: 'getChannel',
        description: "Returns a channel's page: the channel, its upcoming sessions and its past workshops.",
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
        operationId: 'updateChannel',
        description: 'Changes the fields sent and leaves the others as they are; only the owners and admins may.',
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
          operationId: following ? 'followChannel' : 'unfollowChannel',
          description: following
            ? 'Follows a channel: its new sessions are recommended to you. Following twice changes nothing.'
            : 'Stops following a channel.',
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
          operationId: following ? 'followPerson' : 'unfollowPerson',
          description: following
            ? 'Follows a host: their new sessions are recommended to you. Following twice changes nothing.'
            : 'Stops following a host.',
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
          operationId: following ? 'addWorkshopInterest' : 'removeWorkshopInterest',
          description: following
            ? 'Asks to be told when the workshop is scheduled again ("notify me"); it also shows hosts the demand.'
            : 'Withdraws your "notify me" for the workshop.',
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
        operationId: 'getPersonFollowState',
        description: 'Says whether you follow this person, and how many people do.',
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
        operationId: 'getWorkshopInterest',
        description: 'Says whether you asked to be told when the workshop runs again, and how many people did.',
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
        operationId: 'setWorkshopChannels',
        description: 'Replaces the channels the workshop appears in; only its hosts and admins may.',
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
        operationId: 'listRecommendations',
        description:
          'Recommends upcoming sessions to the signed-in person, each with the reason (a followed channel or host, an interest).',
        summary: 'Recommended sessions for the signed-in person, each with the reason',
        response: { 200: z.object({ items: z.array(recommendation) }), ...commonErrors },
      },
    },
    (request) => recommendations.forPerson(requireActor(request)),
  );
}
