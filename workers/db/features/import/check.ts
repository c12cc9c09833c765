/**
 * The first pass over an import, before the database is touched: each row's cells by field (through the
 * user's mapping), parse problems, and field validation. Yields to the event loop every ~30 ms so an
 * `importCancel` message can arrive and stop it.
 */
import { DomainError } from '../../errors';
import type { ImportPlan, ImportProgress, RowProblem } from './api';
import { clip } from './csv';
import { FIELDS } from './fields';
import type { ImportSession } from './session';
import { VALIDATORS, type CleanRow, type Cells } from './rows';

export interface CheckedRow {
  index: number;
  rowNumber: number;
  clean: CleanRow;
}

export interface Checked {
  valid: CheckedRow[];
  problems: RowProblem[];
  invalidRows: Set<number>;
}

const YIELD_MS = 30;
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function checkPlan(session: ImportSession, plan: ImportPlan): void {
  const fields = FIELDS[plan.recordType];
  if (!fields) throw new DomainError('validation', 'unknown record type', { recordType: 'invalid_choice' });
  if (!['skip', 'update', 'create'].includes(plan.policy)) {
    throw new DomainError('validation', 'unknown duplicate policy', { policy: 'invalid_choice' });
  }
  const known = new Set(fields.map((field) => field.key));
  const mapping = plan.mapping;
  if (!Array.isArray(mapping) || mapping.length > session.headers.length) {
    throw new DomainError('validation', 'the mapping does not fit the file', { mapping: 'invalid_choice' });
  }
  const used = new Set<string>();
  for (const key of mapping) {
    if (key === null || key === undefined) continue;
    if (!known.has(key) || used.has(key)) {
      throw new DomainError('validation', `column mapping "${String(key)}" is unknown or used twice`, {
        mapping: 'invalid_choice',
      });
    }
    used.add(key);
  }
  const missing = fields.filter((field) => field.required && !used.has(field.key));
  // A vCard without ORG still gets a customer (the person), so only the name is needed there.
  const needed = session.format === 'vcard' ? missing.filter((field) => field.key !== 'customer') : missing;
  if (needed.length > 0) {
    throw new DomainError(
      'import_unmapped',
      `required fields without a column: ${needed.map((field) => field.key).join(', ')}`,
      Object.fromEntries(needed.map((field) => [field.key, 'required' as const])),
    );
  }
}

export async function checkRows(
  session: ImportSession,
  plan: ImportPlan,
  onProgress?: (progress: ImportProgress) => void,
): Promise<Checked> {
  checkPlan(session, plan);
  const validate = VALIDATORS[plan.recordType];
  const columnOf = new Map<string, number>();
  plan.mapping.forEach((key, column) => key && columnOf.set(key, column));
  const entries = [...columnOf.entries()];
  const headerOf = (field: string) => session.headers[columnOf.get(field) ?? -1] ?? null;
  const result: Checked = { valid: [], problems: [], invalidRows: new Set() };
  const total = session.rows.length;
  let lastYield = performance.now();
  for (let index = 0; index < total; index++) {
    if ((index & 255) === 0 && performance.now() - lastYield > YIELD_MS) {
      onProgress?.({ phase: 'validating', done: index, total });
      await yieldToEvents();
      lastYield = performance.now();
      if (session.cancelled) throw new DomainError('import_cancelled', 'the import was cancelled');
    }
    const rowNumber = session.rowNumbers[index]!;
    const row = session.rows[index]!;
    const parseProblems = session.rowProblems.get(index);
    if (parseProblems) {
      result.problems.push(...parseProblems);
      result.invalidRows.add(index);
      continue;
    }
    const cells: Cells = {};
    for (const [field, column] of entries) cells[field] = row[column] ?? '';
    if (session.format === 'vcard' && !cells.customer?.trim()) cells.customer = cells.name ?? '';
    const outcome = validate(cells);
    if (outcome.problems) {
      for (const problem of outcome.problems) {
        result.problems.push({
          row: rowNumber,
          column: headerOf(problem.field),
          field: problem.field,
          code: problem.code,
          value: clip(cells[problem.field] ?? ''),
        });
      }
      result.invalidRows.add(index);
    } else {
      result.valid.push({ index, rowNumber, clean: outcome.row });
    }
  }
  if (session.cancelled) throw new DomainError('import_cancelled', 'the import was cancelled');
  onProgress?.({ phase: 'validating', done: total, total });
  return result;
}
