import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { attachment, csvFilename, toCsv } from './csv.js';

describe('the CSV writer', () => {
  it('neutralises text that starts like a formula, but leaves numbers numbers', () => {
    const body = toCsv(
      ['text', 'number'],
      [
        ['-3', -3],
        ['=1+2', 2.5],
        ['plain', null],
      ],
    );
    expect(parse(body, { bom: true, columns: true })).toEqual([
      { text: "'-3", number: '-3' },
      { text: "'=1+2", number: '2.5' },
      { text: 'plain', number: '' },
    ]);
  });

  it('names files in any script, with an ASCII fallback for old clients', () => {
    expect(attachment(csvFilename('roster', 'Intro to "Go" & co', '2030-03-05'))).toBe(
      'attachment; filename="roster-intro-to-go-co-2030-03-05.csv"',
    );
    expect(attachment(csvFilename('roster', '入門 Kubernetes', '2030-03-05'))).toBe(
      'attachment; filename="roster-kubernetes-2030-03-05.csv"; filename*=UTF-8\'\'roster-%E5%85%A5%E9%96%80-kubernetes-2030-03-05.csv',
    );
    expect(csvFilename('', '***')).toBe('export.csv');
  });
});
