import { type Actor, isAdmin } from '../../platform/actor.js';

export type ChannelAction = 'create' | 'edit';

/** Channels are the education team's to create; their owners (and admins) keep them. */
export function can(actor: Actor, action: ChannelAction, channel: { ownerIds: readonly string[] } = { ownerIds: [] }): boolean {
  switch (action) {
    case 'create':
      return isAdmin(actor);
    case 'edit':
      return isAdmin(actor) || channel.ownerIds.includes(actor.id);
  }
}

/** Where Slack serves incoming webhooks. */
const SLACK_WEBHOOK_ORIGIN = 'https://hooks.slack.com';

/**
 * A channel's Slack webhook is where Lyceum POSTs every new session: owners (any member) may
 * connect only a Slack incoming webhook, so the field cannot aim Lyceum at another server;
 * admins may connect anything (a Slack-compatible chat on their own network, say).
 */
export function maySetSlackWebhook(actor: Actor, url: string): boolean {
  if (isAdmin(actor)) return true;
  try {
    const parsed = new URL(url);
    return parsed.origin === SLACK_WEBHOOK_ORIGIN && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
