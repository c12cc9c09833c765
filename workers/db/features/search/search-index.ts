/**
 * Keeps the search index (the FTS4 tables of migration 004) in step with the records.
 *
 * - Every durable write and every replayed change (start-up, other tabs, undo): the changed rows of the
 *   indexed tables are re-indexed in the same transaction ({@link createSearchIndex}, a DerivedState).
 * - Bulk loads (demo data, bench profile): the FTS tables are dropped, re-created from their own
 *   CREATE statement and refilled in id order, then merged into one segment ('optimize').
 * - After migrating (a new database, an upgrade from schema < 4, a restored .sqlite file):
 *   {@link ensureSearchIndex} compares row counts per table and rebuilds any table that disagrees. A file
 *   written by this app carries its index (snapshots and exports include it); an upgraded one starts empty.
 *   Counts catch a missing or stale index, not values edited behind the app's back in another SQLite tool.
 *
 * A row is in the index iff one of its indexed columns is non-empty, so the rebuild's SQL filter, the
 * count check and the per-change logic agree (orders without an order number — most of them — add nothing).
 *
 * Measured in Node 20 on sql.js 1.16 with 1,000,000 bench-profile customers (80 % Chinese), on a shared
 * 2-core machine (times are upper bounds: in the same runs generating the data took 1.5–2.7× its idle time):
 *
 * | index of customers                                 | size    | build  | Chinese p50 / p95 | Latin p95 |
 * |----------------------------------------------------|---------|--------|-------------------|-----------|
 * | (b) single characters, phrase queries, + address   | 228 MiB | 234 s  | 65 / 814 ms       |           |
 * | (a) bigrams + run-final character, + address       | 522 MiB | 349 s  | 16 / 314 ms       | 557 ms    |
 * | (a) without address and industry, as shipped       | 285 MiB | 88 s   | 0.9 / 8.6 ms      | 62 ms     |
 *
 * The first two rows counted every match and sorted newest first against the index order; the shipped one
 * uses `order=desc` (newest first is the index's own order) and counts up to 1,000 (query.ts), which lets
 * FTS4 stop reading a common term's doclist early. Bigrams win because a query's rare pair (明软) is one
 * short doclist, while with single characters FTS4 must walk the long doclists of both common characters
 * to find where they stand together. Queries were ~50 each, drawn from the data: Chinese 2–3 character
 * parts of names; Latin name words, 4-letter prefixes, email local parts; plus 7-digit phone prefixes
 * (p95 6.9 ms), one Chinese character (p95 55 ms) and 3-letter prefixes (p95 64 ms).
 * Addresses and industries are left out for size: the bench database is ~1.45 GB and sql.js's heap stops at
 * 2 GiB; with them the index alone would take a quarter of it. Of the 88 s rebuild, reading the rows takes
 * 1.9 s and computing their terms in JS 4.3 s; the rest is FTS4 inserting and merging (including
 * 'optimize'), measured before the rebuild got a larger page cache (REBUILD_CACHE_KIB: ~40 % faster at
 * 200,000 customers).
 */
import type { Database, SqlValue } from 'sql.js';
import type { Change } from '../../persistence/idb-store';
import type { DerivedState } from '../../persistence/types';
import { quoteIdentifier, setIntegerPragma } from '../../sql-text';
import { SEARCH_SOURCES, SOURCE_BY_TABLE, documentOf, type SearchSource } from './sources';

const q = quoteIdentifier;

const indexedColumns = (source: SearchSource) => [...source.title, ...source.body];

/** SQL condition (alias-less) for "this row has something to index". */
const hasText = (source: SearchSource) =>
  indexedColumns(source)
    .map((column) => `(${q(column)} IS NOT NULL AND ${q(column)} <> '')`)
    .join(' OR ');

const isPresent = (value: unknown) => value !== null && value !== undefined && value !== '';

/** Runs `task` in a savepoint: its own transaction outside one, a nested one inside the engine's. */
function inSavepoint(db: Database, task: () => void): void {
  db.exec('SAVEPOINT search_index');
  try {
    task();
    db.exec('RELEASE search_index');
  } catch (error) {
    db.exec('ROLLBACK TO search_index');
    db.exec('RELEASE search_index');
    throw error;
  }
}

/** Empties and refills one FTS table from its records. Returns the rows indexed. */
export function rebuildSource(db: Database, source: SearchSource): number {
  const ddl = db.exec("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?", [source.fts])[0]
    ?.values[0]?.[0];
  if (typeof ddl !== 'string') throw new Error(`the search table ${source.fts} is missing`);
  // Re-creating is far cheaper than deleting: FTS4 re-tokenizes every row it deletes.
  // source.fts is one of SEARCH_SOURCES' table names, a code constant, never user input.
  db.exec(`DROP TABLE main.${q(source.fts)}`);
  db.exec(ddl);
  const columns = indexedColumns(source);
  const position = new Map(columns.map((column, index) => [column, index + 1]));
  // Ids ascending (FTS4 flushes its pending terms whenever a docid goes down), picked through the IN list so
  // a partial index can serve a sparse column (5,000,000 orders, few with a number) without a sort.
  const table = `main.${q(source.table)}`;
  const select = db.prepare(
    `SELECT id, ${columns.map(q).join(', ')} FROM ${table}
     WHERE id IN (SELECT id FROM ${table} WHERE ${hasText(source)}) ORDER BY id`,
  );
  const insert = db.prepare(`INSERT INTO main.${q(source.fts)} (docid, title, body) VALUES (?, ?, ?)`);
  const values: SqlValue[] = [0, '', ''];
  let rows = 0;
  try {
    while (select.step()) {
      const row = select.get();
      const [title, body] = documentOf(source, (column) => row[position.get(column)!]);
      values[0] = row[0]!;
      values[1] = title;
      values[2] = body;
      insert.run(values);
      rows++;
    }
  } finally {
    select.free();
    insert.free();
  }
  // Thousands of small segments from the fill would make every query merge them.
  if (rows > 0) db.exec(`INSERT INTO main.${q(source.fts)} (${q(source.fts)}) VALUES ('optimize')`);
  return rows;
}

/** Page cache while rebuilding, in KiB: FTS4 flushes and merges segments (measured at 200,000 customers:
 * fill 24 → 14 s, 'optimize' 1.6 → 0.4 s against the default 2 MiB). */
const REBUILD_CACHE_KIB = 65_536;

function rebuildSources(db: Database, sources: readonly SearchSource[]): void {
  const previousCache = Number(db.exec('PRAGMA cache_size')[0]?.values[0]?.[0] ?? -2000);
  setIntegerPragma(db, 'cache_size', -REBUILD_CACHE_KIB);
  try {
    inSavepoint(db, () => {
      for (const source of sources) rebuildSource(db, source);
    });
  } finally {
    setIntegerPragma(db, 'cache_size', previousCache);
  }
}

/** Rebuilds every search table (inside the caller's transaction or its own). */
export function rebuildSearchIndex(db: Database): void {
  rebuildSources(db, SEARCH_SOURCES);
}

const count = (db: Database, sql: string) => Number(db.exec(sql)[0]?.values[0]?.[0] ?? 0);

/** The search tables whose row count differs from the records that should be in them. */
export function staleSources(db: Database): SearchSource[] {
  return SEARCH_SOURCES.filter(
    (source) =>
      count(db, `SELECT count(*) FROM main.${q(source.fts)}`) !==
      count(db, `SELECT count(*) FROM main.${q(source.table)} WHERE ${hasText(source)}`),
  );
}

/** Rebuilds the search tables that are missing rows or have extra ones (see the module docblock). */
export function ensureSearchIndex(db: Database): void {
  const stale = staleSources(db);
  if (stale.length > 0) rebuildSources(db, stale);
}

/** Re-indexes the rows `changes` touched: the last image of each row wins. */
export function reindexChanges(db: Database, changes: readonly Change[]): void {
  const last = new Map<string, Change>();
  for (const change of changes) {
    if (SOURCE_BY_TABLE.has(change[0])) last.set(`${change[0]}\u0000${change[2]}`, change);
  }
  if (last.size === 0) return;
  // Replaying a log written before migration 004 happens before the migration creates the tables;
  // ensureSearchIndex fills them right after.
  const present = new Set(
    (
      db.exec(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name LIKE 'search\\_%' ESCAPE '\\'",
      )[0]?.values ?? []
    ).map((row) => String(row[0])),
  );
  const statements = new Map<string, ReturnType<Database['prepare']>>();
  const statement = (key: string, sql: string) => {
    let prepared = statements.get(key);
    if (!prepared) statements.set(key, (prepared = db.prepare(sql)));
    return prepared;
  };
  try {
    for (const [table, op, id, row] of last.values()) {
      const source = SOURCE_BY_TABLE.get(table)!;
      if (!present.has(source.fts)) continue;
      const fts = q(source.fts);
      let next: [string, string] | null = null;
      if (op !== 'd') {
        const image = JSON.parse(row ?? '{}') as Record<string, SqlValue>;
        if (indexedColumns(source).some((column) => isPresent(image[column])))
          next = documentOf(source, (column) => image[column]);
      }
      const existing = statement(`s:${table}`, `SELECT title, body FROM main.${fts} WHERE docid = ?`);
      existing.bind([id]);
      const current = existing.step() ? existing.get() : null;
      existing.reset();
      // Most updates touch other columns (stage, owner, updated_at): leave the index alone then.
      if (current && next && current[0] === next[0] && current[1] === next[1]) continue;
      if (current) statement(`d:${table}`, `DELETE FROM main.${fts} WHERE docid = ?`).run([id]);
      if (next)
        statement(`i:${table}`, `INSERT INTO main.${fts} (docid, title, body) VALUES (?, ?, ?)`).run([
          id,
          ...next,
        ]);
    }
  } finally {
    for (const prepared of statements.values()) prepared.free();
  }
}

/** The search index as the persistence engine's derived state (EngineOptions.derived). */
export function createSearchIndex(): DerivedState {
  return {
    afterWrite: (db, changes) => reindexChanges(db, changes),
    afterApply: (db, changes) => reindexChanges(db, changes),
    afterBulk: (db) => rebuildSearchIndex(db),
  };
}
