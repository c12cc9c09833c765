/**
 * Custom field definitions per record type (text, long text, number, date, checkbox, single select).
 * A field's `key` is derived from its label once and never changes, so saved views and filters that name
 * `cf_<key>` keep working after a rename.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one, run, type Row } from '../../repositories/sql';
import { quoteIdentifier } from '../../sql-text';
import { CUSTOM_VALUE_COLUMNS } from '../../entities/query';
import type { EntityName } from '../../entities/types';
import type { CustomFieldInfo, CustomFieldInput } from './api';

const TYPES: readonly CustomFieldInput['type'][] = [
  'text',
  'long_text',
  'number',
  'date',
  'boolean',
  'choice',
];

function toInfo(db: Database, row: Row): CustomFieldInfo {
  const link = CUSTOM_VALUE_COLUMNS[String(row.entity)]!;
  let options: string[] = [];
  try {
    const parsed: unknown = JSON.parse(String(row.options));
    if (Array.isArray(parsed)) options = parsed.map(String);
  } catch {
    options = [];
  }
  return {
    id: Number(row.id),
    entity: row.entity as EntityName,
    key: String(row.key),
    label: String(row.label),
    type: row.type as CustomFieldInput['type'],
    options,
    required: Number(row.required) === 1,
    valueCount: Number(
      one(
        db,
        `SELECT count(*) AS n FROM custom_field_values WHERE definition_id = ? AND ${quoteIdentifier(link)} IS NOT NULL`,
        [row.id ?? null],
      )?.n ?? 0,
    ),
  };
}

export function listCustomFields(db: Database, entity: EntityName): CustomFieldInfo[] {
  if (!CUSTOM_VALUE_COLUMNS[entity]) return [];
  return all(db, 'SELECT * FROM custom_field_definitions WHERE entity = ? ORDER BY position, id', [
    entity,
  ]).map((row) => toInfo(db, row));
}

/** A stable key from the label: ASCII letters/digits kept, anything else (Chinese too) replaced by its code. */
function keyFor(label: string): string {
  const key = [...label.toLowerCase()]
    .map((ch) => (/[a-z0-9]/.test(ch) ? ch : /\s|[-_]/.test(ch) ? '_' : ch.codePointAt(0)!.toString(36)))
    .join('')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  return key.slice(0, 40) || 'field';
}

export function saveCustomField(db: Database, input: CustomFieldInput, now: string): CustomFieldInfo {
  if (!CUSTOM_VALUE_COLUMNS[input?.entity])
    throw new DomainError('validation', 'This record type has no custom fields.', {
      entity: 'invalid_choice',
    });
  const fields: Record<string, 'required' | 'too_long' | 'invalid_choice' | 'name_taken'> = {};
  const label = typeof input.label === 'string' ? input.label.trim() : '';
  if (label === '') fields.label = 'required';
  else if ([...label].length > 60) fields.label = 'too_long';
  if (!TYPES.includes(input.type)) fields.type = 'invalid_choice';
  const options = Array.isArray(input.options)
    ? [...new Set(input.options.map((o) => String(o).trim()).filter((o) => o !== ''))]
    : [];
  if (input.type === 'choice' && options.length === 0) fields.options = 'required';
  const clash = one(
    db,
    'SELECT id FROM custom_field_definitions WHERE entity = ? AND label = ? AND id IS NOT ?',
    [input.entity, label, input.id ?? null],
  );
  if (clash) fields.label = 'name_taken';
  if (Object.keys(fields).length > 0)
    throw new DomainError('validation', 'The custom field has invalid fields.', fields);
  if (input.id !== undefined) {
    const before = one(db, 'SELECT type FROM custom_field_definitions WHERE id = ? AND entity = ?', [
      input.id,
      input.entity,
    ]);
    if (!before) throw new DomainError('not_found', `Custom field ${input.id} does not exist.`);
    // Changing the type would reinterpret stored values (text read as a number): refused.
    if (before.type !== input.type)
      throw new DomainError('validation', 'The type of a field in use cannot change.', {
        type: 'invalid_choice',
      });
    run(
      db,
      'UPDATE custom_field_definitions SET label = ?, options = ?, required = ?, updated_at = ? WHERE id = ?',
      [label, JSON.stringify(options), input.required ? 1 : 0, now, input.id],
    );
    return toInfo(db, one(db, 'SELECT * FROM custom_field_definitions WHERE id = ?', [input.id])!);
  }
  let key = keyFor(label);
  for (
    let n = 2;
    one(db, 'SELECT 1 FROM custom_field_definitions WHERE entity = ? AND key = ?', [input.entity, key]);
    n++
  )
    key = `${keyFor(label)}_${n}`;
  const position = Number(
    one(db, 'SELECT coalesce(max(position), 0) + 1 AS p FROM custom_field_definitions WHERE entity = ?', [
      input.entity,
    ])?.p,
  );
  const row = one(
    db,
    `INSERT INTO custom_field_definitions (entity, key, label, type, options, required, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    [
      input.entity,
      key,
      label,
      input.type,
      JSON.stringify(options),
      input.required ? 1 : 0,
      position,
      now,
      now,
    ],
  );
  return toInfo(db, row!);
}
