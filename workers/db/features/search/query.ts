/**
 * Runs a global search: per record type, how many records match and the first few, titles first.
 *
 * Order within a type: newest first; when a type has few matches (≤ the count cap), records whose title
 * (name, number, subject) matches come before those that match only in the body (email, phone, address).
 * Measured figures: search-index.ts.
 */
import type { Database, SqlValue } from 'sql.js';
import { DomainError } from '../../errors';
import { quoteIdentifier } from '../../sql-text';
import type { SearchGroup, SearchHit, SearchOptions, SearchResults } from './api';
import { SEARCH_ENTITIES, SEARCH_SOURCES, type SearchEntity, type SearchSource } from './sources';
import { matchExpression } from './tokens';

export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 200;
/**
 * Matches are counted up to this many per type ("1,000+"): counting all 550,000 customers whose name holds
 * 有限 costs ~400 ms at the bench profile, the first thousand a few.
 */
export const COUNT_CAP = 1000;

const q = quoteIdentifier;

const column = (db: Database, sql: string, params: SqlValue[]): number[] =>
  (db.exec(sql, params)[0]?.values ?? []).map((row) => Number(row[0]));

function checkedOptions(options: SearchOptions | undefined): { limit: number; sources: SearchSource[] } {
  const limit = options?.limit ?? DEFAULT_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new DomainError('validation', `the number of results per type is 1 to ${MAX_LIMIT}`);
  const wanted = options?.entities;
  if (wanted !== undefined) {
    if (!Array.isArray(wanted))
      throw new DomainError('validation', 'entities must be a list of record types');
    const unknown = wanted.find((e) => !(SEARCH_ENTITIES as readonly unknown[]).includes(e));
    if (unknown !== undefined)
      throw new DomainError('validation', `“${String(unknown)}” is not a searchable record type`);
  }
  const sources = wanted ? SEARCH_SOURCES.filter((s) => wanted.includes(s.entity)) : [...SEARCH_SOURCES];
  return { limit, sources };
}

/**
 * The first `limit` matches of `source` and how many there are, counting up to {@link COUNT_CAP}: one
 * capped evaluation (newest first, the FTS tables' own order, so FTS4 reads a common term's doclist only as
 * far as the cap). When the matches are few, those whose title matches are listed first.
 */
function matchesIn(
  db: Database,
  source: SearchSource,
  match: string,
  limit: number,
): { ids: number[]; total: number; capped: boolean } {
  const fts = q(source.fts);
  const all = column(db, `SELECT docid FROM main.${fts} WHERE ${fts} MATCH ? LIMIT ?`, [
    match,
    COUNT_CAP + 1,
  ]);
  const capped = all.length > COUNT_CAP;
  const total = Math.min(all.length, COUNT_CAP);
  if (capped || all.length <= 1) return { ids: all.slice(0, limit), total, capped };
  const titled = column(db, `SELECT docid FROM main.${fts} WHERE title MATCH ? LIMIT ?`, [match, limit]);
  const seen = new Set(titled);
  const ids = titled.concat(all.filter((id) => !seen.has(id)).slice(0, limit - titled.length));
  return { ids, total, capped };
}

function hitsFor(db: Database, source: SearchSource, ids: number[]): SearchHit[] {
  if (ids.length === 0) return [];
  const sql = source.display.replace('{ids}', ids.map(() => '?').join(', '));
  const rows = new Map(
    (db.exec(sql, ids)[0]?.values ?? []).map((row) => [
      Number(row[0]),
      { title: String(row[1] ?? ''), subtitle: String(row[2] ?? '') },
    ]),
  );
  return ids.flatMap((id) => {
    const row = rows.get(id);
    return row ? [{ entity: source.entity, id, ...row }] : [];
  });
}

export function search(db: Database, query: unknown, options?: SearchOptions): SearchResults {
  if (typeof query !== 'string') throw new DomainError('validation', 'the search must be text');
  if (query.length > MAX_QUERY_LENGTH)
    throw new DomainError('validation', `a search is at most ${MAX_QUERY_LENGTH} characters`);
  const { limit, sources } = checkedOptions(options);
  const match = matchExpression(query);
  if (match === null) return { query, groups: [], total: 0, capped: false };
  const groups: SearchGroup[] = [];
  for (const source of sources) {
    const { ids, total, capped } = matchesIn(db, source, match, limit);
    if (total === 0) continue;
    groups.push({ entity: source.entity, total, capped, hits: hitsFor(db, source, ids) });
  }
  return {
    query,
    groups,
    total: groups.reduce((sum, group) => sum + group.total, 0),
    capped: groups.some((group) => group.capped),
  };
}

export type { SearchEntity };
