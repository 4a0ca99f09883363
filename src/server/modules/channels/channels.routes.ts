import { channelsApi } from '../../../contracts/index.js';
import { originOf } from '../../platform/audit.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { ChannelsService } from './channels.service.js';
import type { RecommendationsService } from './recommendations.service.js';

const tags = ['discovery'];

export function channelsRoutes(app: Api, channels: ChannelsService, recommendations: RecommendationsService): void {
  route(
    app,
    channelsApi.list,
    {
      tags,
      summary: 'Channels (topic hubs), by name',
      description: 'Lists the channels (topic hubs people follow) by name, a page at a time.',
    },
    (request) => channels.list(requireActor(request), request.query),
  );

  route(
    app,
    channelsApi.create,
    { tags, summary: 'Create a channel (admins)', description: 'Creates a channel; only admins may.' },
    async (request, reply) => reply.code(201).send(await channels.create(requireActor(request), request.body)),
  );

  route(
    app,
    channelsApi.get,
    {
      tags,
      summary: 'A channel with its upcoming sessions and past workshops',
      description: "Returns a channel's page: the channel, its upcoming sessions and its past workshops.",
    },
    (request) => channels.page(requireActor(request), request.params.slug),
  );

  route(
    app,
    channelsApi.update,
    {
      tags,
      summary: 'Change a channel (owners, admins)',
      description: 'Changes the fields sent and leaves the others as they are; only the owners and admins may.',
    },
    (request) => channels.update(requireActor(request), request.params.slug, request.body, originOf(request)),
  );

  // Registered in this order (follow, then stop following) as they always were.
  for (const following of [true, false]) {
    route(
      app,
      following ? channelsApi.follow : channelsApi.unfollow,
      following
        ? {
            tags,
            summary: 'Follow a channel',
            description: 'Follows a channel: its new sessions are recommended to you. Following twice changes nothing.',
          }
        : { tags, summary: 'Stop following a channel', description: 'Stops following a channel.' },
      (request) => channels.follow(requireActor(request), request.params.slug, following),
    );
    route(
      app,
      following ? channelsApi.followHost : channelsApi.unfollowHost,
      following
        ? {
            tags,
            summary: 'Follow a host',
            description: 'Follows a host: their new sessions are recommended to you. Following twice changes nothing.',
          }
        : { tags, summary: 'Stop following a host', description: 'Stops following a host.' },
      (request) => channels.followHost(requireActor(request), request.params.id, following),
    );
    route(
      app,
      following ? channelsApi.addInterest : channelsApi.removeInterest,
      following
        ? {
            tags,
            summary: '"Notify me when it runs again"',
            description: 'Asks to be told when the workshop is scheduled again ("notify me"); it also shows hosts the demand.',
          }
        : { tags, summary: 'No longer notify me', description: 'Withdraws your "notify me" for the workshop.' },
      (request) => channels.setInterest(requireActor(request), request.params.id, following),
    );
  }

  route(
    app,
    channelsApi.hostFollowState,
    {
      tags,
      summary: 'Whether you follow this person, and how many do',
      description: 'Says whether you follow this person, and how many people do.',
    },
    (request) => channels.hostFollowState(requireActor(request), request.params.id),
  );

  route(
    app,
    channelsApi.interest,
    {
      tags,
      summary: 'Whether you asked to be notified, and how many people did (demand for another run)',
      description: 'Says whether you asked to be told when the workshop runs again, and how many people did.',
    },
    (request) => channels.interest(requireActor(request), request.params.id),
  );

  route(
    app,
    channelsApi.setWorkshopChannels,
    {
      tags,
      summary: "Set a workshop's channels (hosts)",
      description: 'Replaces the channels the workshop appears in; only its hosts and admins may.',
    },
    (request) => channels.setWorkshopChannels(requireActor(request), request.params.id, request.body.channels),
  );

  route(
    app,
    channelsApi.recommendations,
    {
      tags,
      summary: 'Recommended sessions for the signed-in person, each with the reason',
      description: 'Recommends upcoming sessions to the signed-in person, each with the reason (a followed channel or host, an interest).',
    },
    (request) => recommendations.forPerson(requireActor(request)),
  );
}
