/**
 * The second pass over an import, against the database: owners, customers and duplicates are resolved
 * per row and the duplicate policy decides what happens. With a writer it runs inside the one write
 * transaction and inserts/updates as it goes (prepared statements reused for every row); without one it
 * only reports, inside a read.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import type {
  CustomerResolution,
  DuplicateMatch,
  ImportPlan,
  ImportProgress,
  ImportReport,
  ImportSummary,
  RowProblem,
} from './api';
import { REPORT_LIMIT } from './api';
import type { Checked } from './check';
import { clip } from './csv';
import { duplicateKeys, Resolver } from './resolve';
import type { ImportSession } from './session';
import { TableStatements, TABLES } from './tables';

/** Record types whose duplicate key is UNIQUE in the schema: 'create' cannot make a second one. */
const UNIQUE_KEYS = new Set(['products', 'orders']);

interface Writer {
  now: string;
  batchId: number;
  onProgress?: (progress: ImportProgress) => void;
}

interface Outcome {
  report: ImportReport;
  summary: Omit<ImportSummary, 'importId'>;
  /** Ids inserted per table, in insertion order. */
  insertedIds: Map<string, number[]>;
}

const PROGRESS_EVERY = 2000;

export function applyImport(
  db: Database,
  session: ImportSession,
  plan: ImportPlan,
  checked: Checked,
  writer: Writer | null,
): Outcome {
  const { recordType, policy } = plan;
  const resolver = new Resolver(db, recordType);
  const main = writer ? new TableStatements(db, TABLES[recordType]) : null;
  const customerTable =
    writer && recordType === 'contacts' ? new TableStatements(db, TABLES.customers) : null;
  const saveBefore = writer
    ? db.prepare('INSERT INTO import_batch_updates (batch_id, tbl, row_id, before) VALUES (?, ?, ?, ?)')
    : null;
  const problems: RowProblem[] = [...checked.problems];
  const invalidRows = new Set(checked.invalidRows);
  const duplicateMatches: DuplicateMatch[] = [];
  const customers: CustomerResolution[] = [];
  const insertedIds = new Map<string, number[]>();
  const updatedIds = new Set<number>();
  const insertedHere = new Set<number>();
  const newCustomers = new Set<string>();
  const counts = { inserted: 0, updated: 0, skipped: 0, duplicates: 0, customersCreated: 0 };
  const createCustomers = session.format === 'vcard';
  const inserted = (table: string, id: number) => {
    const list = insertedIds.get(table) ?? [];
    if (list.length === 0) insertedIds.set(table, list);
    list.push(id);
  };
  const columnOf = (field: string) => session.headers[plan.mapping.indexOf(field)] ?? null;
  const fail = (index: number, row: number, field: string, code: RowProblem['code'], value: string) => {
    problems.push({ row, column: columnOf(field), field, code, value: clip(value) });
    invalidRows.add(index);
  };

  try {
    resolver.prefetch(checked.valid.map((row) => row.clean));
    checked.valid.forEach(({ index, rowNumber, clean }, position) => {
      if (writer?.onProgress && position % PROGRESS_EVERY === 0) {
        writer.onProgress({ phase: 'writing', done: position, total: checked.valid.length });
      }
      const values = { ...clean.values };
      const owner = resolver.ownerId(clean.ownerRef);
      if (owner === null) return fail(index, rowNumber, 'owner', 'owner_not_found', clean.ownerRef);
      if (owner !== undefined) values.owner_id = owner;

      if (clean.customerRef !== '') {
        let customerId = resolver.customerId(clean.customerRef);
        const name = clean.customerRef.trim();
        if (customerId === null && !createCustomers) {
          return fail(index, rowNumber, 'customer', 'customer_not_found', clean.customerRef);
        }
        if (customerId === null && customerTable) {
          // A card without ORG names its person as the customer (customerRef = the contact's name).
          const kind = name === values.name ? 'person' : 'company';
          customerId = customerTable.insert({ kind, name }, writer!.now);
          inserted('customers', customerId);
          resolver.addCustomer(name, customerId);
          counts.customersCreated++;
        } else if (customerId === null) newCustomers.add(name.toLowerCase());
        if (createCustomers && customers.length < REPORT_LIMIT) {
          customers.push({ row: rowNumber, customerName: name, customerId, willCreate: customerId === null });
        }
        values.customer_id = customerId;
      }

      const keys = duplicateKeys(recordType, values);
      const duplicate = resolver.findDuplicate(keys);
      if (duplicate) {
        counts.duplicates++;
        if (duplicateMatches.length < REPORT_LIMIT) {
          duplicateMatches.push({
            row: rowNumber,
            matchedBy: duplicate.kind,
            existingId: duplicate.existingId,
            earlierRow: duplicate.earlierRow,
          });
        }
        if (policy === 'skip') {
          counts.skipped++;
          return;
        }
        if (policy === 'create' && UNIQUE_KEYS.has(recordType)) {
          const field = duplicate.kind === 'code' ? 'code' : 'orderNo';
          return fail(index, rowNumber, field, 'duplicate_not_allowed', String(values[duplicate.kind] ?? ''));
        }
        if (policy === 'update') {
          counts.updated++;
          const id = duplicate.existingId;
          if (!main || id === null) return;
          // Rows this import inserted need no "before": undo deletes them.
          if (!updatedIds.has(id) && !insertedHere.has(id)) {
            const before = main.snapshot(id);
            if (before !== null) saveBefore!.run([writer!.batchId, TABLES[recordType].table, id, before]);
            updatedIds.add(id);
          }
          main.update(id, values, writer!.now);
          return;
        }
      }
      counts.inserted++;
      if (main) {
        const id = main.insert(values, writer!.now);
        inserted(TABLES[recordType].table, id);
        insertedHere.add(id);
        resolver.remember(keys, rowNumber, id);
      } else resolver.remember(keys, rowNumber, null);
    });
  } finally {
    main?.free();
    customerTable?.free();
    saveBefore?.free();
  }

  const total = session.rows.length;
  problems.sort((a, b) => a.row - b.row);
  return {
    report: {
      recordType,
      total,
      valid: total - invalidRows.size,
      invalid: invalidRows.size,
      duplicates: counts.duplicates,
      problems: problems.slice(0, REPORT_LIMIT),
      problemCount: problems.length,
      duplicateMatches,
      customers,
      customersToCreate: newCustomers.size,
    },
    summary: {
      inserted: counts.inserted,
      updated: counts.updated,
      skipped: counts.skipped,
      invalid: invalidRows.size,
      customersCreated: counts.customersCreated,
    },
    insertedIds,
  };
}

/** Ids as [first, last] ranges: one import's ids are nearly contiguous, so this stays tiny. */
export function toRanges(ids: readonly number[]): [number, number][] {
  const sorted = [...ids].sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const id of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else ranges.push([id, id]);
  }
  return ranges;
}

export function assertRunnable(report: ImportReport, plan: ImportPlan): void {
  if (report.invalid > 0 && !plan.allowInvalid) {
    throw new DomainError(
      'import_needs_confirmation',
      `${report.invalid} row(s) are invalid; confirm importing only the valid rows`,
    );
  }
}
