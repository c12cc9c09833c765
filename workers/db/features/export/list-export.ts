/**
 * Exports of the customer list: the ids in list order are read once (ids-first, so a million rows never
 * cost an OFFSET scan), then each page of ids becomes text in its own short read, so other requests (the
 * list scrolling, a save) get the worker between pages and the progress bar moves.
 */
import type { Database, SqlValue } from 'sql.js';
import { DomainError } from '../../errors';
import type { PersistenceEngine } from '../../persistence/engine';
import { customerIdsInListOrder } from '../../repositories/customers';
import {
  EXPORT_KINDS,
  type ExportFile,
  type ExportKind,
  type ExportProgress,
  type ExportRequest,
} from './api';
import {
  ICS_FOOTER,
  ICS_HEADER,
  UTF8_BOM,
  csvRow,
  icsComponent,
  vcard,
  type CalendarActivity,
} from './writers';

/** Customers per page: big enough that per-read overhead vanishes, small enough to keep reads short. */
export const EXPORT_PAGE_SIZE = 5000;

interface Format {
  extension: string;
  mime: string;
  head: string;
  /** Text for one page of customer ids; `first` is true for the first page (JSON needs no comma there). */
  page(db: Database, idsJson: string, first: boolean): { text: string; records: number };
  tail: string;
}

/** Steps a statement with one bound parameter, passing each row as an array (faster than objects). */
function eachRow(db: Database, sql: string, param: string, visit: (row: SqlValue[]) => void): void {
  const stmt = db.prepare(sql);
  try {
    stmt.bind([param]);
    while (stmt.step()) visit(stmt.get());
  } finally {
    stmt.free();
  }
}

const text = (value: SqlValue | undefined): string =>
  value === null || value === undefined ? '' : String(value);

// Driven by json_each (CROSS JOIN fixes the loop order), so rows come out in the list's order.
const CUSTOMER_ROWS = `SELECT c.id, c.name, c.kind, c.stage, u.name, c.industry, c.phone, c.email, c.address,
    c.notes, c.created_at, c.updated_at
  FROM json_each(?) j CROSS JOIN customers c ON c.id = j.value LEFT JOIN users u ON u.id = c.owner_id
  ORDER BY j.key`;
const CUSTOMER_HEADER = [
  'id',
  'name',
  'kind',
  'stage',
  'owner',
  'industry',
  'phone',
  'email',
  'address',
  'notes',
  'createdAt',
  'updatedAt',
] as const;

const CONTACT_ROWS = `SELECT ct.id, ct.name, ct.title, ct.phone, ct.email, ct.notes, ct.is_primary, c.id, c.name
  FROM json_each(?) j CROSS JOIN contacts ct ON ct.customer_id = j.value JOIN customers c ON c.id = ct.customer_id
  ORDER BY j.key, ct.is_primary DESC, ct.name, ct.id`;
const CONTACT_HEADER = [
  'id',
  'name',
  'title',
  'phone',
  'email',
  'notes',
  'isPrimary',
  'customerId',
  'customer',
];

const ACTIVITY_ROWS = `SELECT a.id, a.type, a.subject, a.body, a.due_at, a.done, a.done_at, c.name
  FROM json_each(?) j CROSS JOIN activities a ON a.customer_id = j.value
  JOIN customers c ON c.id = a.customer_id
  WHERE a.type IN ('meeting', 'task')
  ORDER BY j.key, a.due_at, a.id`;

function formatOf(kind: ExportKind, now: Date): Format {
  switch (kind) {
    case 'customers-csv':
      return {
        extension: 'csv',
        mime: 'text/csv;charset=utf-8',
        head: UTF8_BOM + csvRow(CUSTOMER_HEADER),
        page(db, ids) {
          let out = '';
          let records = 0;
          eachRow(db, CUSTOMER_ROWS, ids, (row) => {
            out += csvRow(row as (string | number | null)[]);
            records++;
          });
          return { text: out, records };
        },
        tail: '',
      };
    case 'customers-json':
      return {
        extension: 'json',
        mime: 'application/json',
        head: '[',
        page(db, ids, first) {
          const objects: string[] = [];
          eachRow(db, CUSTOMER_ROWS, ids, (row) => {
            const record: Record<string, SqlValue> = {};
            CUSTOMER_HEADER.forEach((key, index) => (record[key] = row[index] ?? null));
            objects.push(JSON.stringify(record));
          });
          const lead = objects.length === 0 ? '' : first ? '\n' : ',\n';
          return { text: lead + objects.join(',\n'), records: objects.length };
        },
        tail: '\n]\n',
      };
    case 'contacts-csv':
      return {
        extension: 'csv',
        mime: 'text/csv;charset=utf-8',
        head: UTF8_BOM + csvRow(CONTACT_HEADER),
        page(db, ids) {
          let out = '';
          let records = 0;
          eachRow(db, CONTACT_ROWS, ids, (row) => {
            out += csvRow([row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8]] as (
              string | number | null
            )[]);
            records++;
          });
          return { text: out, records };
        },
        tail: '',
      };
    case 'contacts-vcf':
      return {
        extension: 'vcf',
        mime: 'text/vcard;charset=utf-8',
        head: '',
        page(db, ids) {
          let out = '';
          let records = 0;
          eachRow(db, CONTACT_ROWS, ids, (row) => {
            out += vcard({
              id: Number(row[0]),
              name: text(row[1]),
              title: text(row[2]),
              phone: text(row[3]),
              email: text(row[4]),
              notes: text(row[5]),
              organization: text(row[8]),
            });
            records++;
          });
          return { text: out, records };
        },
        tail: '',
      };
    case 'activities-ics':
      return {
        extension: 'ics',
        mime: 'text/calendar;charset=utf-8',
        head: ICS_HEADER,
        page(db, ids) {
          let out = '';
          let records = 0;
          eachRow(db, ACTIVITY_ROWS, ids, (row) => {
            const activity: CalendarActivity = {
              id: Number(row[0]),
              type: row[1] === 'meeting' ? 'meeting' : 'task',
              subject: text(row[2]),
              body: text(row[3]),
              dueAt: row[4] === null ? null : String(row[4]),
              done: row[5] === 1,
              doneAt: row[6] === null ? null : String(row[6]),
              customerName: row[7] === null ? null : String(row[7]),
            };
            const component = icsComponent(activity, now);
            if (component) {
              out += component;
              records++;
            }
          });
          return { text: out, records };
        },
        tail: ICS_FOOTER,
      };
  }
}

const FILE_STEMS: Record<ExportKind, string> = {
  'customers-csv': 'customers',
  'customers-json': 'customers',
  'contacts-csv': 'contacts',
  'contacts-vcf': 'contacts',
  'activities-ics': 'tasks-and-meetings',
};

function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export async function exportCustomerList(
  engine: PersistenceEngine,
  request: ExportRequest,
  onProgress?: (progress: ExportProgress) => void,
  { now = new Date(), pageSize = EXPORT_PAGE_SIZE }: { now?: Date; pageSize?: number } = {},
): Promise<ExportFile> {
  const started = performance.now();
  if (!EXPORT_KINDS.includes(request?.kind)) {
    throw new DomainError('validation', `Unknown export kind ${String(request?.kind)}.`, {
      kind: 'invalid_choice',
    });
  }
  const format = formatOf(request.kind, now);
  const ids = await engine.read((db) => customerIdsInListOrder(db, request.list));
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [encoder.encode(format.head)];
  let records = 0;
  onProgress?.({ done: 0, total: ids.length });
  for (let start = 0; start < ids.length; start += pageSize) {
    const idsJson = JSON.stringify(ids.slice(start, start + pageSize));
    const page = await engine.read((db) => format.page(db, idsJson, records === 0));
    if (page.text) parts.push(encoder.encode(page.text));
    records += page.records;
    onProgress?.({ done: Math.min(ids.length, start + pageSize), total: ids.length });
  }
  parts.push(encoder.encode(format.tail));
  return {
    blob: new Blob(parts, { type: format.mime }),
    fileName: `${FILE_STEMS[request.kind]}-${localDate(now)}.${format.extension}`,
    records,
    ms: performance.now() - started,
  };
}
