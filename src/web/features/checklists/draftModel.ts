import {
  type ChecklistItem,
  type ChecklistItemInput,
  type ChecklistPhase,
  type ChecklistWhen,
  checklistPhases,
} from '../../../contracts/index.js';
import type { FieldErrors } from '../../lib/forms';

/**
 * A draft item while an admin edits it. `uid` identifies the row on screen; `key` is the stable
 * item key the server keeps across versions (absent for new items: the server makes one).
 */
export type DraftRow = {
  uid: string;
  key?: string;
  phase: ChecklistPhase;
  when: ChecklistWhen;
  text: string;
  guidance: string;
  offsetDays: number | null;
  links: Array<{ title: string; url: string }>;
};

let counter = 0;
const newUid = () => `row-${++counter}`;

export function fromItem(item: ChecklistItem): DraftRow {
  return {
    uid: newUid(),
    key: item.key,
    phase: item.phase,
    when: item.when,
    text: item.text,
    guidance: item.guidance,
    offsetDays: item.offsetDays,
    links: item.links.map((l) => ({ ...l })),
  };
}

export function blankRow(phase: ChecklistPhase): DraftRow {
  return { uid: newUid(), phase, when: 'before', text: '', guidance: '', offsetDays: null, links: [] };
}

/** Rows are kept phase by phase (A, D, D, I, E), each phase in the admin's order: the order saved. */
export function normalize(rows: DraftRow[]): DraftRow[] {
  return [...rows].sort((a, b) => checklistPhases.indexOf(a.phase) - checklistPhases.indexOf(b.phase));
}

/** Swaps a row with its neighbour in the same phase. */
export function move(rows: DraftRow[], uid: string, direction: -1 | 1): DraftRow[] {
  const i = rows.findIndex((r) => r.uid === uid);
  const row = rows[i];
  if (!row) return rows;
  let j = i + direction;
  while (rows[j] && rows[j]?.phase !== row.phase) j += direction;
  const other = rows[j];
  if (!other) return rows;
  const next = [...rows];
  next[i] = other;
  next[j] = row;
  return next;
}

/** Changes a row; a row moved to another phase goes to the end of that phase. */
export function update(rows: DraftRow[], uid: string, patch: Partial<Omit<DraftRow, 'uid' | 'key'>>): DraftRow[] {
  const row = rows.find((r) => r.uid === uid);
  if (!row) return rows;
  const changed = { ...row, ...patch };
  if (patch.phase && patch.phase !== row.phase) return normalize([...rows.filter((r) => r.uid !== uid), changed]);
  return rows.map((r) => (r.uid === uid ? changed : r));
}

export function toInput(row: DraftRow): ChecklistItemInput {
  return {
    ...(row.key && { key: row.key }),
    phase: row.phase,
    when: row.when,
    text: row.text,
    guidance: row.guidance,
    offsetDays: row.offsetDays,
    links: row.links,
  };
}

/** What is saved, for telling whether anything changed. */
export function fingerprint(rows: DraftRow[]): string {
  return JSON.stringify(rows.map(toInput));
}

/** "items.3.links.0.url" errors (from zod or the server) as per-row errors: { [uid]: { 'links.0.url': … } }. */
export function errorsByRow(errors: FieldErrors, rows: DraftRow[]): Record<string, FieldErrors> {
  const out: Record<string, FieldErrors> = {};
  for (const [path, message] of Object.entries(errors)) {
    const m = /^items\.(\d+)\.(.+)$/.exec(path);
    const uid = m ? rows[Number(m[1])]?.uid : undefined;
    if (!m || !uid) continue;
    out[uid] = { ...out[uid], [m[2] as string]: message };
  }
  return out;
}
