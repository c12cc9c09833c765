/**
 * Past imports (import_batches) and their undo, and saved column mappings (import_mappings).
 *
 * Undo deletes the rows an import inserted (by the id ranges it recorded; a deleted customer takes what
 * was added to it since, through ON DELETE CASCADE) and puts back the values it overwrote. It is refused
 * a second time. Rows deleted since the import are simply not there to restore.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one, run, type Row } from '../../repositories/sql';
import { prepareDeleteIdRange } from '../../sql-text';
import {
  IMPORT_RECORD_TYPES,
  type ImportFormat,
  type ImportRecord,
  type ImportRecordType,
  type SavedMapping,
  type UndoImportReceipt,
} from './api';
import { toRanges } from './apply';
import { TableStatements, TABLES, UNDO_ORDER, type TableSpec } from './tables';

const RECENT_IMPORTS = 50;

export function startBatch(
  db: Database,
  fileName: string,
  recordType: ImportRecordType,
  format: ImportFormat,
  now: string,
): number {
  const row = one(
    db,
    'INSERT INTO import_batches (file_name, record_type, format, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    [fileName, recordType, format, now],
  );
  return Number(row?.id);
}

export function finishBatch(
  db: Database,
  batchId: number,
  counts: { inserted: number; updated: number; skipped: number; invalid: number; customersCreated: number },
  insertedIds: Map<string, number[]>,
): void {
  const ranges = Object.fromEntries([...insertedIds].map(([table, ids]) => [table, toRanges(ids)]));
  run(
    db,
    `UPDATE import_batches SET inserted = ?, updated = ?, skipped = ?, invalid = ?, customers_created = ?,
       inserted_ids = ? WHERE id = ?`,
    [
      counts.inserted,
      counts.updated,
      counts.skipped,
      counts.invalid,
      counts.customersCreated,
      JSON.stringify(ranges),
      batchId,
    ],
  );
}

function toRecord(row: Row): ImportRecord {
  return {
    id: Number(row.id),
    fileName: String(row.file_name),
    recordType: row.record_type as ImportRecordType,
    format: row.format as ImportFormat,
    inserted: Number(row.inserted),
    updated: Number(row.updated),
    skipped: Number(row.skipped),
    invalid: Number(row.invalid),
    customersCreated: Number(row.customers_created),
    createdAt: String(row.created_at),
    undoneAt: row.undone_at === null ? null : String(row.undone_at),
  };
}

export function listImports(db: Database): ImportRecord[] {
  return all(
    db,
    `SELECT id, file_name, record_type, format, inserted, updated, skipped, invalid, customers_created,
       created_at, undone_at FROM import_batches ORDER BY id DESC LIMIT ?`,
    [RECENT_IMPORTS],
  ).map(toRecord);
}

function isTable(name: string): name is TableSpec['table'] {
  return UNDO_ORDER.includes(name as TableSpec['table']);
}

export function undoImport(db: Database, batchId: number, now: string): UndoImportReceipt {
  const batch = one(db, 'SELECT inserted_ids, undone_at FROM import_batches WHERE id = ?', [batchId]);
  if (!batch) throw new DomainError('not_found', `import ${batchId} does not exist`);
  if (batch.undone_at !== null)
    throw new DomainError('nothing_to_undo', `import ${batchId} was undone already`);

  let restored = 0;
  const updates = all(
    db,
    'SELECT tbl, row_id, before FROM import_batch_updates WHERE batch_id = ? ORDER BY id',
    [batchId],
  );
  const statements = new Map<string, TableStatements>();
  try {
    for (const update of updates) {
      const table = String(update.tbl);
      const spec = Object.values(TABLES).find((candidate) => candidate.table === table);
      if (!spec) continue;
      let stmts = statements.get(table);
      if (!stmts) {
        stmts = new TableStatements(db, spec);
        statements.set(table, stmts);
      }
      if (stmts.restore(Number(update.row_id), String(update.before))) restored++;
    }
  } finally {
    for (const stmts of statements.values()) stmts.free();
  }

  let removed = 0;
  const inserted = JSON.parse(String(batch.inserted_ids)) as Record<string, [number, number][]>;
  for (const table of UNDO_ORDER) {
    const ranges = inserted[table];
    if (!ranges || !isTable(table)) continue;
    const stmt = prepareDeleteIdRange(db, table);
    try {
      for (const [first, last] of ranges) {
        stmt.run([first, last]);
        removed += db.getRowsModified();
      }
    } finally {
      stmt.free();
    }
  }
  run(db, 'UPDATE import_batches SET undone_at = ? WHERE id = ?', [now, batchId]);
  return { removed, restored };
}

// ——— saved mappings ———

function toMapping(row: Row): SavedMapping {
  let columns: Record<string, string> = {};
  try {
    const parsed: unknown = JSON.parse(String(row.columns));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      columns = parsed as Record<string, string>;
  } catch {
    // json_valid CHECK makes this unreachable; an empty mapping is the safe reading anyway.
  }
  return {
    id: Number(row.id),
    name: String(row.name),
    recordType: row.record_type as ImportRecordType,
    columns,
    updatedAt: String(row.updated_at),
  };
}

export function listMappings(db: Database): SavedMapping[] {
  return all(
    db,
    'SELECT id, name, record_type, columns, updated_at FROM import_mappings ORDER BY name, id',
  ).map(toMapping);
}

export function saveMapping(
  db: Database,
  name: unknown,
  recordType: unknown,
  columns: unknown,
  now: string,
): SavedMapping {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed === '')
    throw new DomainError('validation', 'a saved mapping needs a name', { name: 'required' });
  if ([...trimmed].length > 100)
    throw new DomainError('validation', 'the name is too long', { name: 'too_long' });
  if (!IMPORT_RECORD_TYPES.includes(recordType as ImportRecordType)) {
    throw new DomainError('validation', 'unknown record type', { recordType: 'invalid_choice' });
  }
  const valid =
    typeof columns === 'object' &&
    columns !== null &&
    !Array.isArray(columns) &&
    Object.values(columns).every((value) => typeof value === 'string');
  if (!valid) throw new DomainError('validation', 'the mapping is malformed', { columns: 'invalid_choice' });
  const row = one(
    db,
    `INSERT INTO import_mappings (name, record_type, columns, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET record_type = excluded.record_type, columns = excluded.columns,
       updated_at = excluded.updated_at
     RETURNING id, name, record_type, columns, updated_at`,
    [trimmed, recordType as string, JSON.stringify(columns), now, now],
  );
  return toMapping(row!);
}

export function deleteMapping(db: Database, id: number): void {
  if (run(db, 'DELETE FROM import_mappings WHERE id = ?', [id]) === 0) {
    throw new DomainError('not_found', `saved mapping ${id} does not exist`);
  }
}
