import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { workshopBody } from '../../../../test/helpers/factories.js';
import type { AuditEntryView } from '../../../contracts/audit.js';
import { loadConfig } from '../../config.js';
import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/ids.js';

const { t, ada, max, hana, cleo } = testAppWithPeople({
  ada: { name: 'Ada Admin', role: 'admin' },
  max: { name: 'Max Member' },
  hana: { name: 'Hana Host' },
  cleo: { name: 'Cleo Cohost' },
});

let addresses = 0;
/** A distinct client address per sign-in (sign-in is rate-limited per address). */
const nextAddress = () => `10.77.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`;

/** The request id the app gave a request: the x-request-id header of its answer. */
const requestIdOf = (res: LightMyRequestResponse) => String(res.headers['x-request-id']);

/** The entries a request left, read straight from the table: exactly what was written, nothing filtered. */
async function entriesOf(requestId: string) {
  return t.database.db.selectFrom('audit_log').selectAll().where('request_id', '=', requestId).execute();
}

/** The log as an admin reads it through the API. */
async function read(query: string): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const res = await as(t.app, ada.token).get(`/api/v1/admin/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The one entry a request left, as the API shows it. */
async function onlyEntryOf(res: LightMyRequestResponse, action: string): Promise<AuditEntryView> {
  const rows = await entriesOf(requestIdOf(res));
  expect(
    rows.map((r) => r.action),
    `entries of ${res.statusCode} ${res.body.slice(0, 100)}`,
  ).toEqual([action]);
  const listed = (await read(`action=${action}&limit=200`)).items.filter((e) => e.id === rows[0]?.id);
  expect(listed).toHaveLength(1);
  return listed[0] as AuditEntryView;
}

/** A browser signed in from a known address: its cookies, and requests that echo the CSRF token. */
async function browser(email: string) {
  const remoteAddress = nextAddress();
  const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/dev/sign-in', payload: { email }, remoteAddress });
  expect(signIn.statusCode, signIn.body).toBe(200);
  const cookie = (name: string) => signIn.cookies.find((c) => c.name === name)?.value ?? '';
  const cookies = { lyceum_session: cookie('lyceum_session'), lyceum_csrf: cookie('lyceum_csrf') };
  const send = (method: 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      cookies,
      remoteAddress,
      headers: { 'x-csrf-token': cookies.lyceum_csrf },
      ...(payload ? { payload } : {}),
    });
  return { signIn, remoteAddress, send };
}

describe('sign-in and sign-out are recorded', () => {
  it('records a sign-in with the person, the address and the request id of the answer', async () => {
    const { signIn, remoteAddress } = await browser(max.email);
    const entry = await onlyEntryOf(signIn, 'sign_in.succeeded');
    expect(entry).toMatchObject({
      actor: { id: max.id, label: 'Max Member' },
      action: 'sign_in.succeeded',
      target: { type: 'person', id: max.id },
      ip: remoteAddress,
      requestId: requestIdOf(signIn),
      details: { method: 'dev' },
    });
  });

  it("keeps a caller's own X-Request-Id as the entry's request id", async () => {
    const requestId = `trace-${newId()}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/dev/sign-in',
      payload: { email: max.email },
      remoteAddress: nextAddress(),
      headers: { 'x-request-id': requestId },
    });
    expect(requestIdOf(res)).toBe(requestId);
    expect((await onlyEntryOf(res, 'sign_in.succeeded')).requestId).toBe(requestId);
  });

  it('records a refused sign-in without an actor, labelled with the email typed, and the error’s request id', async () => {
    const remoteAddress = nextAddress();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/dev/sign-in',
      payload: { email: 'nobody@example.com' },
      remoteAddress,
    });
    expectError(res, 400, 'validation_failed');
    const entry = await onlyEntryOf(res, 'sign_in.failed');
    expect(entry).toMatchObject({
      actor: { id: null, label: 'nobody@example.com' },
      target: null,
      ip: remoteAddress,
      requestId: res.json().error.requestId,
    });
    // Nobody signed in: no session came of it.
    expect(res.cookies.find((c) => c.name === 'lyceum_session')).toBeUndefined();
  });

  it('records a sign-out of a session, and nothing for a sign-out without one', async () => {
    const { send, remoteAddress } = await browser(cleo.email);
    const out = await send('POST', '/api/v1/auth/sign-out');
    expect(out.statusCode).toBe(204);
    expect(await onlyEntryOf(out, 'sign_out')).toMatchObject({ actor: { id: cleo.id }, ip: remoteAddress });
    const again = await send('POST', '/api/v1/auth/sign-out');
    expect(again.statusCode).toBe(204);
    expect(await entriesOf(requestIdOf(again))).toEqual([]);
  });
});

describe('API tokens are recorded', () => {
  it('records creating and revoking a token, never its secret', async () => {
    const { send, remoteAddress } = await browser(max.email);
    const created = await send('POST', '/api/v1/me/tokens', { name: 'CI pipeline', scope: 'read' });
    expect(created.statusCode, created.body).toBe(201);
    const token = created.json();
    const made = await onlyEntryOf(created, 'api_token.created');
    expect(made).toMatchObject({
      actor: { id: max.id, label: 'Max Member' },
      target: { type: 'api_token', id: token.id },
      ip: remoteAddress,
      details: { name: 'CI pipeline', scope: 'read', personId: max.id },
    });
    expect(JSON.stringify(made)).not.toContain(token.token);

    const revoked = await send('DELETE', `/api/v1/me/tokens/${token.id}`);
    expect(revoked.statusCode).toBe(204);
    expect(await onlyEntryOf(revoked, 'api_token.revoked')).toMatchObject({
      actor: { id: max.id },
      target: { type: 'api_token', id: token.id },
    });
    // Revoking it again fails (404) and records nothing.
    const twice = await send('DELETE', `/api/v1/me/tokens/${token.id}`);
    expectError(twice, 404, 'not_found');
    expect(await entriesOf(requestIdOf(twice))).toEqual([]);
  });
});

describe('integrations are recorded', () => {
  it('records creating, changing and removing a webhook, without its signing secret', async () => {
    const api = as(t.app, ada.token);
    const url = 'https://receiver.example.com/hooks/path-secret?token=query-secret';
    const created = await api.post('/api/v1/admin/webhooks', { url, events: ['registration.created'] });
    expect(created.statusCode, created.body).toBe(201);
    const { id, secret } = created.json();
    const made = await onlyEntryOf(created, 'webhook.created');
    expect(made).toMatchObject({
      actor: { id: ada.id },
      target: { type: 'webhook', id },
      details: { destination: 'https://receiver.example.com', events: ['registration.created'] },
    });
    // Neither the signing secret nor what a receiver may hide in its address.
    for (const hidden of [secret, 'path-secret', 'query-secret']) expect(JSON.stringify(made)).not.toContain(hidden);

    const paused = await api.patch(`/api/v1/admin/webhooks/${id}`, { active: false });
    expect(paused.statusCode).toBe(200);
    const change = await onlyEntryOf(paused, 'webhook.updated');
    expect(change).toMatchObject({ target: { type: 'webhook', id }, details: { changed: ['active'] } });
    expect(change.summary).toMatch(/paused/);

    const removed = await api.delete(`/api/v1/admin/webhooks/${id}`);
    expect(removed.statusCode).toBe(204);
    expect(await onlyEntryOf(removed, 'webhook.deleted')).toMatchObject({ target: { type: 'webhook', id } });
  });

  it("records connecting and disconnecting a channel's Slack, never the address (it is the secret)", async () => {
    const api = as(t.app, ada.token);
    expect((await api.post('/api/v1/channels', { slug: 'audited', name: 'Audited' })).statusCode).toBe(201);
    const address = 'https://hooks.slack.com/services/T0/B0/very-secret';
    const connected = await api.patch('/api/v1/channels/audited', { slackWebhookUrl: address });
    expect(connected.statusCode, connected.body).toBe(200);
    const entry = await onlyEntryOf(connected, 'slack.connected');
    expect(entry).toMatchObject({ actor: { id: ada.id }, target: { type: 'channel' }, details: { channel: 'audited' } });
    expect(JSON.stringify(entry)).not.toContain('very-secret');

    // Renaming the channel alone is no Slack change.
    const renamed = await api.patch('/api/v1/channels/audited', { name: 'Audited things' });
    expect(await entriesOf(requestIdOf(renamed))).toEqual([]);

    const disconnected = await api.patch('/api/v1/channels/audited', { slackWebhookUrl: null });
    expect(disconnected.statusCode).toBe(200);
    await onlyEntryOf(disconnected, 'slack.disconnected');
  });
});

describe('template publishing and admins changing others’ workshops are recorded', () => {
  it('records publishing a checklist template version', async () => {
    const api = as(t.app, ada.token);
    const template = (await api.post('/api/v1/checklist-templates', { name: 'Audited template', formats: ['talk'] })).json();
    const items = [{ phase: 'analysis', when: 'before', text: 'Audience named', guidance: '' }];
    expect((await api.put(`/api/v1/checklist-templates/${template.id}/versions/1/items`, { items })).statusCode).toBe(200);
    const published = await api.post(`/api/v1/checklist-templates/${template.id}/versions/1/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(await onlyEntryOf(published, 'checklist_template.published')).toMatchObject({
      actor: { id: ada.id },
      target: { type: 'checklist_template', id: template.id },
      details: { version: 1 },
    });
  });

  it("records an admin editing or publishing a workshop they do not host, not hosts' own changes", async () => {
    const host = as(t.app, hana.token);
    const admin = as(t.app, ada.token);
    const w = (await host.post('/api/v1/workshops', workshopBody({ title: 'Audited workshop' }))).json();

    const ownEdit = await host.patch(`/api/v1/workshops/${w.id}`, { summary: 'The host changes it' });
    expect(ownEdit.statusCode).toBe(200);
    expect(await entriesOf(requestIdOf(ownEdit))).toEqual([]);

    const adminEdit = await admin.patch(`/api/v1/workshops/${w.id}`, { title: 'Retitled by the admin' });
    expect(adminEdit.statusCode, adminEdit.body).toBe(200);
    const edited = await onlyEntryOf(adminEdit, 'workshop.admin_edited');
    expect(edited).toMatchObject({ actor: { id: ada.id }, target: { type: 'workshop', id: w.id }, details: { fields: ['title'] } });
    expect(edited.summary).toContain('Hana Host');

    const adminPublish = await admin.post(`/api/v1/workshops/${w.id}/publish`);
    expect(adminPublish.statusCode).toBe(200);
    await onlyEntryOf(adminPublish, 'workshop.admin_published');

    const cohost = await admin.post(`/api/v1/workshops/${w.id}/hosts`, { personId: cleo.id });
    expect(cohost.statusCode, cohost.body).toBe(200);
    expect(await onlyEntryOf(cohost, 'workshop.admin_host_added')).toMatchObject({ details: { personId: cleo.id } });

    // An admin who hosts the workshop is one of its hosts: their changes are everyday work.
    const mine = (await admin.post('/api/v1/workshops', workshopBody({ title: "The admin's own" }))).json();
    const ownByAdmin = await admin.patch(`/api/v1/workshops/${mine.id}`, { title: 'Still mine' });
    expect(ownByAdmin.statusCode).toBe(200);
    expect(await entriesOf(requestIdOf(ownByAdmin))).toEqual([]);
  });
});

describe('reading the log', () => {
  // A period of its own (January 2020), so other tests' entries never mix in.
  const at = (day: number, time = '12:00:00.000') => `2020-01-${String(day).padStart(2, '0')}T${time}Z`;
  const seeded: { id: string; at: string; action: string; actor_id: string | null }[] = [];

  async function seed() {
    if (seeded.length > 0) return;
    const rows = [
      { at: at(1), action: 'api_token.created', actor: max },
      { at: at(2), action: 'api_token.revoked', actor: max },
      // Two entries in the same millisecond: the cursor tells them apart by id.
      { at: at(3), action: 'webhook.created', actor: ada },
      { at: at(3), action: 'webhook.updated', actor: ada },
      { at: at(4), action: 'apiXtoken.created', actor: ada },
      { at: at(5), action: 'sign_in.failed', actor: null },
      { at: at(31, '23:59:59.999'), action: 'sign_out', actor: max },
    ];
    for (const r of rows) {
      const row = {
        id: newId(),
        at: r.at,
        actor_id: r.actor?.id ?? null,
        actor_label: r.actor?.name ?? '=HYPERLINK("http://evil")',
        action: r.action,
        target_type: null,
        target_id: null,
        summary: `Seeded ${r.action}`,
        details: null,
        ip: '192.0.2.1',
        request_id: `seed-${r.action}`,
      };
      await t.database.db.insertInto('audit_log').values(row).execute();
      seeded.push({ id: row.id, at: row.at, action: row.action, actor_id: row.actor_id });
    }
    // The page order: newest first, then by id, descending.
    seeded.sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
  }

  const JANUARY = 'from=2020-01-01&to=2020-01-31';

  it('pages newest first with a cursor that neither skips nor repeats entries, even within one millisecond', async () => {
    await seed();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: AuditEntryView[]; nextCursor: string | null } = await read(
        `${JANUARY}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(seeded.map((s) => s.id));
    expect(pages).toBe(4);
  });

  it('filters by actor, by exact action, by an action prefix, and by period (both days included)', async () => {
    await seed();
    const ids = async (query: string) => (await read(`${query}&limit=200`)).items.map((e) => e.id);
    const expected = (keep: (s: (typeof seeded)[number]) => boolean) => seeded.filter(keep).map((s) => s.id);

    expect(await ids(`${JANUARY}&actor=${max.id}`)).toEqual(expected((s) => s.actor_id === max.id));
    expect(await ids(`${JANUARY}&action=webhook.created`)).toEqual(expected((s) => s.action === 'webhook.created'));
    expect(await ids(`${JANUARY}&action=webhook.`)).toEqual(expected((s) => s.action.startsWith('webhook.')));
    // `_` is a plain character, not a wildcard: apiXtoken.created is not an API token entry.
    expect(await ids(`${JANUARY}&action=api_token.`)).toEqual(expected((s) => s.action.startsWith('api_token.')));
    expect(await ids('from=2020-01-03&to=2020-01-03')).toEqual(expected((s) => s.at.startsWith('2020-01-03')));
    // The last millisecond of `to` is in; the first of the next day is not.
    expect(await ids('from=2020-01-31&to=2020-01-31')).toEqual(expected((s) => s.action === 'sign_out'));
    expect(await ids(`${JANUARY}&actor=${max.id}&action=api_token.revoked`)).toEqual(
      expected((s) => s.actor_id === max.id && s.action === 'api_token.revoked'),
    );
  });

  it('gives the same selection as CSV, with its columns, newest first, formulas neutralised', async () => {
    await seed();
    const res = await as(t.app, ada.token).get(`/api/v1/admin/audit.csv?${JANUARY}&action=webhook.`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('audit-log-2020-01-01-2020-01-31.csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('At,Actor,Actor id,Action,Target type,Target id,Summary,IP address,Request id,Details');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[3])).toEqual(seeded.filter((s) => s.action.startsWith('webhook.')).map((s) => s.action));
    expect(rows[0]?.slice(0, 3)).toEqual([at(3), 'Ada Admin', ada.id]);

    const all = await as(t.app, ada.token).get(`/api/v1/admin/audit.csv?${JANUARY}`);
    expect(
      all.body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toHaveLength(seeded.length + 1);
    // A label someone typed that a spreadsheet would run is shown as text.
    expect(all.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('refuses bad filters with 400 naming the field', async () => {
    const api = as(t.app, ada.token);
    const field = async (query: string) => {
      const res = await api.get(`/api/v1/admin/audit?${query}`);
      expectError(res, 400, 'validation_failed', query);
      return res.json().error.details.map((d: { field: string }) => d.field);
    };
    expect(await field('from=2020-13-01')).toContain('from');
    expect(await field('to=yesterday')).toContain('to');
    expect(await field('from=2020-02-01&to=2020-01-01')).toContain('from');
    expect(await field('action=DROP%20TABLE')).toContain('action');
    expect(await field('limit=0')).toContain('limit');
    expect(await field('cursor=not-a-cursor')).toContain('cursor');
    expect(await field('colour=red')).toContain('colour');
    const csv = await api.get('/api/v1/admin/audit.csv?from=2020-02-30');
    expectError(csv, 400, 'validation_failed');
    expect(csv.json().error.details.map((d: { field: string }) => d.field)).toContain('from');
  });

  it('is for admins: a member gets 403 forbidden, an anonymous caller 401', async () => {
    for (const path of ['/api/v1/admin/audit', '/api/v1/admin/audit.csv']) {
      expectError(await as(t.app, max.token).get(path), 403, 'forbidden', path);
      expectError(await as(t.app, null).get(path), 401, 'unauthenticated', path);
    }
  });
});

describe('keeping the log', () => {
  it('forgets entries older than AUDIT_RETENTION_DAYS (400 by default) and keeps the rest', async () => {
    const day = 86_400_000;
    const now = Date.now();
    const old = { id: newId(), at: new Date(now - 401 * day).toISOString() };
    const kept = { id: newId(), at: new Date(now - 399 * day).toISOString() };
    for (const r of [old, kept]) {
      await t.database.db
        .insertInto('audit_log')
        .values({ ...r, actor_id: null, actor_label: 'system', action: 'retention.test', summary: 'Retention test' })
        .execute();
    }
    expect(await t.app.jobs['purge-audit-log']?.()).toBeGreaterThanOrEqual(1);
    const left = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'retention.test').execute();
    expect(left.map((r) => r.id)).toEqual([kept.id]);
  });

  it('reads AUDIT_RETENTION_DAYS once, 1 to 3650 days, and names it when it is wrong', () => {
    const base = { DATABASE_URL: 'sqlite::memory:' };
    expect(loadConfig(base).auditRetentionDays).toBe(400);
    expect(loadConfig({ ...base, AUDIT_RETENTION_DAYS: '30' }).auditRetentionDays).toBe(30);
    for (const wrong of ['0', '3651', 'ten', '1.5']) {
      expect(() => loadConfig({ ...base, AUDIT_RETENTION_DAYS: wrong }), wrong).toThrow(/^Invalid AUDIT_RETENTION_DAYS=/);
    }
  });

  it('leaves no entry when the change it belongs to rolls back', async () => {
    const action = `rollback.${newId().slice(-8)}`;
    await expect(
      t.app.lyceum.container.tx.transaction(async (trx) => {
        await recordAudit(trx, { actor: { id: ada.id, name: ada.name }, action, summary: 'Never happened' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.database.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).toEqual([]);
  });
});
