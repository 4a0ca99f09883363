import { FEEDBACK_PRIVACY_THRESHOLD } from '../../../contracts/index.js';

/** How many answers gave 1, 2, 3, 4 and 5. */
export type Distribution = [number, number, number, number, number];

/** Two decimals: enough to tell 4.33 from 4.25, and no false precision beyond. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * A session's figures, comments and text answers are shown only from this many answers on:
 * under it, a host who knows who came could tell who said what.
 */
export const shown = (responses: number): boolean => responses >= FEEDBACK_PRIVACY_THRESHOLD;

export const emptyDistribution = (): Distribution => [0, 0, 0, 0, 0];

export function averageOf(distribution: Distribution): number | null {
  const n = distribution.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  return round2(distribution.reduce((acc, count, i) => acc + count * (i + 1), 0) / n);
}

/** Net Promoter Score: % promoters (9–10) − % detractors (0–6), a whole number from −100 to 100; null without answers. */
export function npsOf(promoters: number, passives: number, detractors: number) {
  const total = promoters + passives + detractors;
  if (total === 0) return null;
  return { score: Math.round(((promoters - detractors) / total) * 100), promoters, passives, detractors };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return round2(sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2);
}

export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : round2(part / whole));

type HostQuestion = { id: string; kind: 'rating' | 'text'; prompt: string };

/**
 * The hosts' own questions with what was answered (the answers given, latest session first): a
 * rating question's average and distribution, a text question's texts (at most `maxTexts`). An
 * answer of the other kind (a question whose kind changed but kept its id) is left out.
 */
export function questionFigures(questions: HostQuestion[], given: { answers: string }[], maxTexts: number) {
  const parsed = given.map((row) => JSON.parse(row.answers) as Record<string, unknown>);
  return questions.map((q) => {
    const values = parsed.map((answers) => answers[q.id]);
    if (q.kind === 'rating') {
      const distribution = emptyDistribution();
      for (const v of values) {
        if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5) distribution[v - 1] = (distribution[v - 1] ?? 0) + 1;
      }
      const responses = distribution.reduce((a, b) => a + b, 0);
      return {
        id: q.id,
        kind: q.kind,
        prompt: q.prompt,
        responses,
        average: averageOf(distribution),
        distribution: responses > 0 ? distribution : null,
        texts: [],
      };
    }
    const texts = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
    return {
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      responses: texts.length,
      average: null,
      distribution: null,
      texts: texts.slice(0, maxTexts),
    };
  });
}
