/**
 * Parsed files waiting in the worker between preview, validation and import, by token. The rows stay
 * here (a 100,000-row file would cost a second to clone to the main thread and back); the UI gets a sample.
 */
import { DomainError } from '../../errors';
import {
  IMPORT_RECORD_TYPES,
  type ColumnMapping,
  type ImportDelimiter,
  type ImportEncoding,
  type ImportFormat,
  type ImportPreview,
  type ImportRecordType,
  type PreviewOptions,
  type RowProblem,
} from './api';
import { clip, parseCsv } from './csv';
import { decodeFile, detectDelimiter } from './decode';
import { FIELDS, matchHeaders, suggestRecordType } from './fields';
import { looksLikeVCard, parseVCards, VCARD_COLUMNS, vcardTable } from './vcard';

export interface ImportSession {
  token: string;
  fileName: string;
  format: ImportFormat;
  encoding: ImportEncoding;
  bom: boolean;
  delimiter: ImportDelimiter;
  headers: string[];
  rows: string[][];
  rowNumbers: number[];
  rowProblems: Map<number, RowProblem[]>;
  cancelled: boolean;
}

/** Enough for a couple of files side by side (two tabs of the wizard); older ones are dropped. */
const MAX_SESSIONS = 3;
/** Far beyond any spreadsheet export; refusing early beats running the tab out of memory. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
const SAMPLE_ROWS = 20;

const sessions = new Map<string, ImportSession>();

export function getSession(token: string): ImportSession {
  const session = sessions.get(token);
  if (!session) {
    throw new DomainError('import_expired', 'the file is no longer loaded in this tab; choose it again');
  }
  return session;
}

export function dropSession(token: string): void {
  sessions.delete(token);
}

function fileNameOf(file: Blob, options: PreviewOptions): string {
  if (options.fileName) return options.fileName;
  return typeof File !== 'undefined' && file instanceof File ? file.name : '';
}

/** Parses `bytes` into a session (without storing it): vCard when the text starts with BEGIN:VCARD. */
export function parseFile(bytes: Uint8Array, fileName: string, options: PreviewOptions = {}): ImportSession {
  const decoded = decodeFile(bytes, options.encoding);
  const base = {
    token: crypto.randomUUID(),
    fileName,
    encoding: decoded.encoding,
    bom: decoded.bom,
    cancelled: false,
  };
  if (looksLikeVCard(decoded.text)) {
    const cards = parseVCards(decoded.text);
    if (cards.length === 0) throw new DomainError('import_empty', 'the vCard file holds no cards');
    return {
      ...base,
      format: 'vcard',
      delimiter: ',',
      headers: VCARD_COLUMNS.map((column) => column.header),
      ...vcardTable(cards),
    };
  }
  const delimiter = options.delimiter ?? detectDelimiter(decoded.text);
  const table = parseCsv(decoded.text, delimiter);
  if (table.headers.length === 0) throw new DomainError('import_empty', 'the file has no header row');
  if (table.rows.length === 0) throw new DomainError('import_empty', 'the file has a header row but no data');
  return { ...base, format: 'csv', delimiter, ...table };
}

export async function openSession(file: Blob, options: PreviewOptions = {}): Promise<ImportSession> {
  if (file.size > MAX_FILE_BYTES) {
    throw new DomainError(
      'import_too_large',
      `the file has ${file.size} bytes; the limit is ${MAX_FILE_BYTES}`,
    );
  }
  const session = parseFile(new Uint8Array(await file.arrayBuffer()), fileNameOf(file, options), options);
  sessions.set(session.token, session);
  while (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  return session;
}

export function previewOf(session: ImportSession): ImportPreview {
  const suggested = Object.fromEntries(
    IMPORT_RECORD_TYPES.map((type) => [
      type,
      session.format === 'vcard'
        ? VCARD_COLUMNS.map((column) => (type === 'contacts' ? column.field : null))
        : matchHeaders(session.headers, type),
    ]),
  ) as Record<ImportRecordType, ColumnMapping>;
  return {
    token: session.token,
    fileName: session.fileName,
    format: session.format,
    encoding: session.encoding,
    bom: session.bom,
    delimiter: session.delimiter,
    headers: session.headers.map(clip),
    sample: session.rows.slice(0, SAMPLE_ROWS).map((row) => row.map(clip)),
    rowCount: session.rows.length,
    suggestedType: session.format === 'vcard' ? 'contacts' : suggestRecordType(suggested),
    suggested,
    fields: Object.fromEntries(
      IMPORT_RECORD_TYPES.map((type) => [
        type,
        FIELDS[type].map((field) => ({ key: field.key, required: field.required === true })),
      ]),
    ) as ImportPreview['fields'],
  };
}
