import { type Expression, PostgresAdapter, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../platform/transaction.js';

export const MARK_START = '\uE000';
export const MARK_END = '\uE001';
const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;
const BATCH = 200;

/**
 * The words of a search box, as the index sees them: letters and digits only, lower-cased, at
 * most eight. Quotes, `*`, `NEAR`, `:`, parentheses and emoji are not syntax here, just separators,
 * so any input is a valid query and nothing the user types can reach the query language.
 */
export function searchTerms(q: string): string[] {
  const words =
    fold(q.slice(0, 2000))
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_TERMS);
}

/** "Café naïve" → "Cafe naive": accents do not matter (FTS5 folds them itself; PostgreSQL gets folded text). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/** FTS5: every term as a quoted prefix ("kube"*), all required. */
const ftsQuery = (terms: string[]) => terms.map((t) => `"${t}"*`).join(' ');
/** tsquery: every term as a prefix (kube:*), all required; terms are plain letters and digits. */
const tsQuery = (terms: string[]) => terms.map((t) => `${t}:*`).join(' & ');

interface SearchDocument {
  workshop_id: string;
  title: string;
  summary: string;
  description: string;
  tags: string;
  channels: string;
  hosts: string;
}

async function documents(db: Executor, ids: string[]): Promise<SearchDocument[]> {
  const [workshops, tags, channels, hosts] = await Promise.all([
    db.selectFrom('workshops').select(['id', 'title', 'summary', 'description']).where('id', 'in', ids).execute(),
    db.selectFrom('workshop_tags').select(['workshop_id', 'tag as name']).where('workshop_id', 'in', ids).execute(),
    db
      .selectFrom('workshop_channels as wc')
      .innerJoin('channels as c', 'c.id', 'wc.channel_id')
      .select(['wc.workshop_id', 'c.name'])
      .where('wc.workshop_id', 'in', ids)
      .execute(),
    db
      .selectFrom('workshop_hosts as h')
      .innerJoin('people as p', 'p.id', 'h.person_id')
      .select(['h.workshop_id', 'p.name'])
      .where('h.workshop_id', 'in', ids)
      .execute(),
  ]);
  const join = (rows: { workshop_id: string; name: string }[], id: string) =>
    rows
      .filter((r) => r.workshop_id === id)
      .map((r) => r.name)
      .join(' ');
  return workshops.map((w) => ({
    workshop_id: w.id,
    title: w.title,
    summary: w.summary,
    description: w.description,
    tags: join(tags, w.id),
    channels: join(channels, w.id),
    hosts: join(hosts, w.id),
  }));
}

export const searchIndex = {
  /** Rewrites the search documents of these workshops from their current rows, tags, channels and hosts. */
  async refresh(db: Executor, workshopIds: string[]): Promise<void> {
    for (let i = 0; i < workshopIds.length; i += BATCH) {
      const ids = workshopIds.slice(i, i + BATCH);
      const docs = await documents(db, ids);
      await db.deleteFrom('workshop_search').where('workshop_id', 'in', ids).execute();
      if (docs.length === 0) continue;
      if (isPostgres(db)) {
        await db
          .insertInto('workshop_search')
          .values(
            docs.map((d) => ({
              workshop_id: d.workshop_id,
              title: d.title,
              // Weighted: title first, then what the workshop is about, then who gives it, then the long text.
              document: sql<string>`setweight(to_tsvector('simple', ${fold(d.title)}), 'A') ||
                setweight(to_tsvector('simple', ${fold(`${d.summary} ${d.tags} ${d.channels}`)}), 'B') ||
                setweight(to_tsvector('simple', ${fold(d.hosts)}), 'C') ||
                setweight(to_tsvector('simple', ${fold(d.description)}), 'D')`,
            })),
          )
          .execute();
      } else {
        await db.insertInto('workshop_search').values(docs).execute();
      }
    }
  },

  /** Rebuilds the whole index (after a bulk load); returns the number of documents. */
  async rebuildAll(db: Executor, onProgress?: (done: number, total: number) => void): Promise<number> {
    const ids = (await db.selectFrom('workshops').select('id').orderBy('id').execute()).map((r) => r.id);
    await db.deleteFrom('workshop_search').execute();
    for (let i = 0; i < ids.length; i += BATCH) {
      await searchIndex.refresh(db, ids.slice(i, i + BATCH));
      onProgress?.(Math.min(ids.length, i + BATCH), ids.length);
    }
    return ids.length;
  },

  /** "This workshop's document matches all the terms": a condition on a workshop id column. */
  matches(db: Executor, workshopId: Expression<string>, terms: string[]): Expression<SqlBool> {
    if (isPostgres(db)) {
      return sql<SqlBool>`${workshopId} in (select workshop_id from workshop_search where document @@ to_tsquery('simple', ${tsQuery(terms)}))`;
    }
    return sql<SqlBool>`${workshopId} in (select workshop_id from workshop_search where workshop_search match ${ftsQuery(terms)})`;
  },

  /** The same, counting the title only: the second tier of relevance. */
  titleMatches(db: Executor, workshopId: Expression<string>, terms: string[]): Expression<SqlBool> {
    if (isPostgres(db)) {
      return sql<SqlBool>`${workshopId} in (select workshop_id from workshop_search where document @@ to_tsquery('simple', ${tsQuery(terms)})
        and document @@ to_tsquery('simple', ${terms.map((t) => `${t}:*A`).join(' & ')}))`;
    }
    return sql<SqlBool>`${workshopId} in (select workshop_id from workshop_search where workshop_search match ${`title : (${ftsQuery(terms)})`})`;
  },

  /**
   * Short excerpts for the page's workshops with the matched terms between MARK_START and
   * MARK_END (private-use characters, so the caller escapes the text and then marks it).
   */
  async highlights(db: Executor, workshopIds: string[], terms: string[]): Promise<Map<string, string>> {
    if (workshopIds.length === 0 || terms.length === 0) return new Map();
    if (isPostgres(db)) {
      const rows = await db
        .selectFrom('workshops')
        .select([
          'id',
          sql<string>`ts_headline('simple', summary || chr(10) || description, to_tsquery('simple', ${tsQuery(terms)}),
            ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=8, MaxFragments=1`})`.as('snippet'),
        ])
        .where('id', 'in', workshopIds)
        .execute();
      return new Map(rows.map((r) => [r.id, r.snippet]));
    }
    const rows = await sql<{ workshop_id: string; snippet: string }>`
      select workshop_id, snippet(workshop_search, -1, ${MARK_START}, ${MARK_END}, '…', 16) as snippet
      from workshop_search where workshop_search match ${ftsQuery(terms)}
      and workshop_id in (${sql.join(workshopIds)})`.execute(db);
    return new Map(rows.rows.map((r) => [r.workshop_id, r.snippet]));
  },
};
