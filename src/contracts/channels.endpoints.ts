import { z } from 'zod';
import {
  channel,
  channelPage,
  channelSlug,
  channelsQuery,
  createChannelBody,
  followState,
  interestState,
  recommendation,
  updateChannelBody,
  workshopChannelsBody,
} from './channels.js';
import { idParams, page } from './common.js';
import { endpoint } from './endpoint.js';

/** The `:slug` of a channel's path. */
export const channelSlugParams = z.strictObject({ slug: channelSlug });

/** Channels (topic hubs), follows of channels and hosts, "notify me" and recommendations. */
export const channelsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/channels',
    operationId: 'listChannels',
    query: channelsQuery,
    responses: { 200: page(channel) },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/v1/channels',
    operationId: 'createChannel',
    body: createChannelBody,
    responses: { 201: channel },
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/channels/:slug',
    operationId: 'getChannel',
    params: channelSlugParams,
    responses: { 200: channelPage },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/v1/channels/:slug',
    operationId: 'updateChannel',
    params: channelSlugParams,
    body: updateChannelBody,
    responses: { 200: channel },
  }),
  follow: endpoint({
    method: 'PUT',
    path: '/api/v1/channels/:slug/follow',
    operationId: 'followChannel',
    params: channelSlugParams,
    responses: { 200: followState },
  }),
  unfollow: endpoint({
    method: 'DELETE',
    path: '/api/v1/channels/:slug/follow',
    operationId: 'unfollowChannel',
    params: channelSlugParams,
    responses: { 200: followState },
  }),
  hostFollowState: endpoint({
    method: 'GET',
    path: '/api/v1/people/:id/follow',
    operationId: 'getPersonFollowState',
    params: idParams,
    responses: { 200: followState },
  }),
  followHost: endpoint({
    method: 'PUT',
    path: '/api/v1/people/:id/follow',
    operationId: 'followPerson',
    params: idParams,
    responses: { 200: followState },
  }),
  unfollowHost: endpoint({
    method: 'DELETE',
    path: '/api/v1/people/:id/follow',
    operationId: 'unfollowPerson',
    params: idParams,
    responses: { 200: followState },
  }),
  interest: endpoint({
    method: 'GET',
    path: '/api/v1/workshops/:id/interest',
    operationId: 'getWorkshopInterest',
    params: idParams,
    responses: { 200: interestState },
  }),
  addInterest: endpoint({
    method: 'PUT',
    path: '/api/v1/workshops/:id/interest',
    operationId: 'addWorkshopInterest',
    params: idParams,
    responses: { 200: interestState },
  }),
  removeInterest: endpoint({
    method: 'DELETE',
    path: '/api/v1/workshops/:id/interest',
    operationId: 'removeWorkshopInterest',
    params: idParams,
    responses: { 200: interestState },
  }),
  setWorkshopChannels: endpoint({
    method: 'PUT',
    path: '/api/v1/workshops/:id/channels',
    operationId: 'setWorkshopChannels',
    params: idParams,
    body: workshopChannelsBody,
    responses: { 200: workshopChannelsBody },
  }),
  recommendations: endpoint({
    method: 'GET',
    path: '/api/v1/recommendations',
    operationId: 'listRecommendations',
    responses: { 200: z.object({ items: z.array(recommendation) }) },
  }),
};
