import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { sessionBody, workshopBody } from '../../../../test/helpers/factories.js';
import type { ChecklistRun, ChecklistTemplate, ChecklistTemplateSummary } from '../../../contracts/index.js';
import { starterTemplates } from './starter-templates.js';

const { t, host, cohostless, admin } = testAppWithPeople({
  host: { name: 'Hana Host' },
  cohostless: { name: 'Otto Other' },
  admin: { name: 'Ada Admin', role: 'admin' },
});

const essentials = starterTemplates[0]?.id as string;
const lab = starterTemplates[1]?.id as string;

async function workshop(format: 'talk' | 'hands_on_lab' | 'discussion' = 'discussion', publish = true): Promise<string> {
  const api = as(t.app, host.token);
  const w = (await api.post('/api/v1/workshops', workshopBody({ format }))).json();
  if (publish) await api.post(`/api/v1/workshops/${w.id}/publish`);
  return w.id;
}

const run = async (workshopId: string): Promise<ChecklistRun> =>
  (await as(t.app, host.token).get(`/api/v1/workshops/${workshopId}/checklist`)).json();

describe('templates shipped as data', () => {
  it('lists the three starter templates, the one fitting the workshop marked suggested', async () => {
    const id = await workshop('hands_on_lab');
    const res = await as(t.app, host.token).get(`/api/v1/checklist-templates?workshopId=${id}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as ChecklistTemplateSummary[];
    expect(items.map((i) => i.name).sort()).toEqual(['Hands-on lab', 'Talk / tech deep-dive', 'Workshop essentials (ADDIE)']);
    expect(items.filter((i) => i.suggested).map((i) => i.name)).toEqual(['Hands-on lab']);
    expect(items.find((i) => i.id === essentials)?.itemCount).toBe(25);
  });

  it('gives each item its phase, timing, guidance and suggested offset', async () => {
    const template: ChecklistTemplate = (await as(t.app, host.token).get(`/api/v1/checklist-templates/${essentials}`)).json();
    expect(template.version).toBe(1);
    const phases = new Set(template.items.map((i) => i.phase));
    expect([...phases]).toEqual(['analysis', 'design', 'development', 'implementation', 'evaluation']);
    for (const item of template.items) {
      expect(item.text.length).toBeGreaterThan(5);
      expect(item.guidance.length).toBeGreaterThan(20);
      expect(['before', 'during', 'after']).toContain(item.when);
    }
  });
});

describe("a workshop's checklist", () => {
  it('is started by a host, answered, and shows progress per phase', async () => {
    const id = await workshop();
    const api = as(t.app, host.token);
    expectError(await api.get(`/api/v1/workshops/${id}/checklist`), 404, 'not_found');
    const started = await api.put(`/api/v1/workshops/${id}/checklist`, { templateId: essentials });
    expect(started.statusCode).toBe(201);
    const first = (started.json() as ChecklistRun).items[0];
    expect(first?.phase).toBe('analysis');
    const answered = await api.patch(`/api/v1/workshops/${id}/checklist/items/${first?.id}`, {
      answer: 'yes',
      note: 'Platform team, knows Go',
    });
    expect(answered.statusCode).toBe(200);
    const after: ChecklistRun = answered.json();
    expect(after.items[0]).toMatchObject({ answer: 'yes', note: 'Platform team, knows Go' });
    expect(after.progress.phases.analysis).toMatchObject({ total: 5, answered: 1, yes: 1, percent: 20 });
    expect(after.progress.overall).toMatchObject({ total: 25, answered: 1, percent: 4 });
    // Clearing the answer keeps the note unless it is cleared too.
    const cleared: ChecklistRun = (await api.patch(`/api/v1/workshops/${id}/checklist/items/${first?.id}`, { answer: null })).json();
    expect(cleared.items[0]).toMatchObject({ answer: null, note: 'Platform team, knows Go' });
    expect(cleared.progress.overall.answered).toBe(0);
    // Putting the same template again changes nothing.
    expect((await api.put(`/api/v1/workshops/${id}/checklist`, { templateId: essentials })).statusCode).toBe(200);
  });

  it('refuses answers that are not yes, no, na or null with 400, changing nothing', async () => {
    const id = await workshop();
    const api = as(t.app, host.token);
    const item = ((await api.put(`/api/v1/workshops/${id}/checklist`, { templateId: essentials })).json() as ChecklistRun).items[0];
    for (const body of [{ answer: 'maybe' }, { answer: true }, {}, { answer: 'yes', extra: 1 }, { answer: 'no', note: 'x'.repeat(2001) }]) {
      const res = await api.patch(`/api/v1/workshops/${id}/checklist/items/${item?.id}`, body);
      expectError(res, 400, 'validation_failed', JSON.stringify(body));
    }
    expect((await run(id)).progress.overall.answered).toBe(0);
    expectError(await api.patch(`/api/v1/workshops/${id}/checklist/items/not-an-item`, { answer: 'yes' }), 404, 'not_found');
    const confidence = await api.patch(`/api/v1/workshops/${id}/checklist`, { confidenceBefore: 6 });
    expectError(confidence, 400, 'validation_failed');
  });

  it('stores confidence, the badge choice and the reminder schedule of open items', async () => {
    const id = await workshop();
    const api = as(t.app, host.token);
    await api.post(`/api/v1/workshops/${id}/sessions`, sessionBody(30));
    await api.put(`/api/v1/workshops/${id}/checklist`, { templateId: essentials });
    expect((await api.get(`/api/v1/workshops/${id}`)).json()).toMatchObject({ preparedWith: null, checklistPercent: 0 });
    const updated: ChecklistRun = (
      await api.patch(`/api/v1/workshops/${id}/checklist`, { showOnWorkshop: true, reminders: true, confidenceBefore: 2 })
    ).json();
    expect(updated).toMatchObject({ showOnWorkshop: true, reminders: true, confidenceBefore: 2, confidenceAfter: null });
    // Attendees see the badge; the progress is for hosts only.
    const seen = (await as(t.app, cohostless.token).get(`/api/v1/workshops/${id}`)).json();
    expect(seen).toMatchObject({ preparedWith: 'Workshop essentials (ADDIE)', checklistPercent: null });
    const reminders = await t.database.db.selectFrom('checklist_reminders').selectAll().execute();
    const withOffsetAhead = updated.items.filter((i) => i.dueAt !== null && i.dueAt > new Date().toISOString());
    expect(withOffsetAhead.length).toBeGreaterThan(0);
    expect(reminders.filter((r) => withOffsetAhead.some((i) => i.key === r.item_key)).length).toBe(withOffsetAhead.length);
    // Answering an item takes it off the schedule; opting out clears it.
    const item = withOffsetAhead[0];
    await api.patch(`/api/v1/workshops/${id}/checklist/items/${item?.id}`, { answer: 'yes' });
    const afterAnswer = await t.database.db
      .selectFrom('checklist_reminders')
      .select('item_key')
      .where('item_key', '=', item?.key as string)
      .execute();
    expect(afterAnswer).toEqual([]);
    await api.patch(`/api/v1/workshops/${id}/checklist`, { reminders: false });
    const runId = (await t.database.db.selectFrom('checklist_runs').select('id').where('workshop_id', '=', id).executeTakeFirstOrThrow())
      .id;
    expect(await t.database.db.selectFrom('checklist_reminders').selectAll().where('run_id', '=', runId).execute()).toEqual([]);
  });

  it('never holds anything up: publishing, scheduling and registering ignore it', async () => {
    const api = as(t.app, host.token);
    const id = await workshop('discussion', false);
    const started: ChecklistRun = (await api.put(`/api/v1/workshops/${id}/checklist`, { templateId: essentials })).json();
    for (const item of started.items.slice(0, 10)) await api.patch(`/api/v1/workshops/${id}/checklist/items/${item.id}`, { answer: 'no' });
    expect((await api.post(`/api/v1/workshops/${id}/publish`)).statusCode).toBe(200);
    const session = await api.post(`/api/v1/workshops/${id}/sessions`, sessionBody(3));
    expect(session.statusCode).toBe(201);
    const registered = await as(t.app, cohostless.token).post(`/api/v1/sessions/${session.json().id}/registrations`, {});
    expect(registered.statusCode).toBe(201);
    expect(registered.json().status).toBe('enrolled');
  });
});

describe('permissions', () => {
  it('lets only hosts answer; admins look; others get 404 (draft) or 403/404 per what they can see', async () => {
    const published = await workshop();
    const draft = await workshop('discussion', false);
    const api = as(t.app, host.token);
    const item = ((await api.put(`/api/v1/workshops/${published}/checklist`, { templateId: essentials })).json() as ChecklistRun).items[0];
    await api.put(`/api/v1/workshops/${draft}/checklist`, { templateId: essentials });
    const other = as(t.app, cohostless.token);
    // Someone else's checklist is not theirs to see, published workshop or not.
    expectError(await other.get(`/api/v1/workshops/${published}/checklist`), 404, 'not_found');
    expectError(await other.get(`/api/v1/workshops/${draft}/checklist`), 404, 'not_found');
    expectError(await other.patch(`/api/v1/workshops/${published}/checklist/items/${item?.id}`, { answer: 'yes' }), 404, 'not_found');
    expectError(await other.put(`/api/v1/workshops/${published}/checklist`, { templateId: lab }), 404, 'not_found');
    // Admins may look, to support hosts, but the answers are the hosts'.
    const adminApi = as(t.app, admin.token);
    const looked = await adminApi.get(`/api/v1/workshops/${published}/checklist`);
    expect(looked.statusCode).toBe(200);
    expect(looked.json().canAnswer).toBe(false);
    const refused = await adminApi.patch(`/api/v1/workshops/${published}/checklist/items/${item?.id}`, { answer: 'yes' });
    expectError(refused, 403, 'forbidden');
    expect((await run(published)).progress.overall.answered).toBe(0);
  });

  it('lets only admins edit templates', async () => {
    const member = as(t.app, host.token);
    expectError(await member.post('/api/v1/checklist-templates', { name: 'Mine' }), 403, 'forbidden');
    expectError(await member.post(`/api/v1/checklist-templates/${essentials}/versions`), 403, 'forbidden');
    expectError(await member.post(`/api/v1/checklist-templates/${essentials}/retire`), 403, 'forbidden');
    expectError(await member.get('/api/v1/checklist-adoption'), 403, 'forbidden');
    expectError(await as(t.app, null).get('/api/v1/checklist-templates'), 401, 'unauthenticated');
  });
});

describe('versions', () => {
  it('keeps a run on its version, and an upgrade carries answers over by item key', async () => {
    const api = as(t.app, host.token);
    const adminApi = as(t.app, admin.token);
    const created: ChecklistTemplate = (
      await adminApi.post('/api/v1/checklist-templates', { name: 'Brown bag', formats: ['talk'] })
    ).json();
    expect(created).toMatchObject({ version: 1, versionStatus: 'draft', currentVersion: null });
    // Renaming keeps what was not sent.
    const renamed = await adminApi.patch(`/api/v1/checklist-templates/${created.id}`, { name: 'Brown-bag talk' });
    expect(renamed.json()).toMatchObject({ name: 'Brown-bag talk', formats: ['talk'] });
    const v1Items = [
      { phase: 'analysis', when: 'before', text: 'Audience named', guidance: 'Who comes?', offsetDays: -14 },
      { phase: 'design', when: 'before', text: 'One key message', guidance: '' },
      { phase: 'evaluation', when: 'after', text: 'Feedback asked', guidance: '', offsetDays: 1 },
    ];
    const saved = await as(t.app, admin.token).put(`/api/v1/checklist-templates/${created.id}/versions/1/items`, { items: v1Items });
    expect(saved.statusCode).toBe(200);
    expect((await adminApi.post(`/api/v1/checklist-templates/${created.id}/versions/1/publish`)).statusCode).toBe(200);

    const id = await workshop('talk');
    const started: ChecklistRun = (await api.put(`/api/v1/workshops/${id}/checklist`, { templateId: created.id })).json();
    const [audience, message, feedback] = started.items;
    await api.patch(`/api/v1/workshops/${id}/checklist/items/${audience?.id}`, { answer: 'yes', note: 'SREs' });
    await api.patch(`/api/v1/workshops/${id}/checklist/items/${message?.id}`, { answer: 'no' });

    // v2: reword the first, drop the second, add one.
    const draft = await adminApi.post(`/api/v1/checklist-templates/${created.id}/versions`);
    expect(draft.statusCode).toBe(201);
    expect(draft.json().version).toBe(2);
    expect((await adminApi.post(`/api/v1/checklist-templates/${created.id}/versions`)).json().version).toBe(2);
    const v2: ChecklistTemplate = (await adminApi.get(`/api/v1/checklist-templates/${created.id}?version=2`)).json();
    expect(v2.items.map((i) => i.key)).toEqual(started.items.map((i) => i.key));
    const v2Items = [
      { ...v1Items[0], key: audience?.key, text: 'The audience and what they already know are named' },
      { ...v1Items[2], key: feedback?.key },
      { phase: 'implementation', when: 'during', text: 'Objectives stated at the start', guidance: '' },
    ];
    await adminApi.put(`/api/v1/checklist-templates/${created.id}/versions/2/items`, { items: v2Items });
    // Publishing a draft does not touch runs: still version 1, with an upgrade on offer.
    await adminApi.post(`/api/v1/checklist-templates/${created.id}/versions/2/publish`);
    const kept = await run(id);
    expect(kept).toMatchObject({ templateVersion: 1, latestVersion: 2 });
    expect(kept.items.map((i) => i.text)).toEqual(['Audience named', 'One key message', 'Feedback asked']);
    // Published versions are frozen.
    const frozen = await adminApi.put(`/api/v1/checklist-templates/${created.id}/versions/1/items`, { items: v1Items });
    expectError(frozen, 409, 'invalid_state');

    const upgraded: ChecklistRun = (await api.post(`/api/v1/workshops/${id}/checklist/upgrade`)).json();
    expect(upgraded).toMatchObject({ templateVersion: 2, latestVersion: null });
    expect(upgraded.items.map((i) => [i.text, i.answer, i.note])).toEqual([
      ['The audience and what they already know are named', 'yes', 'SREs'],
      ['Feedback asked', null, null],
      ['Objectives stated at the start', null, null],
    ]);
    // New runs start on the current version.
    const fresh = await workshop('talk');
    expect(
      ((await api.put(`/api/v1/workshops/${fresh}/checklist`, { templateId: created.id })).json() as ChecklistRun).templateVersion,
    ).toBe(2);
  });

  it('retires a template: no longer offered or startable, existing runs keep working', async () => {
    const adminApi = as(t.app, admin.token);
    const api = as(t.app, host.token);
    const id = await workshop('hands_on_lab');
    const started: ChecklistRun = (await api.put(`/api/v1/workshops/${id}/checklist`, { templateId: lab })).json();
    expect((await adminApi.post(`/api/v1/checklist-templates/${lab}/retire`)).json().status).toBe('retired');
    const listed = (await api.get('/api/v1/checklist-templates')).json().items as ChecklistTemplateSummary[];
    expect(listed.some((i) => i.id === lab)).toBe(false);
    const other = await workshop('hands_on_lab');
    expectError(await api.put(`/api/v1/workshops/${other}/checklist`, { templateId: lab }), 404, 'not_found');
    expect((await api.patch(`/api/v1/workshops/${id}/checklist/items/${started.items[0]?.id}`, { answer: 'yes' })).statusCode).toBe(200);
    await adminApi.post(`/api/v1/checklist-templates/${lab}/restore`);
    expect(((await api.get('/api/v1/checklist-templates')).json().items as ChecklistTemplateSummary[]).some((i) => i.id === lab)).toBe(
      true,
    );
  });
});

describe('suggestions', () => {
  it('go from anyone to the education team; accepted ones land in the next draft, the author sees the outcome', async () => {
    const template: ChecklistTemplate = (await as(t.app, host.token).get(`/api/v1/checklist-templates/${essentials}`)).json();
    const target = template.items[2];
    const mine = as(t.app, cohostless.token);
    const reword = await mine.post('/api/v1/checklist-suggestions', {
      templateId: essentials,
      itemId: target?.id,
      kind: 'reword',
      text: 'Name two things attendees already know',
      reason: 'Concrete beats abstract',
    });
    expect(reword.statusCode).toBe(201);
    expect(reword.json()).toMatchObject({ status: 'open', itemText: target?.text, author: { name: 'Otto Other' } });
    const add = await mine.post('/api/v1/checklist-suggestions', {
      templateId: essentials,
      kind: 'add',
      text: 'Accessibility of slides checked',
      reason: 'Colour-blind colleagues',
      phase: 'development',
    });
    expect(add.statusCode).toBe(201);
    const bad = await mine.post('/api/v1/checklist-suggestions', { templateId: essentials, kind: 'reword', text: 'x', reason: 'r' });
    expectError(bad, 400, 'validation_failed');
    // Others do not see it; its author does; admins see all.
    expect((await as(t.app, host.token).get('/api/v1/checklist-suggestions')).json().items).toEqual([]);
    expect((await mine.get('/api/v1/checklist-suggestions')).json().items).toHaveLength(2);
    expectError(await mine.post(`/api/v1/checklist-suggestions/${reword.json().id}/accept`, {}), 403, 'forbidden');

    const adminApi = as(t.app, admin.token);
    const accepted = await adminApi.post(`/api/v1/checklist-suggestions/${reword.json().id}/accept`, { reply: 'Thanks!' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', appliedToVersion: 2, reply: 'Thanks!' });
    await adminApi.post(`/api/v1/checklist-suggestions/${add.json().id}/accept`, {});
    const draft: ChecklistTemplate = (await adminApi.get(`/api/v1/checklist-templates/${essentials}?version=2`)).json();
    expect(draft.versionStatus).toBe('draft');
    expect(draft.items.find((i) => i.key === target?.key)?.text).toBe('Name two things attendees already know');
    const added = draft.items.findIndex((i) => i.text === 'Accessibility of slides checked');
    expect(draft.items[added]?.phase).toBe('development');
    expect(draft.items[added + 1]?.phase).not.toBe('development');
    // The published version is untouched until the draft is published.
    expect(((await adminApi.get(`/api/v1/checklist-templates/${essentials}`)).json() as ChecklistTemplate).items).toHaveLength(25);

    const third = await mine.post('/api/v1/checklist-suggestions', {
      templateId: essentials,
      itemId: target?.id,
      kind: 'remove',
      reason: 'Covered elsewhere',
    });
    expectError(await adminApi.post(`/api/v1/checklist-suggestions/${third.json().id}/decline`, {}), 400, 'validation_failed');
    const declined = await adminApi.post(`/api/v1/checklist-suggestions/${third.json().id}/decline`, {
      reply: 'It is the heart of analysis.',
    });
    expect(declined.json()).toMatchObject({ status: 'declined', reply: 'It is the heart of analysis.' });
    expectError(await adminApi.post(`/api/v1/checklist-suggestions/${third.json().id}/accept`, {}), 409, 'invalid_state');
    expect((await adminApi.get('/api/v1/checklist-suggestions?mine=true')).json().items).toEqual([]);
    const outcomes = (await mine.get('/api/v1/checklist-suggestions')).json().items.map((s: { status: string }) => s.status);
    expect(outcomes.sort()).toEqual(['accepted', 'accepted', 'declined']);
  });
});

describe('adoption', () => {
  it('shows per version: workshops, completion per phase, where presenters say no, confidence; and as CSV', async () => {
    const adminApi = as(t.app, admin.token);
    const talkTemplate = starterTemplates[2]?.id as string;
    const api = as(t.app, host.token);
    const ids = [await workshop('talk'), await workshop('talk')];
    for (const [n, id] of ids.entries()) {
      const started: ChecklistRun = (await api.put(`/api/v1/workshops/${id}/checklist`, { templateId: talkTemplate })).json();
      const analysis = started.items.filter((i) => i.phase === 'analysis');
      for (const item of analysis) await api.patch(`/api/v1/workshops/${id}/checklist/items/${item.id}`, { answer: 'yes' });
      await api.patch(`/api/v1/workshops/${id}/checklist/items/${started.items.at(-1)?.id}`, { answer: 'no' });
      await api.patch(`/api/v1/workshops/${id}/checklist`, { confidenceBefore: 2 + n, confidenceAfter: 4 });
    }
    const res = await adminApi.get('/api/v1/checklist-adoption');
    expect(res.statusCode).toBe(200);
    const row = res.json().items.find((r: { templateId: string }) => r.templateId === talkTemplate);
    expect(row).toMatchObject({
      version: 1,
      workshops: 2,
      confidenceBefore: { average: 2.5, count: 2 },
      confidenceAfter: { average: 4, count: 2 },
    });
    expect(row.completion.analysis).toBe(100);
    expect(row.completion.design).toBe(0);
    expect(row.mostNo[0]).toMatchObject({ no: 2, answered: 2 });
    const csv = await adminApi.get('/api/v1/checklist-adoption.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toContain('Template,Version,Workshops,Analysis %');
    expect(csv.body).toContain('Talk / tech deep-dive,1,2,100');
  });
});
