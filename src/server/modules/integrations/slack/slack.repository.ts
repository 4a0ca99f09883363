import type { Executor } from '../../../platform/transaction.js';

/** What a Slack announcement reads when it goes out. */
export const slackRepository = {
  /** A Slack announcement: the channel's webhook and what the session is. */
  async announcement(db: Executor, channelId: string, sessionId: string) {
    const [channel, session] = await Promise.all([
      db.selectFrom('channels').select('slack_webhook_url as url').where('id', '=', channelId).executeTakeFirst(),
      db
        .selectFrom('sessions as s')
        .innerJoin('workshops as w', 'w.id', 's.workshop_id')
        .select(['w.title', 'w.summary', 's.starts_at', 's.time_zone', 's.workshop_id', 's.status'])
        .where('s.id', '=', sessionId)
        .executeTakeFirst(),
    ]);
    if (!channel || !session || session.status !== 'scheduled') return undefined;
    return { url: channel.url, ...session };
  },
};
