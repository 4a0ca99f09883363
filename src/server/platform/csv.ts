import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';

/**
 * The one CSV writer for every export. People open exports in spreadsheet software, which runs a
 * cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a formula:
 * a name like `=HYPERLINK("http://evil","click")` would become a live link or worse (CSV
 * injection). Such text cells get a leading `'` (OWASP's advice), which spreadsheets show as text.
 *
 * Only string cells are neutralised: numbers are values Lyceum computed (counts, percentages,
 * averages), never text someone typed, and a spreadsheet must still read -3 as the number -3.
 * So a column of numbers passes numbers, and anything a person wrote passes as a string.
 *
 * Files start with a UTF-8 byte-order mark (Excel otherwise reads UTF-8 as a legacy code page
 * and garbles every accented name) and end lines with CRLF, as RFC 4180 says.
 */
export type CsvCell = string | number | null | undefined;

export interface CsvFile {
  filename: string;
  body: string;
}

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/** A text cell as it is safe to open in a spreadsheet. */
export function neutralise(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

export function toCsv(columns: readonly string[], rows: readonly CsvCell[][]): string {
  return stringify(rows as CsvCell[][], {
    header: true,
    columns: [...columns],
    bom: true,
    record_delimiter: 'windows',
    // A lone CR or LF inside a cell is quoted too, or a spreadsheet would break the row there.
    quoted_match: /[\r\n]/,
    cast: { string: neutralise },
  });
}

/**
 * A file name from its parts, e.g. `roster-intro-to-kubernetes-2025-03-04.csv`: lower case,
 * anything but letters and digits turned into single dashes. Letters of any script stay (the
 * Content-Disposition header carries them as UTF-8).
 */
export function csvFilename(...parts: string[]): string {
  const slug = parts
    .map((part) =>
      part
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)
        .replace(/-+$/, ''),
    )
    .filter((part) => part !== '')
    .join('-');
  return `${slug || 'export'}.csv`;
}

/** The same name in ASCII, for clients that do not read `filename*`: accents dropped, other letters gone. */
function asciiFallback(filename: string): string {
  const ascii = filename
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]+/g, '-')
    .replace(/["\\]/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+/, '');
  return ascii === '.csv' || ascii === '' ? 'export.csv' : ascii;
}

/** RFC 5987 percent-encoding: encodeURIComponent leaves a few characters that the grammar does not allow. */
const encodeExtValue = (value: string) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment` with the name, and RFC 6266's `filename*` when the name is not plain ASCII. */
export function attachment(filename: string): string {
  const fallback = asciiFallback(filename);
  if (fallback === filename) return `attachment; filename="${filename}"`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}

/** Sends a CSV file as a download. */
export function sendCsv(reply: FastifyReply, file: CsvFile): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(file.filename)).send(file.body);
}
