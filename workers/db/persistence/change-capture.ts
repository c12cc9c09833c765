/**
 * Change capture by temporary triggers: every INSERT/UPDATE/DELETE on a schema table appends
 * (table, op, id, row image as JSON) to the temp table `_changes`, so a write's whole effect — cascades
 * included — can be read back after it ran and logged as one record. Triggers rather than explicit capture
 * in repositories because nothing can forget them (bulk SQL, FK cascades, future repositories).
 *
 * sql.js's `export()` closes and reopens the connection, dropping temp tables and triggers, so
 * {@link installCapture} must run again after every export (the engine's `setUpConnection` does).
 *
 * Table and column names are interpolated into SQL: they come only from `sqlite_master` and
 * `PRAGMA table_info` (the schema itself), never from user input or log records.
 */
import type { Database, SqlValue } from 'sql.js';
import type { Change } from './idb-store';
import { quoteIdentifier } from '../sql-text';
import { PersistenceError, type BeforeImages, type DerivedState, type WriteKind } from './types';

export interface TableInfo {
  name: string;
  columns: string[];
}

const quote = quoteIdentifier;

/**
 * The schema's own tables (not sqlite_*), each with its columns; all have an integer `id` key. Virtual
 * tables (the FTS4 search index) and their shadow tables are left out: they are derived from the other
 * tables, and each copy of the database keeps them in step itself (EngineOptions.derived).
 */
export function readSchema(db: Database): Map<string, TableInfo> {
  const tables = new Map<string, TableInfo>();
  const names = db.exec(
    "SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
  )[0];
  const virtual = (names?.values ?? [])
    .filter(([, sql]) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(String(sql)))
    .map(([name]) => String(name));
  const derived = (table: string) => virtual.some((v) => table === v || table.startsWith(`${v}_`));
  for (const [name] of names?.values ?? []) {
    const tableName = String(name);
    if (derived(tableName)) continue;
    const info = db.exec('SELECT name FROM pragma_table_info(?) ORDER BY cid', [tableName])[0];
    const columns = (info?.values ?? []).map((row) => String(row[0]));
    if (!columns.includes('id'))
      throw new Error(`table ${tableName} has no id column; change capture needs one`);
    tables.set(tableName, { name: tableName, columns });
  }
  return tables;
}

export function installCapture(db: Database, schema: Map<string, TableInfo>): void {
  const statements = [
    'CREATE TEMP TABLE IF NOT EXISTS _changes (n INTEGER PRIMARY KEY, tbl TEXT NOT NULL, op TEXT NOT NULL, row_id INTEGER NOT NULL, row TEXT)',
    // Rows as they were before an UPDATE, for the audit log's "before" (the log itself needs only "after").
    'CREATE TEMP TABLE IF NOT EXISTS _before (n INTEGER PRIMARY KEY, tbl TEXT NOT NULL, row_id INTEGER NOT NULL, row TEXT)',
  ];
  for (const { name, columns } of schema.values()) {
    const image = (alias: string) =>
      `json_object(${columns.map((c) => `'${c.replaceAll("'", "''")}', ${alias}.${quote(c)}`).join(', ')})`;
    const literal = `'${name.replaceAll("'", "''")}'`;
    const trigger = (op: string, event: string, alias: string) =>
      `CREATE TEMP TRIGGER IF NOT EXISTS ${quote(`_capture_${op}_${name}`)} AFTER ${event} ON main.${quote(name)} ` +
      `BEGIN INSERT INTO temp._changes (tbl, op, row_id, row) VALUES (${literal}, '${op}', ${alias}.id, ${image(alias)}); END`;
    statements.push(
      trigger('i', 'INSERT', 'NEW'),
      trigger('u', 'UPDATE', 'NEW'),
      trigger('d', 'DELETE', 'OLD'),
      `CREATE TEMP TRIGGER IF NOT EXISTS ${quote(`_capture_b_${name}`)} BEFORE UPDATE ON main.${quote(name)} ` +
        `BEGIN INSERT INTO temp._before (tbl, row_id, row) VALUES (${literal}, OLD.id, ${image('OLD')}); END`,
    );
  }
  db.exec(statements.join(';\n'));
}

/** Drops the capture triggers (for bulk writes that are saved as a snapshot instead of a log record). */
export function removeCapture(db: Database, schema: Map<string, TableInfo>): void {
  const drops: string[] = [];
  for (const { name } of schema.values()) {
    for (const op of ['i', 'u', 'd', 'b'])
      drops.push(`DROP TRIGGER IF EXISTS temp.${quote(`_capture_${op}_${name}`)}`);
  }
  db.exec(drops.join(';\n'));
}

/**
 * Reads and clears the images of rows as they were before this transaction first updated them:
 * `(table, id) => JSON or null`. Deleted rows' images are in the changes themselves.
 */
export function drainBeforeImages(db: Database): (table: string, id: number) => string | null {
  const result = db.exec('SELECT tbl, row_id, row FROM temp._before ORDER BY n')[0];
  db.exec('DELETE FROM temp._before');
  const images = new Map<string, string>();
  for (const [table, id, row] of result?.values ?? []) {
    const key = `${String(table)}\u0000${Number(id)}`;
    if (!images.has(key)) images.set(key, String(row));
  }
  return (table, id) => images.get(`${table}\u0000${id}`) ?? null;
}

/** Reads and clears what the current transaction changed, in the order it happened. */
export function drainChanges(db: Database): Change[] {
  const result = db.exec('SELECT tbl, op, row_id, row FROM temp._changes ORDER BY n')[0];
  db.exec('DELETE FROM temp._changes');
  return (result?.values ?? []).map(
    ([table, op, id, row]) =>
      [String(table), op as Change[1], Number(id), row === null ? null : String(row)] as Change,
  );
}

/**
 * Re-inserts the rows a logged write deleted (its 'd' row images, FK cascades included), for undo.
 * Refuses when the write deleted nothing or a row is back already (undo pressed twice, or in two tabs).
 */
export function restoreDeleted(
  db: Database,
  schema: Map<string, TableInfo>,
  changes: readonly Change[],
): number {
  const restore: Change[] = changes
    .filter((change) => change[1] === 'd')
    .reverse()
    .map(([table, , id, row]) => [table, 'i', id, row]);
  if (restore.length === 0) throw new PersistenceError('nothing_to_undo', 'that change deleted nothing');
  for (const [table, , id] of restore) {
    if (!schema.has(table)) throw new PersistenceError('nothing_to_undo', `unknown table ${table}`);
    const existsSql = `SELECT 1 FROM main.${quote(table)} WHERE id = ?`; // table checked against the schema
    if (db.exec(existsSql, [id]).length > 0)
      throw new PersistenceError('nothing_to_undo', 'already restored');
  }
  applyChanges(db, schema, restore);
  return restore.length;
}

export class MalformedChangeError extends Error {
  override name = 'MalformedChangeError';
}

/**
 * Applies row images to `db` (replaying another tab's or an earlier session's writes, or restoring
 * deleted rows). Inserts and updates become upserts so a replay never deletes-and-reinserts (which would
 * fire ON DELETE CASCADE). Foreign keys are deferred to COMMIT so capture order never matters.
 * Must run inside a transaction the caller owns.
 */
export function applyChanges(
  db: Database,
  schema: Map<string, TableInfo>,
  changes: readonly Change[],
): Set<string> {
  db.exec('PRAGMA defer_foreign_keys = ON');
  const statements = new Map<string, ReturnType<Database['prepare']>>();
  // The SQL is built only when a statement is first needed: a 100,000-row record must not rebuild it per row.
  const statementFor = (key: string, sql: () => string) => {
    let statement = statements.get(key);
    if (!statement) {
      statement = db.prepare(sql());
      statements.set(key, statement);
    }
    return statement;
  };
  const touched = new Set<string>();
  try {
    for (const change of changes) {
      const [table, op, id, row] = change;
      const info = schema.get(table);
      if (!info) throw new MalformedChangeError(`unknown table "${table}"`);
      if (!Number.isSafeInteger(id)) throw new MalformedChangeError(`bad row id in ${table}`);
      touched.add(table);
      if (op === 'd') {
        statementFor(`d:${table}`, () => `DELETE FROM main.${quote(table)} WHERE id = ?`).run([id]);
        continue;
      }
      if (op !== 'i' && op !== 'u') throw new MalformedChangeError(`unknown operation "${String(op)}"`);
      const image = parseImage(row, table);
      const columns = info.columns;
      statementFor(`u:${table}`, () => {
        const updates = columns.filter((c) => c !== 'id').map((c) => `${quote(c)} = excluded.${quote(c)}`);
        return (
          `INSERT INTO main.${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ` +
          (updates.length
            ? `ON CONFLICT(id) DO UPDATE SET ${updates.join(', ')}`
            : 'ON CONFLICT(id) DO NOTHING')
        );
      }).run(columns.map((c) => toSqlValue(image[c])));
    }
  } finally {
    for (const statement of statements.values()) statement.free();
  }
  return touched;
}

function parseImage(row: string | null, table: string): Record<string, unknown> {
  if (typeof row !== 'string') throw new MalformedChangeError(`missing row image for ${table}`);
  let image: unknown;
  try {
    image = JSON.parse(row);
  } catch {
    throw new MalformedChangeError(`unreadable row image for ${table}`);
  }
  if (typeof image !== 'object' || image === null || Array.isArray(image)) {
    throw new MalformedChangeError(`row image for ${table} is not an object`);
  }
  return image as Record<string, unknown>;
}

function toSqlValue(value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw new MalformedChangeError('row image holds a value SQLite cannot store');
}

/**
 * The first image of each row before the write, once a derived state has written more: rows the earlier
 * steps inserted stay without one (the audit trail reads "no before" as "inserted in this write").
 */
export function laterBeforeImages(
  first: BeforeImages,
  later: BeforeImages,
  earlierChanges: readonly Change[],
): BeforeImages {
  const inserted = new Set(earlierChanges.filter((c) => c[1] === 'i').map(([t, , id]) => `${t}\u0000${id}`));
  return (table, id) => first(table, id) ?? (inserted.has(`${table}\u0000${id}`) ? null : later(table, id));
}

/**
 * One change per row for what a write logs: a row inserted or updated several times (an import's rows that
 * a workflow rule then assigns) keeps only its last image, at the place of its last change — where the
 * row was exactly as that image says, so replaying the shorter list (inserts and updates both upsert the
 * whole image) ends in the same database. It keeps "inserted" when the write inserted it. Rows the write
 * also deleted are left as they are, so an undo of the delete still finds each image.
 */
export function coalesceChanges(changes: readonly Change[]): Change[] {
  const last = new Map<string, number>();
  const inserted = new Set<string>();
  const deleted = new Set<string>();
  changes.forEach(([table, op, id], index) => {
    const key = `${table}\u0000${id}`;
    if (op === 'd') deleted.add(key);
    else if (op === 'i' && !last.has(key)) inserted.add(key);
    last.set(key, index);
  });
  if (last.size === changes.length) return changes as Change[];
  const out: Change[] = [];
  changes.forEach((change, index) => {
    const [table, op, id, row] = change;
    const key = `${table}\u0000${id}`;
    if (deleted.has(key)) out.push(change);
    else if (last.get(key) === index)
      out.push(op === 'u' && inserted.has(key) ? [table, 'i', id, row] : change);
  });
  return out;
}

/**
 * A write's captured changes after the derived states (approvals, workflow rules, audit trail, search
 * index) have run on them in order, inside the write's transaction. Later states see what earlier ones
 * wrote: the audit trail logs what a workflow rule changed.
 */
export function runDerivedStates(db: Database, derived: readonly DerivedState[], kind: WriteKind): Change[] {
  let changes = drainChanges(db);
  let before = drainBeforeImages(db);
  if (changes.length === 0) return changes;
  for (const state of derived) {
    state.afterWrite?.(db, changes, before, kind);
    const added = drainChanges(db);
    if (added.length > 0) {
      before = laterBeforeImages(before, drainBeforeImages(db), changes);
      changes = changes.concat(added);
    }
  }
  return changes;
}
