import { parse } from 'csv-parse/sync';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { ChecklistRun, ChecklistTemplate } from '../../src/contracts/index.js';
import { as, testAppWithPeople } from '../helpers/app.js';
import { buildPerson, sessionBody, workshopBody } from '../helpers/factories.js';

// Every export is read back as a spreadsheet user's software would get it: text that starts like a
// formula (OWASP's list) must arrive as text, prefixed with a quote.
const FORMULAS = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '\tx', '\rx'];

const { t, host, admin } = testAppWithPeople({ host: { name: 'Hana Host' }, admin: { name: 'Ada Admin', role: 'admin' } });

/** The body as csv-parse reads it, after checking what every export shares: BOM, CRLF, a download. */
function readCsv(res: LightMyRequestResponse): Record<string, string>[] {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // Every line ends with CRLF; a bare LF appears nowhere, not even inside a cell.
  expect(res.body.endsWith('\r\n')).toBe(true);
  expect(res.body.match(/(?<!\r)\n/g)).toBeNull();
  return parse(res.body, { bom: true, columns: true, record_delimiter: '\r\n' });
}

describe('CSV exports are safe to open in a spreadsheet', () => {
  it('roster.csv: names and teams that look like formulas come back as text, named after the workshop and day', async () => {
    const api = as(t.app, host.token);
    const workshop = (await api.post('/api/v1/workshops', workshopBody({ title: 'Überblick: Kafka für Einsteiger' }))).json();
    await api.post(`/api/v1/workshops/${workshop.id}/publish`);
    const body = sessionBody(7, { startsAt: '2030-03-04T23:30:00.000Z', endsAt: '2030-03-05T01:00:00.000Z', timeZone: 'Europe/Amsterdam' });
    const session = (await api.post(`/api/v1/workshops/${workshop.id}/sessions`, body)).json();
    for (const [i, name] of FORMULAS.entries()) {
      const person = await buildPerson(t.database.db, { name, team: FORMULAS[(i + 1) % FORMULAS.length] as string });
      expect((await as(t.app, person.token).post(`/api/v1/sessions/${session.id}/registrations`, {})).statusCode).toBe(201);
    }

    const res = await api.get(`/api/v1/sessions/${session.id}/roster.csv`);
    const rows = readCsv(res);
    expect(rows.map((r) => r.name)).toEqual(FORMULAS.map((f) => `'${f}`));
    expect(rows.map((r) => r.team)).toEqual([...FORMULAS.slice(1), FORMULAS[0]].map((f) => `'${f}`));
    // Ordinary cells are untouched.
    expect(rows.map((r) => r.status)).toEqual(FORMULAS.map(() => 'enrolled'));
    expect(rows[0]?.registered_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // The session starts on 4 March in UTC but on 5 March in Amsterdam, where it was planned.
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="roster-uberblick-kafka-fur-einsteiger-2030-03-05.csv"; ' +
        "filename*=UTF-8''roster-%C3%BCberblick-kafka-f%C3%BCr-einsteiger-2030-03-05.csv",
    );
  });

  it('checklist-adoption.csv: template names and item texts that look like formulas come back as text; numbers stay numbers', async () => {
    const adminApi = as(t.app, admin.token);
    const template: ChecklistTemplate = (await adminApi.post('/api/v1/checklist-templates', { name: FORMULAS[0] })).json();
    const items = [
      { phase: 'analysis', when: 'before', text: '@SUM(A1) audience named' },
      { phase: 'design', when: 'before', text: '-2 days: agenda sent' },
    ];
    expect((await adminApi.put(`/api/v1/checklist-templates/${template.id}/versions/1/items`, { items })).statusCode).toBe(200);
    expect((await adminApi.post(`/api/v1/checklist-templates/${template.id}/versions/1/publish`)).statusCode).toBe(200);
    const api = as(t.app, host.token);
    const workshop = (await api.post('/api/v1/workshops', workshopBody())).json();
    const run: ChecklistRun = (await api.put(`/api/v1/workshops/${workshop.id}/checklist`, { templateId: template.id })).json();
    for (const item of run.items) await api.patch(`/api/v1/workshops/${workshop.id}/checklist/items/${item.id}`, { answer: 'no' });

    const res = await adminApi.get('/api/v1/checklist-adoption.csv');
    const rows = readCsv(res);
    const row = rows.find((r) => r.Template === `'${FORMULAS[0]}`);
    expect(row).toMatchObject({ Version: '1', Workshops: '1', 'Analysis %': '100', 'Confidence before (avg)': '' });
    expect(row?.['Most often "no"']).toMatch(/^'(@SUM\(A1\) audience named|-2 days: agenda sent) \(1\/1 no\); /);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="checklist-adoption-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
  });
});
