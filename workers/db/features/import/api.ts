/**
 * The import feature's part of the DB worker API (see `workers/db/api.ts`). Types only.
 *
 * Flow: `importPreview(file)` reads and parses the file in the worker and keeps it there under a token;
 * `importValidate(token, plan)` reports per row and column what is wrong and what duplicates exist;
 * `importRun(token, plan, onProgress)` writes the valid rows in one durable transaction;
 * `undoImport(id)` takes it back. The file's rows never cross back to the main thread beyond a sample.
 */
import type { FieldErrorCode, Result, Written } from '../../contract';

export type ImportRecordType = 'customers' | 'contacts' | 'leads' | 'products' | 'orders';
export const IMPORT_RECORD_TYPES: readonly ImportRecordType[] = [
  'customers',
  'contacts',
  'leads',
  'products',
  'orders',
];

export type ImportFormat = 'csv' | 'vcard';
export type ImportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';
export const IMPORT_ENCODINGS: readonly ImportEncoding[] = [
  'utf-8',
  'gb18030',
  'utf-16le',
  'utf-16be',
  'big5',
];
export type ImportDelimiter = ',' | ';' | '\t' | '|';
export const IMPORT_DELIMITERS: readonly ImportDelimiter[] = [',', ';', '\t', '|'];

/** What happens to a row that matches an existing record (or an earlier row of the same file). */
export type DuplicatePolicy = 'skip' | 'update' | 'create';

/** For each column of the file (by index), the field it fills, or null to ignore the column. */
export type ColumnMapping = (string | null)[];

export interface PreviewOptions {
  /** Shown in the list of past imports; a File's own name is used when omitted. */
  fileName?: string;
  /** Overrides detection (the user picked another encoding or delimiter in the preview). */
  encoding?: ImportEncoding;
  delimiter?: ImportDelimiter;
}

export interface ImportPreview {
  token: string;
  fileName: string;
  format: ImportFormat;
  encoding: ImportEncoding;
  /** Whether the file started with a byte-order mark. */
  bom: boolean;
  delimiter: ImportDelimiter;
  headers: string[];
  /** The first rows, cells cut to a displayable length. */
  sample: string[][];
  rowCount: number;
  /** The record type whose fields the headers match best (vCards: always contacts). */
  suggestedType: ImportRecordType;
  /** The automatic header matching, per record type. */
  suggested: Record<ImportRecordType, ColumnMapping>;
  /** The fields each record type can fill, in display order. */
  fields: Record<ImportRecordType, { key: string; required: boolean }[]>;
}

export interface ImportPlan {
  recordType: ImportRecordType;
  mapping: ColumnMapping;
  policy: DuplicatePolicy;
  /** Required by `importRun` when some rows are invalid: the user agreed to import only the valid ones. */
  allowInvalid?: boolean;
}

export type ImportProblemCode =
  | FieldErrorCode
  | 'invalid_date'
  | 'invalid_number'
  | 'out_of_range'
  | 'customer_not_found'
  | 'owner_not_found'
  | 'bad_quotes'
  | 'extra_fields'
  | 'unclosed_card'
  | 'duplicate_not_allowed';

export interface RowProblem {
  /** Spreadsheet row (header = 1) for CSV; card number for vCard. */
  row: number;
  /** The column's header as in the file; null when the problem concerns the whole row. */
  column: string | null;
  field: string | null;
  code: ImportProblemCode;
  /** The offending value, cut to a displayable length. */
  value: string;
}

export interface DuplicateMatch {
  row: number;
  matchedBy: 'email' | 'phone' | 'name' | 'code' | 'order_no';
  /** The existing record's id, or null when the match is an earlier row of the same file. */
  existingId: number | null;
  /** Spreadsheet row of the earlier row in the file, when `existingId` is null. */
  earlierRow: number | null;
}

/** A vCard's organisation (or a CSV contact's customer): found among customers or to be created. */
export interface CustomerResolution {
  row: number;
  customerName: string;
  customerId: number | null;
  willCreate: boolean;
}

export interface ImportReport {
  recordType: ImportRecordType;
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  /** At most {@link REPORT_LIMIT} problems; `problemCount` counts them all. */
  problems: RowProblem[];
  problemCount: number;
  duplicateMatches: DuplicateMatch[];
  customers: CustomerResolution[];
  customersToCreate: number;
}

export const REPORT_LIMIT = 500;

export interface ImportProgress {
  phase: 'reading' | 'validating' | 'writing' | 'saving';
  done: number;
  total: number;
}

export interface ImportSummary {
  importId: number;
  inserted: number;
  updated: number;
  skipped: number;
  invalid: number;
  customersCreated: number;
}

export interface ImportRecord {
  id: number;
  fileName: string;
  recordType: ImportRecordType;
  format: ImportFormat;
  inserted: number;
  updated: number;
  skipped: number;
  invalid: number;
  customersCreated: number;
  createdAt: string;
  undoneAt: string | null;
}

export interface UndoImportReceipt {
  removed: number;
  restored: number;
}

/** A named mapping the user saved: header text (as in the file) → field. */
export interface SavedMapping {
  id: number;
  name: string;
  recordType: ImportRecordType;
  columns: Record<string, string>;
  updatedAt: string;
}

export interface ImportApi {
  /** Reads `file` in the worker: encoding and delimiter detection, parsing, header matching. */
  importPreview(file: Blob, options?: PreviewOptions): Promise<Result<ImportPreview>>;
  importValidate(
    token: string,
    plan: ImportPlan,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<Result<ImportReport>>;
  /** Validates again and writes the valid rows in ONE durable transaction (all or nothing). */
  importRun(
    token: string,
    plan: ImportPlan,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<Result<Written<ImportSummary>>>;
  /** Stops a running validation (or a run that has not started writing): it ends with `import_cancelled`. */
  importCancel(token: string): Promise<Result<true>>;
  /** Frees the parsed file. */
  importDiscard(token: string): Promise<Result<true>>;

  listImports(): Promise<Result<ImportRecord[]>>;
  /** Removes the rows an import inserted and restores the rows it updated, as a new durable write. */
  undoImport(importId: number): Promise<Result<Written<UndoImportReceipt>>>;

  listImportMappings(): Promise<Result<SavedMapping[]>>;
  /** Saves under `name` (replacing a mapping of that name). */
  saveImportMapping(
    name: string,
    recordType: ImportRecordType,
    columns: Record<string, string>,
  ): Promise<Result<Written<SavedMapping>>>;
  deleteImportMapping(id: number): Promise<Result<Written<true>>>;
}
