import { z } from 'zod';
import { httpUrl, listQuery, personRef } from './common.js';
import { searchHit } from './search.js';

export const channelSlug = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'Use lower-case letters, digits and dashes, e.g. data-engineering.');

export const channel = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  owners: z.array(personRef),
  followerCount: z.number(),
  upcomingCount: z.number(),
  workshopCount: z.number(),
  /** Whether the viewer follows it. */
  following: z.boolean(),
  canEdit: z.boolean(),
  /** Whether new sessions are announced in a Slack channel (the webhook address itself stays secret). */
  slackConnected: z.boolean(),
});
export type Channel = z.infer<typeof channel>;

export const channelsQuery = listQuery.extend({ q: z.string().trim().max(100).optional(), following: z.stringbool().optional() });

export const createChannelBody = z.strictObject({
  slug: channelSlug,
  name: z.string().trim().min(2).max(80),
  description: z.string().trim().max(2000).default(''),
  ownerIds: z.array(z.string().min(1).max(64)).max(10).default([]),
});
export type CreateChannelBody = z.input<typeof createChannelBody>;
// Written out: a partial of the create body would still default ownerIds to [] and drop every owner.
export const updateChannelBody = z.strictObject({
  name: z.string().trim().min(2).max(80).optional(),
  description: z.string().trim().max(2000).optional(),
  ownerIds: z.array(z.string().min(1).max(64)).max(10).optional(),
  slackWebhookUrl: httpUrl.nullable().optional().describe('A Slack incoming webhook: new sessions are announced there; null disconnects'),
});

export const channelPage = z.object({
  channel,
  upcoming: z.array(searchHit),
  past: z.array(z.object({ id: z.string(), title: z.string(), summary: z.string(), lastSessionAt: z.string().nullable() })),
});
export type ChannelPage = z.infer<typeof channelPage>;

export const workshopChannelsBody = z.strictObject({ channels: z.array(channelSlug).max(5) });

export const followState = z.object({ following: z.boolean(), followerCount: z.number() });
export const interestState = z.object({ interested: z.boolean(), interestCount: z.number() });

export const recommendation = z.object({
  hit: searchHit,
  reason: z.object({
    kind: z.enum(['channel', 'host', 'team', 'also_attended', 'popular']),
    /** Ready to show: "Because you follow Data Engineering". */
    text: z.string(),
  }),
});
export type Recommendation = z.infer<typeof recommendation>;

// ---- requests: "I'd like a workshop on …" ----

export const requestStatus = z.enum(['open', 'claimed', 'answered']);

export const workshopRequest = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  author: personRef,
  status: requestStatus,
  votes: z.number(),
  voted: z.boolean(),
  claimedBy: personRef.nullable(),
  workshop: z.object({ id: z.string(), title: z.string() }).nullable(),
  createdAt: z.string(),
});
export type WorkshopRequest = z.infer<typeof workshopRequest>;

export const requestsQuery = listQuery.extend({ status: requestStatus.optional() });
export const createRequestBody = z.strictObject({
  title: z.string().trim().min(5, 'Say what you would like to learn, e.g. "Profiling Go services".').max(160),
  description: z.string().trim().max(4000).default(''),
});
export const answerRequestBody = z.strictObject({ workshopId: z.string().min(1).max(64) });
