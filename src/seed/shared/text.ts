/** Text helpers of the seed data: a Markdown dedent for the data files, slugs and ASCII folding. */

/** Strips the common indentation of a template literal, so data files can stay indented. */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const indent = Math.min(...indents);
  return lines.map((line) => line.slice(indent).trimEnd()).join('\n');
}

/** "Debugging Kafka consumer lag" → "debugging-kafka-consumer-lag" (ASCII only). */
export function slugify(text: string, maxLength = 48): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

const SPECIAL_LETTERS: Record<string, string> = { ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', ß: 'ss', æ: 'ae', Æ: 'AE', ı: 'i', đ: 'd', Đ: 'D' };

/** "João Araújo" → "Joao Araujo"; letters NFD cannot split are mapped by hand. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØłŁßæÆıđĐ]/g, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** "Araújo" → "araujo", "O'Brien" → "obrien"; German umlauts become ae/oe/ue, as Germans write them. */
export const emailPart = (namePart: string, german: boolean): string =>
  asciiFold(german ? namePart.replace(/[äöüÄÖÜ]/g, (c) => `${c}e`) : namePart)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
