/**
 * Previewing, merging and un-merging duplicate customers or contacts.
 *
 * A merge is one durable write: the survivor takes the chosen field values, every row that references a
 * merged record (found through the schema's foreign keys, so a table added later is covered too) is
 * pointed at the survivor, rows that would then collide (a second membership of the same campaign, the
 * same custom field twice, a relation of the survivor to itself) are deleted instead, and the merged
 * records are deleted — their cascades find nothing left to remove. Everything needed to put it back is
 * stored in a `merges` row (migration 005), so `undoMerge` can revert it as one unit at any later time,
 * and refuses when those rows changed since.
 */
import type { Database, SqlValue } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one } from '../../repositories/sql';
import { quoteIdentifier as q } from '../../sql-text';
import {
  deleteRow,
  idsWhere,
  insertRow,
  parseImage,
  readRow,
  updateRow,
  type RowImage,
} from '../history/row-sql';
import type { DuplicateEntity, FieldChoices, MergePreview, MergeReceipt, RelatedMove } from './api';
import { checkEntity } from './find';

const MAX_OTHERS = 50;

const TABLE: Record<DuplicateEntity, string> = { customer: 'customers', contact: 'contacts' };

/** The fields a person chooses between, in form order. */
export const MERGE_FIELDS: Record<DuplicateEntity, readonly string[]> = {
  customer: ['name', 'kind', 'stage', 'owner_id', 'industry', 'phone', 'email', 'address', 'notes'],
  contact: ['name', 'customer_id', 'title', 'phone', 'email', 'notes'],
};

/**
 * Unique keys of referencing tables (besides `id`): a moved row that would repeat one of these is a
 * duplicate of something the survivor already has, and is dropped. Each key names the referencing column.
 */
const UNIQUE_KEYS: Record<string, readonly (readonly string[])[]> = {
  campaign_members: [
    ['customer_id', 'campaign_id'],
    ['contact_id', 'campaign_id'],
    ['lead_id', 'campaign_id'],
  ],
  custom_field_values: [
    ['customer_id', 'definition_id'],
    ['contact_id', 'definition_id'],
  ],
  customer_relationships: [['customer_id', 'related_customer_id', 'type']],
};

/** Every (table, column) whose foreign key points at `target`, from this database's schema. */
function references(db: Database, target: string): { table: string; column: string }[] {
  return all(
    db,
    `SELECT m.name AS tbl, f."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) f
      WHERE m.type = 'table' AND f."table" = ? ORDER BY m.name, f.id`,
    [target],
  ).map((row) => ({ table: String(row.tbl), column: String(row.col) }));
}

function checkId(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new DomainError('merge_invalid', `${what} must be a record id`);
  return value;
}

interface Selection {
  entity: DuplicateEntity;
  table: string;
  survivorId: number;
  otherIds: number[];
  rows: Map<number, RowImage>;
}

function select(db: Database, entity: unknown, survivorId: unknown, otherIds: unknown): Selection {
  const kind = checkEntity(entity);
  const survivor = checkId(survivorId, 'the record to keep');
  if (!Array.isArray(otherIds) || otherIds.length === 0)
    throw new DomainError('merge_invalid', 'choose at least one record to merge into the one kept');
  if (otherIds.length > MAX_OTHERS)
    throw new DomainError('merge_invalid', `at most ${MAX_OTHERS} records can be merged at once`);
  const others = otherIds.map((id) => checkId(id, 'every record to merge'));
  if (new Set([survivor, ...others]).size !== others.length + 1)
    throw new DomainError('merge_invalid', 'each record can be named only once, and not the kept one');
  const table = TABLE[kind];
  const rows = new Map<number, RowImage>();
  for (const id of [survivor, ...others]) {
    const row = readRow(db, table, id);
    if (!row) throw new DomainError('not_found', `${kind} ${id} does not exist (any more)`);
    rows.set(id, row);
  }
  return { entity: kind, table, survivorId: survivor, otherIds: others, rows };
}

function display(db: Database, column: string, value: SqlValue): string {
  if (value === null) return '';
  if (column === 'owner_id')
    return String(one(db, 'SELECT name FROM users WHERE id = ?', [value])?.name ?? value);
  if (column === 'customer_id')
    return String(one(db, 'SELECT name FROM customers WHERE id = ?', [value])?.name ?? value);
  return String(value);
}

function relatedMoves(db: Database, selection: Selection): RelatedMove[] {
  const counts = new Map<string, number>();
  const ids = JSON.stringify(selection.otherIds);
  for (const { table, column } of references(db, selection.table)) {
    const rows = Number(
      one(
        db,
        `SELECT count(*) AS n FROM main.${q(table)} WHERE ${q(column)} IN (SELECT value FROM json_each(?))`,
        [ids],
      )?.n ?? 0,
    );
    if (rows > 0) counts.set(table, (counts.get(table) ?? 0) + rows);
  }
  return [...counts].map(([table, rows]) => ({ table, rows }));
}

export function previewMerge(
  db: Database,
  entity: unknown,
  survivorId: unknown,
  otherIds: unknown,
): MergePreview {
  const selection = select(db, entity, survivorId, otherIds);
  const ids = [selection.survivorId, ...selection.otherIds];
  const fields = MERGE_FIELDS[selection.entity].map((column) => {
    const values: Record<number, string | number | null> = {};
    const shown: Record<number, string> = {};
    for (const id of ids) {
      const value = selection.rows.get(id)![column] ?? null;
      values[id] = value instanceof Uint8Array ? null : value;
      shown[id] = display(db, column, value);
    }
    return { column, values, display: shown, differs: new Set(Object.values(values)).size > 1 };
  });
  return {
    entity: selection.entity,
    survivorId: selection.survivorId,
    records: ids.map((id) => ({
      id,
      title: String(selection.rows.get(id)!.name),
      createdAt: String(selection.rows.get(id)!.created_at),
    })),
    fields,
    moves: relatedMoves(db, selection),
  };
}

/** [table, id, column, value before, value after]. */
type Moved = [string, number, string, SqlValue, SqlValue];

interface UndoData {
  survivor: { before: RowImage; after: RowImage };
  moved: Moved[];
  deleted: [string, RowImage][];
}

/** The survivor's new values: each chosen field from the record chosen for it. */
function survivorChanges(selection: Selection, choices: unknown): RowImage {
  if (typeof choices !== 'object' || choices === null || Array.isArray(choices))
    throw new DomainError('merge_invalid', 'field choices must name a record per field');
  const allowed = MERGE_FIELDS[selection.entity];
  const survivor = selection.rows.get(selection.survivorId)!;
  const changes: RowImage = {};
  for (const [column, from] of Object.entries(choices as FieldChoices)) {
    if (!allowed.includes(column))
      throw new DomainError('merge_invalid', `"${column}" cannot be chosen in a merge`);
    const source = selection.rows.get(from);
    if (!source)
      throw new DomainError('merge_invalid', `the value of "${column}" must come from one of the records`);
    if (source[column] !== survivor[column]) changes[column] = source[column] ?? null;
  }
  return changes;
}

const primaryContactOf = (db: Database, customerId: SqlValue, except: number) =>
  one(db, 'SELECT id FROM contacts WHERE customer_id = ? AND is_primary = 1 AND id <> ?', [
    customerId,
    except,
  ]);

/** Whether `row`, once `column` points at the survivor, repeats a unique key another row already holds. */
function collides(db: Database, table: string, row: RowImage, column: string, survivorId: number): boolean {
  for (const key of UNIQUE_KEYS[table] ?? []) {
    if (!key.includes(column)) continue;
    const values = key.map((name) => (name === column ? survivorId : (row[name] ?? null)));
    if (values.some((value) => value === null)) continue;
    const where = key.map((name) => `${q(name)} = ?`).join(' AND ');
    if (
      one(db, `SELECT 1 AS hit FROM main.${q(table)} WHERE ${where} AND id <> ?`, [...values, row.id ?? null])
    )
      return true;
  }
  return false;
}

export function mergeRecords(
  db: Database,
  entity: unknown,
  survivorId: unknown,
  otherIds: unknown,
  choices: unknown,
  context: { now: string; userId: number | null },
): MergeReceipt {
  const selection = select(db, entity, survivorId, otherIds);
  const { table, survivorId: survivor } = selection;
  const undo: UndoData = { survivor: { before: {}, after: {} }, moved: [], deleted: [] };

  const changes = survivorChanges(selection, choices);
  const current = selection.rows.get(survivor)!;
  if (
    table === 'contacts' &&
    'customer_id' in changes &&
    current.is_primary === 1 &&
    primaryContactOf(db, changes.customer_id ?? null, survivor)
  )
    changes.is_primary = 0; // the new customer has its primary contact already
  if (Object.keys(changes).length > 0) changes.updated_at = context.now;
  for (const column of Object.keys(changes)) undo.survivor.before[column] = current[column] ?? null;
  undo.survivor.after = changes;
  updateRow(db, table, survivor, changes);

  const links = references(db, table);
  let movedRows = 0;
  for (const other of selection.otherIds) {
    for (const { table: child, column } of links) {
      for (const id of idsWhere(db, child, column, other)) {
        const row = readRow(db, child, id)!;
        const siblings = links.filter((link) => link.table === child && link.column !== column);
        const selfRelation = siblings.some((link) => row[link.column] === survivor);
        if (selfRelation || collides(db, child, row, column, survivor)) {
          undo.deleted.push([child, row]);
          deleteRow(db, child, id);
          continue;
        }
        const update: RowImage = { [column]: survivor };
        if (
          child === 'contacts' &&
          column === 'customer_id' &&
          row.is_primary === 1 &&
          primaryContactOf(db, survivor, id)
        ) {
          update.is_primary = 0; // the survivor's primary contact stays primary
          undo.moved.push([child, id, 'is_primary', 1, 0]);
        }
        undo.moved.push([child, id, column, other, survivor]);
        updateRow(db, child, id, update);
        movedRows++;
      }
    }
  }
  for (const other of selection.otherIds) {
    undo.deleted.push([table, selection.rows.get(other)!]);
    deleteRow(db, table, other);
  }
  db.run(
    `INSERT INTO merges (entity, survivor_id, merged_ids, user_id, at, undo_json)
     VALUES (?, ?, ?, (SELECT id FROM users WHERE id = ?), ?, ?)`,
    [
      selection.entity,
      survivor,
      JSON.stringify(selection.otherIds),
      context.userId,
      context.now,
      JSON.stringify(undo),
    ],
  );
  const mergeId = Number(db.exec('SELECT last_insert_rowid()')[0]!.values[0]![0]);
  return {
    mergeId,
    survivorId: survivor,
    mergedIds: selection.otherIds,
    movedRows,
    removedRows: undo.deleted.length,
  };
}

function readUndo(json: SqlValue | undefined): UndoData {
  const image = parseImage(json) as unknown as UndoData | null;
  if (!image || !image.survivor || !Array.isArray(image.moved) || !Array.isArray(image.deleted))
    throw new DomainError('nothing_to_undo', 'this merge kept no record of what it changed');
  return image;
}

/** Reverts merge `mergeId` inside the caller's write; returns the number of rows put back. */
export function undoMerge(db: Database, mergeId: unknown, now: string): number {
  const id = checkId(mergeId, 'the merge');
  const merge = one(db, 'SELECT entity, survivor_id, undo_json, undone_at FROM merges WHERE id = ?', [id]);
  if (!merge) throw new DomainError('not_found', `merge ${id} does not exist`);
  if (merge.undone_at !== null)
    throw new DomainError('merge_already_undone', `merge ${id} was undone already`);
  const table = TABLE[checkEntity(merge.entity)];
  const survivorId = Number(merge.survivor_id);
  const undo = readUndo(merge.undo_json);
  const changed = (what: string) =>
    new DomainError('merge_changed_since', `${what} changed after the merge, so it cannot be undone safely`);

  // Check everything before touching anything: a partial undo would be worse than none.
  const survivor = readRow(db, table, survivorId);
  if (!survivor) throw changed(`${table} #${survivorId}`);
  for (const [column, value] of Object.entries(undo.survivor.after)) {
    if (column !== 'updated_at' && survivor[column] !== value) throw changed(`${table} #${survivorId}`);
  }
  for (const [child, rowId, column, , after] of undo.moved) {
    if (readRow(db, child, rowId)?.[column] !== after) throw changed(`${child} #${rowId}`);
  }
  for (const [child, image] of undo.deleted) {
    if (readRow(db, child, Number(image.id))) throw changed(`${child} #${String(image.id)}`);
  }

  // Foreign keys are checked at COMMIT: a restored contact may come back before its customer.
  db.exec('PRAGMA defer_foreign_keys = ON');
  for (const [child, image] of [...undo.deleted].reverse()) insertRow(db, child, image);
  for (const [child, rowId, column, before] of [...undo.moved].reverse())
    updateRow(db, child, rowId, { [column]: before });
  const restore = { ...undo.survivor.before };
  // A later edit of other fields moved updated_at on; then it stays.
  if (survivor.updated_at !== undo.survivor.after.updated_at) delete restore.updated_at;
  updateRow(db, table, survivorId, restore);
  db.run('UPDATE merges SET undone_at = ? WHERE id = ?', [now, id]);
  return undo.deleted.length + undo.moved.length + 1;
}
