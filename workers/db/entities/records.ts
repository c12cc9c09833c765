/**
 * Create, read, update and delete any record type from its definition: values checked field by field
 * (every problem reported at once, one code per field), references checked to exist, then the record type's
 * own rules (`rules.ts`), then one parameterized statement. Custom fields are read and written beside the
 * columns, in custom_field_values.
 */
import type { Database, SqlValue } from 'sql.js';
import type { FieldErrors } from '../contract';
import { DomainError } from '../errors';
import { all, one, run } from '../repositories/sql';
import { quoteIdentifier } from '../sql-text';
import { EMAIL, PHONE } from '../validation';
import { REFERENCE_TARGETS, entityDef } from './definitions';
import { CUSTOM_VALUE_COLUMNS, recordsByIds } from './query';
import { applyRules, checkDelete } from './rules';
import type { EntityDef, EntityName, FieldDef, RecordRow } from './types';

const CUSTOM_TYPES: Record<string, FieldDef['type']> = {
  text: 'text',
  long_text: 'long_text',
  number: 'number',
  money: 'number',
  date: 'date',
  boolean: 'boolean',
  choice: 'choice',
};

/** The built-in definition plus the workspace's custom fields for that record type. */
export function definitionWithCustomFields(db: Database, entity: EntityName): EntityDef {
  const def = entityDef(entity);
  if (!CUSTOM_VALUE_COLUMNS[entity]) return def;
  const custom = all(
    db,
    `SELECT id, key, label, type, options, required FROM custom_field_definitions
     WHERE entity = ? ORDER BY position, id`,
    [entity],
  ).flatMap((row): FieldDef[] => {
    const type = CUSTOM_TYPES[String(row.type)];
    if (!type) return [];
    let choices: string[] | undefined;
    try {
      const parsed: unknown = JSON.parse(String(row.options));
      if (Array.isArray(parsed)) choices = parsed.map(String);
    } catch {
      choices = [];
    }
    return [
      {
        key: `cf_${String(row.key)}`,
        column: '',
        type,
        customId: Number(row.id),
        label: String(row.label),
        required: Number(row.required) === 1,
        nullable: true,
        choices: type === 'choice' ? choices : undefined,
        maxLength: type === 'long_text' ? 20000 : 500,
        list: true,
      },
    ];
  });
  return custom.length === 0 ? def : { ...def, fields: [...def.fields, ...custom] };
}

const chars = (s: string) => [...s].length;

/** One field's value as it will be stored, or a field error code. */
function checkValue(
  db: Database,
  field: FieldDef,
  raw: unknown,
): { value: SqlValue } | { error: FieldErrors[string] } {
  const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (empty) {
    if (field.required) return { error: 'required' };
    if (field.nullable || ['date', 'datetime', 'reference'].includes(field.type)) return { value: null };
    if (['integer', 'money', 'percent', 'basis_points', 'number'].includes(field.type))
      return { value: field.customId ? null : 0 };
    if (field.type === 'boolean') return { value: 0 };
    return { value: '' };
  }
  switch (field.type) {
    case 'text':
    case 'long_text':
    case 'email':
    case 'phone':
    case 'choice': {
      if (typeof raw !== 'string') return { error: 'invalid_choice' };
      const value = field.type === 'phone' ? raw.trim().normalize('NFKC') : raw.trim();
      if (field.maxLength !== undefined && chars(value) > field.maxLength) return { error: 'too_long' };
      if (field.type === 'email' && !EMAIL.test(value)) return { error: 'invalid_email' };
      if (field.type === 'phone') {
        const digits = value.replace(/\D/g, '').length;
        if (!PHONE.test(value) || digits < 5 || digits > 20) return { error: 'invalid_phone' };
      }
      if (field.type === 'choice' && field.choices && !field.choices.includes(value))
        return { error: 'invalid_choice' };
      return { value };
    }
    case 'integer':
    case 'money':
    case 'percent':
    case 'basis_points':
    case 'number': {
      const n = typeof raw === 'string' ? Number(raw.trim()) : raw;
      if (typeof n !== 'number' || !Number.isFinite(n)) return { error: 'invalid_number' };
      if (field.type !== 'number' && !Number.isSafeInteger(n)) return { error: 'invalid_number' };
      const min = field.min ?? (field.type === 'money' || field.type === 'percent' ? 0 : undefined);
      const max = field.max ?? (field.type === 'percent' ? 100 : undefined);
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) return { error: 'out_of_range' };
      return { value: field.customId ? String(n) : n };
    }
    case 'boolean':
      if (typeof raw !== 'boolean') return { error: 'invalid_choice' };
      return { value: field.customId ? (raw ? '1' : '0') : raw ? 1 : 0 };
    case 'date': {
      if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw.trim()))
        return { error: 'invalid_date' };
      const date = new Date(`${raw.trim()}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw.trim())
        return { error: 'invalid_date' };
      return { value: raw.trim() };
    }
    case 'datetime': {
      if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw))) return { error: 'invalid_date' };
      return { value: new Date(raw).toISOString() };
    }
    case 'reference': {
      if (typeof raw !== 'number' || !Number.isSafeInteger(raw) || raw <= 0)
        return { error: 'invalid_choice' };
      const target = REFERENCE_TARGETS[field.reference!];
      if (!one(db, `SELECT 1 FROM ${quoteIdentifier(target.table)} WHERE id = ?`, [raw]))
        return { error: 'not_found' };
      return { value: raw };
    }
  }
}

/** Values by field key for `input`'s editable fields; `partial` checks only the keys present (bulk edit). */
function checkInput(db: Database, def: EntityDef, input: unknown, partial: boolean): Map<FieldDef, SqlValue> {
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const values = new Map<FieldDef, SqlValue>();
  const fields: FieldErrors = {};
  for (const key of Object.keys(record)) {
    const field = def.fields.find((f) => f.key === key);
    if (!field) fields[key] = 'invalid_choice';
    else if (field.readOnly) fields[key] = 'invalid_choice';
  }
  for (const field of def.fields) {
    if (field.readOnly) continue;
    if (partial && !Object.hasOwn(record, field.key)) continue;
    const checked = checkValue(db, field, record[field.key]);
    if ('error' in checked) fields[field.key] = checked.error;
    else values.set(field, checked.value);
  }
  if (Object.keys(fields).length > 0)
    throw new DomainError('validation', `The ${def.entity} has invalid fields.`, fields);
  return values;
}

/** Current column values (by column name) of a record, or null. */
function currentColumns(db: Database, def: EntityDef, id: number): Record<string, SqlValue> | null {
  return one(db, `SELECT * FROM ${quoteIdentifier(def.table)} WHERE id = ?`, [id]);
}

function writeCustomValues(db: Database, def: EntityDef, id: number, values: Map<FieldDef, SqlValue>): void {
  const link = CUSTOM_VALUE_COLUMNS[def.entity];
  if (!link) return;
  for (const [field, value] of values) {
    if (field.customId === undefined) continue;
    run(db, `DELETE FROM custom_field_values WHERE definition_id = ? AND ${quoteIdentifier(link)} = ?`, [
      field.customId,
      id,
    ]);
    if (value !== null && value !== '')
      run(
        db,
        `INSERT INTO custom_field_values (definition_id, ${quoteIdentifier(link)}, value) VALUES (?, ?, ?)`,
        [field.customId, id, value],
      );
  }
}

export function getRecord(db: Database, def: EntityDef, id: number): RecordRow | null {
  return recordsByIds(db, def, [id])[0] ?? null;
}

export function createRecord(db: Database, def: EntityDef, input: unknown, now: string): number {
  const values = checkInput(db, def, input, false);
  const columns: Record<string, SqlValue> = {};
  for (const [field, value] of values) if (field.customId === undefined) columns[field.column] = value;
  applyRules(db, def.entity, columns, null, now);
  if (def.fields.some((f) => f.key === 'createdAt')) columns.created_at = now;
  if (def.fields.some((f) => f.key === 'updatedAt')) columns.updated_at = now;
  const names = Object.keys(columns);
  const row = one(
    db,
    `INSERT INTO ${quoteIdentifier(def.table)} (${names.map(quoteIdentifier).join(', ')})
     VALUES (${names.map(() => '?').join(', ')}) RETURNING id`,
    names.map((name) => columns[name] ?? null),
  );
  const id = Number(row?.id);
  writeCustomValues(db, def, id, values);
  return id;
}

/** `input` holds every editable field (a form) or, with `partial`, only the ones to change (bulk edit). */
export function updateRecord(
  db: Database,
  def: EntityDef,
  id: number,
  input: unknown,
  now: string,
  partial = false,
): void {
  const previous = currentColumns(db, def, id);
  if (!previous) throw new DomainError('not_found', `${def.entity} ${id} does not exist.`);
  const values = checkInput(db, def, input, partial);
  const columns: Record<string, SqlValue> = { ...previous };
  for (const [field, value] of values) if (field.customId === undefined) columns[field.column] = value;
  applyRules(db, def.entity, columns, previous, now);
  const changed = Object.keys(columns).filter((name) => name !== 'id' && columns[name] !== previous[name]);
  if (changed.length > 0) {
    if (Object.hasOwn(previous, 'updated_at') && !changed.includes('updated_at')) {
      columns.updated_at = now;
      changed.push('updated_at');
    }
    run(
      db,
      `UPDATE ${quoteIdentifier(def.table)} SET ${changed.map((n) => `${quoteIdentifier(n)} = ?`).join(', ')} WHERE id = ?`,
      [...changed.map((name) => columns[name] ?? null), id],
    );
  }
  writeCustomValues(db, def, id, values);
}

/** Deletes `ids` (and what cascades with them); returns how many records there were. */
export function deleteRecords(db: Database, def: EntityDef, ids: readonly number[]): number {
  const clean = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (clean.length === 0) throw new DomainError('validation', 'Nothing selected to delete.');
  checkDelete(db, def.entity, clean);
  return run(db, `DELETE FROM ${quoteIdentifier(def.table)} WHERE id IN (SELECT value FROM json_each(?))`, [
    JSON.stringify(clean),
  ]);
}
