import { DateTime } from 'luxon';
import type { Outbound, OutboundResponse } from '../../../platform/outbound/index.js';
import type { OutboxRow } from '../../../platform/outbox/outbox.repository.js';
import type { Executor } from '../../../platform/transaction.js';
import type { MessageComposer } from './ports.js';
import type { slackRepository } from './slack.repository.js';

export interface SlackSettings {
  /** A bot token (xoxb-…) for direct messages; undefined: people who chose Slack get nothing. */
  botToken: string | undefined;
  /** Slack's Web API (tests point it at a local server). */
  apiUrl: string;
  publicUrl: string;
  /** Every request leaves through it (internal addresses refused, no redirects, a timeout). */
  outbound: Pick<Outbound, 'request'>;
}

function post(
  outbound: SlackSettings['outbound'],
  url: string,
  body: unknown,
  signal: AbortSignal | undefined,
  token?: string,
): Promise<OutboundResponse> {
  return outbound.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal,
  });
}

const succeeded = (status: number) => status >= 200 && status < 300;

/**
 * Slack's Web API: reading methods take query parameters (they refuse JSON bodies), writing ones
 * JSON. It answers 200 with { ok: false, error } when it refuses.
 */
async function callApi(
  settings: SlackSettings,
  method: string,
  args: Record<string, unknown>,
  signal: AbortSignal | undefined,
  read = false,
) {
  const response = read
    ? await settings.outbound.request(`${settings.apiUrl}/${method}?${new URLSearchParams(args as Record<string, string>)}`, {
        headers: { authorization: `Bearer ${settings.botToken}` },
        signal,
      })
    : await post(settings.outbound, `${settings.apiUrl}/${method}`, args, signal, settings.botToken);
  const answer = response.json<{ ok?: boolean; error?: string; user?: { id: string } }>() ?? {};
  if (!succeeded(response.status) || !answer.ok) throw new Error(`Slack ${method}: ${answer.error ?? response.status}`);
  return answer;
}

/** Direct messages to people who chose Slack: the mail's text, found by their email address. */
export function slackDirectMessages(db: Executor, composer: MessageComposer, settings: SlackSettings) {
  const userIds = new Map<string, string>();
  return async (row: OutboxRow, signal?: AbortSignal): Promise<void> => {
    if (!settings.botToken) return;
    const message = await composer.compose(db, row, { calendar: false });
    if (!message) return;
    const { to, mail } = message;
    let user = userIds.get(to.email);
    if (!user) {
      user = (await callApi(settings, 'users.lookupByEmail', { email: to.email }, signal, true)).user?.id;
      if (!user) throw new Error('Slack users.lookupByEmail: no user');
      userIds.set(to.email, user);
    }
    // The greeting is for mail; in a direct message the subject leads.
    const text = `*${mail.subject}*\n${mail.text.split('\n').slice(2).join('\n')}`;
    await callApi(settings, 'chat.postMessage', { channel: user, text, unfurl_links: false }, signal);
  };
}

/** Announcements of new sessions in the Slack channel connected to a Lyceum channel (an incoming webhook). */
export function slackAnnouncements(db: Executor, slack: typeof slackRepository, settings: Pick<SlackSettings, 'outbound' | 'publicUrl'>) {
  return async (row: OutboxRow, signal?: AbortSignal): Promise<void> => {
    const { channelId, sessionId } = JSON.parse(row.payload) as { channelId: string; sessionId: string };
    const found = await slack.announcement(db, channelId, sessionId);
    // Disconnected since, or the session is gone: nothing to announce.
    if (!found?.url) return;
    const when = DateTime.fromISO(found.starts_at, { zone: found.time_zone }).toFormat('cccc d LLLL, HH:mm ZZZZ');
    const link = `${settings.publicUrl}/workshops/${found.workshop_id}?session=${sessionId}`;
    const response = await post(
      settings.outbound,
      found.url,
      { text: `New session: *${found.title}* — ${when}\n${found.summary}\n<${link}|Register in Lyceum>` },
      signal,
    );
    if (!succeeded(response.status)) throw new Error(`Slack answered ${response.status}.`);
  };
}
