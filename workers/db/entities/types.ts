/**
 * The shape of every record type as data (fields, types, choices, references), shared by the worker (which
 * builds queries and validates from it) and the UI (which builds lists, filters and forms from it). One
 * definition per record type lives in `definitions.ts`.
 */
import type { RecordEntity } from './names';

export type EntityName = RecordEntity | 'customer';

export type FieldType =
  | 'text'
  | 'long_text'
  | 'email'
  | 'phone'
  | 'integer'
  /** Any finite number (custom fields). */
  | 'number'
  /** Integer minor units (分/cents) beside the record's `currency` column. */
  | 'money'
  /** Integer 0–100. */
  | 'percent'
  /** Integer basis points 0–10000 (1500 = 15 %), entered and shown as a percentage with two decimals. */
  | 'basis_points'
  /** `YYYY-MM-DD`. */
  | 'date'
  /** ISO instant. */
  | 'datetime'
  | 'boolean'
  | 'choice'
  /** The id of another record, shown by its title. */
  | 'reference';

export interface FieldDef {
  /** The name in the API and the UI (camelCase), also the i18n key `field.<entity>.<key>`. */
  key: string;
  /** The SQL column. */
  column: string;
  type: FieldType;
  required?: boolean;
  /** Allowed values of a choice (translated as `choice.<entity>.<key>.<value>`). */
  choices?: readonly string[];
  /** What a reference points at. `stage` = pipeline_stages. */
  reference?: EntityName | 'stage';
  min?: number;
  max?: number;
  maxLength?: number;
  /** Computed or kept by the app (totals, timestamps): shown, never edited. */
  readOnly?: boolean;
  /** In the default column set of the list. */
  list?: boolean;
  /** Empty means NULL (dates, references, optional numbers, unique codes) rather than '' or 0. */
  nullable?: boolean;
  /** Custom field (definition id): stored in custom_field_values, not a column. */
  customId?: number;
  /** A custom field's own label (built-in fields are translated by key). */
  label?: string;
}

export interface EntityDef {
  entity: EntityName;
  table: string;
  /** The field that names a record (links, search results, confirmations). */
  titleField: string;
  /** Fields the quick text filter searches (default: the title), as the list's search box promises. */
  searchFields?: readonly string[];
  fields: FieldDef[];
  defaultSort: { field: string; direction: 'asc' | 'desc' };
  /**
   * Sort expressions per field when a plain `ORDER BY column` would miss an index: the index's own columns,
   * in its order, so SQLite reads pages from it instead of sorting the table.
   */
  sortKeys?: Record<string, readonly string[]>;
}

export type ConditionOperator =
  | 'eq'
  | 'ne'
  | 'contains'
  | 'not_contains'
  | 'starts_with'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'empty'
  | 'not_empty'
  | 'in';

export interface Condition {
  field: string;
  op: ConditionOperator;
  /** A string/number/boolean; an array for `in`; absent for empty/not_empty. Money in minor units. */
  value?: string | number | boolean | (string | number)[] | null;
}

export interface ListFilter {
  /** AND of all conditions. */
  conditions?: Condition[];
  /** Owners to keep (mine / my team); null or absent = everyone. */
  ownerIds?: number[] | null;
  /** Quick text filter over the title field (contains). */
  text?: string;
}

export interface RecordListQuery extends ListFilter {
  entity: EntityName;
  sort: { field: string; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/** A record as lists and pages get it: field values by key, plus `<key>Label` for references. */
export type RecordRow = Record<string, string | number | boolean | null> & { id: number };

export interface RecordPage {
  rows: RecordRow[];
  total: number;
  offset: number;
}

export interface RecordGroup {
  /** The group's value (null = empty); for references the id. */
  value: string | number | null;
  /** For references: the referenced record's title. */
  label: string | null;
  count: number;
  /** Sums of the money/integer fields, by key. */
  sums: Record<string, number>;
}

/** The operators that make sense for each type (the filter builder offers these). */
export const OPERATORS_BY_TYPE: Record<FieldType, readonly ConditionOperator[]> = {
  text: ['contains', 'not_contains', 'eq', 'ne', 'starts_with', 'empty', 'not_empty'],
  long_text: ['contains', 'not_contains', 'empty', 'not_empty'],
  email: ['contains', 'eq', 'ne', 'starts_with', 'empty', 'not_empty'],
  phone: ['contains', 'eq', 'starts_with', 'empty', 'not_empty'],
  integer: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty'],
  money: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'],
  percent: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'],
  basis_points: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'],
  date: ['eq', 'gt', 'gte', 'lt', 'lte', 'empty', 'not_empty'],
  datetime: ['gt', 'gte', 'lt', 'lte', 'empty', 'not_empty'],
  boolean: ['eq'],
  choice: ['eq', 'ne', 'in', 'empty', 'not_empty'],
  reference: ['eq', 'ne', 'in', 'empty', 'not_empty'],
};

/** Types a list can be grouped by (few distinct values), and types whose groups get sums. */
export const GROUPABLE_TYPES: ReadonlySet<FieldType> = new Set(['choice', 'reference', 'boolean', 'date']);
export const SUMMABLE_TYPES: ReadonlySet<FieldType> = new Set(['money']);

/** The record types saved_views' CHECK admits (knowledge articles and users have short lists). */
export const VIEW_ENTITIES: readonly EntityName[] = [
  'customer',
  'contact',
  'lead',
  'opportunity',
  'product',
  'order',
  'contract',
  'case',
  'campaign',
  'activity',
];
