import { DateTime } from 'luxon';
import type { Executor } from '../../platform/transaction.js';
import type { deliveryRepository } from './delivery.repository.js';
import { renderMail } from './messages.js';
import type { MessagePayload, Topic } from './notifier.js';
import type { OutboxRow } from './outbox.repository.js';

export interface SlackSettings {
  /** A bot token (xoxb-…) for direct messages; undefined: people who chose Slack get nothing. */
  botToken: string | undefined;
  /** Slack's Web API (tests point it at a local server). */
  apiUrl: string;
  timeoutMs: number;
  publicUrl: string;
}

async function post(url: string, body: unknown, timeoutMs: number, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
}

/**
 * Slack's Web API: reading methods take query parameters (they refuse JSON bodies), writing ones
 * JSON. It answers 200 with { ok: false, error } when it refuses.
 */
async function callApi(settings: SlackSettings, method: string, args: Record<string, unknown>, read = false) {
  const response = read
    ? await fetch(`${settings.apiUrl}/${method}?${new URLSearchParams(args as Record<string, string>)}`, {
        headers: { authorization: `Bearer ${settings.botToken}` },
        signal: AbortSignal.timeout(settings.timeoutMs),
      })
    : await post(`${settings.apiUrl}/${method}`, args, settings.timeoutMs, settings.botToken);
  const answer = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: string; user?: { id: string } };
  if (!response.ok || !answer.ok) throw new Error(`Slack ${method}: ${answer.error ?? response.status}`);
  return answer;
}

/** Direct messages to people who chose Slack: the mail's text, found by their email address. */
export function slackDirectMessages(db: Executor, delivery: typeof deliveryRepository, settings: SlackSettings) {
  const userIds = new Map<string, string>();
  return async (row: OutboxRow): Promise<void> => {
    if (!settings.botToken) return;
    const payload = JSON.parse(row.payload) as MessagePayload;
    const ctx = await delivery.context(db, payload.sessionId, payload.personId, payload.registrationId);
    if (!ctx) return;
    let user = userIds.get(ctx.person.email);
    if (!user) {
      user = (await callApi(settings, 'users.lookupByEmail', { email: ctx.person.email }, true)).user?.id;
      if (!user) throw new Error('Slack users.lookupByEmail: no user');
      userIds.set(ctx.person.email, user);
    }
    const mail = renderMail(row.topic as Topic, payload, ctx, settings.publicUrl);
    // The greeting is for mail; in a direct message the subject leads.
    const text = `*${mail.subject}*\n${mail.text.split('\n').slice(2).join('\n')}`;
    await callApi(settings, 'chat.postMessage', { channel: user, text, unfurl_links: false });
  };
}

/** Announcements of new sessions in the Slack channel connected to a Lyceum channel (an incoming webhook). */
export function slackAnnouncements(
  db: Executor,
  delivery: typeof deliveryRepository,
  settings: Pick<SlackSettings, 'timeoutMs' | 'publicUrl'>,
) {
  return async (row: OutboxRow): Promise<void> => {
    const { channelId, sessionId } = JSON.parse(row.payload) as { channelId: string; sessionId: string };
    const found = await delivery.announcement(db, channelId, sessionId);
    // Disconnected since, or the session is gone: nothing to announce.
    if (!found?.url) return;
    const when = DateTime.fromISO(found.starts_at, { zone: found.time_zone }).toFormat('cccc d LLLL, HH:mm ZZZZ');
    const link = `${settings.publicUrl}/workshops/${found.workshop_id}?session=${sessionId}`;
    const response = await post(
      found.url,
      { text: `New session: *${found.title}* — ${when}\n${found.summary}\n<${link}|Register in Lyceum>` },
      settings.timeoutMs,
    );
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) throw new Error(`Slack answered ${response.status}.`);
  };
}
