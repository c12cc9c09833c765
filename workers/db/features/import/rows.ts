/**
 * One imported row → the column values to write, or the reason each bad cell is bad.
 *
 * Customers and contacts go through the same validators as the forms (`workers/db/validation.ts`); leads,
 * products and orders use the same email/phone rules and length limits, plus dates, numbers and the
 * CHECK constraints of 001-initial-sales.sql. Values only contain what the file provided, so an update
 * never blanks a field the file left empty; inserts fill the schema's defaults for the rest.
 */
import type { SqlValue } from 'sql.js';
import type { FieldErrorCode } from '../../contract';
import { EMAIL, LIMITS, PHONE, validateContactInput, validateCustomerInput } from '../../validation';
import type { ImportProblemCode, ImportRecordType } from './api';
import { CHOICES, parseChoice } from './fields';

export type Cells = Partial<Record<string, string>>;

export interface CleanRow {
  /** Database columns the file provided (after cleaning), by column name. */
  values: Record<string, SqlValue>;
  /** Customer name or email to look up (contacts, orders). */
  customerRef: string;
  /** User name or email to look up (owner column). */
  ownerRef: string;
}

export interface FieldProblem {
  field: string;
  code: ImportProblemCode;
}

export type RowOutcome = { row: CleanRow; problems: null } | { row: null; problems: FieldProblem[] };

const codePoints = (text: string, max: number) => text.length <= max || [...text].length <= max;

export function parseDate(text: string): string | null {
  const match =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text.normalize('NFKC').trim(),
    );
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "¥1,234.50", "1234.5元", "RMB 99" → minor units (分); 'invalid' or 'negative' otherwise. */
export function parseMoney(text: string): number | 'invalid' | 'negative' {
  let value = text
    .normalize('NFKC')
    .trim()
    .replace(/^(?:rmb|cny|usd|[¥$€£])\s*/i, '')
    .replace(/\s*元$/, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(value)) value = value.replaceAll(',', '');
  const match = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return 'invalid';
  const minor = Number(match[2]) * 100 + Number((match[3] ?? '0').padEnd(2, '0'));
  if (match[1] && minor > 0) return 'negative';
  return minor;
}

export function parseInteger(text: string): number | null {
  const value = text.normalize('NFKC').trim();
  if (!/^[+-]?\d{1,15}$/.test(value)) return null;
  return Number(value);
}

function checkPhone(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= 5 && digits <= 20;
}

const CURRENCY_WORDS: Record<string, string> = {
  人民币: 'CNY',
  元: 'CNY',
  rmb: 'CNY',
  美元: 'USD',
  欧元: 'EUR',
  港币: 'HKD',
  日元: 'JPY',
};

/** Collects problems and provided values for one row. */
class RowReader {
  readonly problems: FieldProblem[] = [];
  readonly values: Record<string, SqlValue> = {};

  constructor(private readonly cells: Cells) {}

  raw(field: string): string {
    return (this.cells[field] ?? '').trim();
  }

  fail(field: string, code: ImportProblemCode): void {
    this.problems.push({ field, code });
  }

  text(field: string, column: string, max: number, required = false): void {
    const value = this.raw(field);
    if (value === '') {
      if (required) this.fail(field, 'required');
      return;
    }
    if (!codePoints(value, max)) this.fail(field, 'too_long');
    else this.values[column] = value;
  }

  email(field: string, column: string): void {
    const value = this.raw(field);
    if (value === '') return;
    if (!codePoints(value, LIMITS.email)) this.fail(field, 'too_long');
    else if (!EMAIL.test(value)) this.fail(field, 'invalid_email');
    else this.values[column] = value;
  }

  phone(field: string, column: string): void {
    const value = this.raw(field).normalize('NFKC');
    if (value === '') return;
    if (!codePoints(value, LIMITS.text)) this.fail(field, 'too_long');
    else if (!checkPhone(value)) this.fail(field, 'invalid_phone');
    else this.values[column] = value;
  }

  choice<T extends string>(field: string, column: string, table: Record<T, readonly string[]>): void {
    const value = this.raw(field);
    if (value === '') return;
    const code = parseChoice(value, table);
    if (code === null) this.fail(field, 'invalid_choice');
    else this.values[column] = code;
  }

  date(field: string, column: string, required = false): void {
    const value = this.raw(field);
    if (value === '') {
      if (required) this.fail(field, 'required');
      return;
    }
    const date = parseDate(value);
    if (date === null) this.fail(field, 'invalid_date');
    else this.values[column] = date;
  }

  money(field: string, column: string): void {
    const value = this.raw(field);
    if (value === '') return;
    const minor = parseMoney(value);
    if (minor === 'invalid') this.fail(field, 'invalid_number');
    else if (minor === 'negative') this.fail(field, 'out_of_range');
    else this.values[column] = minor;
  }

  integer(field: string, column: string, min: number, max: number): void {
    const value = this.raw(field);
    if (value === '') return;
    const number = parseInteger(value);
    if (number === null) this.fail(field, 'invalid_number');
    else if (number < min || number > max) this.fail(field, 'out_of_range');
    else this.values[column] = number;
  }

  outcome(customerRef = '', ownerRef = ''): RowOutcome {
    return this.problems.length > 0
      ? { row: null, problems: this.problems }
      : { row: { values: this.values, customerRef, ownerRef }, problems: null };
  }
}

/** Field errors of the shared validators, for the fields this row provided. */
function sharedProblems(fields: Partial<Record<string, FieldErrorCode>>, reader: RowReader): void {
  for (const [field, code] of Object.entries(fields)) if (code) reader.fail(field, code);
}

/** Copies the provided (non-empty) cleaned values into `values`. */
function keepProvided(reader: RowReader, clean: Record<string, unknown>, columns: readonly string[]): void {
  for (const column of columns) {
    const value = clean[column];
    if (typeof value === 'string' && value !== '') reader.values[column] = value;
  }
}

function customerRow(cells: Cells): RowOutcome {
  const r = new RowReader(cells);
  const kind = r.raw('kind') === '' ? 'company' : (parseChoice(r.raw('kind'), CHOICES.kind) ?? r.raw('kind'));
  const stage =
    r.raw('stage') === '' ? 'prospect' : (parseChoice(r.raw('stage'), CHOICES.stage) ?? r.raw('stage'));
  const input = {
    kind,
    stage,
    name: r.raw('name'),
    industry: r.raw('industry'),
    address: r.raw('address'),
    phone: r.raw('phone'),
    email: r.raw('email'),
    notes: r.raw('notes'),
  };
  const result = validateCustomerInput(input);
  if ('fields' in result) sharedProblems(result.fields, r);
  else {
    keepProvided(r, { ...result.value }, ['name', 'industry', 'address', 'phone', 'email', 'notes']);
    if (r.raw('kind') !== '') r.values.kind = result.value.kind;
    if (r.raw('stage') !== '') r.values.stage = result.value.stage;
  }
  return r.outcome('', r.raw('owner'));
}

function contactRow(cells: Cells): RowOutcome {
  const r = new RowReader(cells);
  const customerRef = r.raw('customer');
  if (customerRef === '') r.fail('customer', 'required');
  // The customer is found later from the customer column; 1 only satisfies the shared validator.
  const result = validateContactInput({
    customerId: 1,
    name: r.raw('name'),
    title: r.raw('title'),
    phone: r.raw('phone'),
    email: r.raw('email'),
    notes: r.raw('notes'),
  });
  if ('fields' in result) sharedProblems(result.fields, r);
  else keepProvided(r, { ...result.value }, ['name', 'title', 'phone', 'email', 'notes']);
  return r.outcome(customerRef);
}

function leadRow(cells: Cells): RowOutcome {
  const r = new RowReader(cells);
  r.text('name', 'name', LIMITS.name, true);
  r.text('company', 'company', LIMITS.name);
  r.text('title', 'title', LIMITS.text);
  r.phone('phone', 'phone');
  r.email('email', 'email');
  r.choice('source', 'source', CHOICES.leadSource);
  r.choice('status', 'status', CHOICES.leadStatus);
  r.integer('score', 'score', 0, 100);
  r.date('followUpOn', 'follow_up_on');
  r.text('notes', 'notes', LIMITS.notes);
  return r.outcome('', r.raw('owner'));
}

function productRow(cells: Cells): RowOutcome {
  const r = new RowReader(cells);
  r.text('code', 'code', LIMITS.name, true);
  r.text('name', 'name', LIMITS.name, true);
  r.text('category', 'category', LIMITS.text);
  r.text('unit', 'unit', LIMITS.text);
  r.text('description', 'description', LIMITS.notes);
  r.money('price', 'price_minor');
  r.money('cost', 'cost_minor');
  r.integer('stock', 'stock', -1e12, 1e12);
  const active = r.raw('active');
  if (active !== '') {
    const code = parseChoice(active, CHOICES.active);
    if (code === null) r.fail('active', 'invalid_choice');
    else r.values.active = code === 'yes' ? 1 : 0;
  }
  return r.outcome();
}

function orderRow(cells: Cells): RowOutcome {
  const r = new RowReader(cells);
  r.text('orderNo', 'order_no', LIMITS.name);
  const customerRef = r.raw('customer');
  if (customerRef === '') r.fail('customer', 'required');
  r.date('orderDate', 'order_date', true);
  r.choice('status', 'status', CHOICES.orderStatus);
  r.money('total', 'total_minor');
  const currency = r.raw('currency');
  if (currency !== '') {
    const code = CURRENCY_WORDS[currency.toLowerCase()] ?? currency.toUpperCase();
    if (/^[A-Z]{3}$/.test(code)) r.values.currency = code;
    else r.fail('currency', 'invalid_choice');
  }
  r.text('notes', 'notes', LIMITS.notes);
  return r.outcome(customerRef, r.raw('owner'));
}

export const VALIDATORS: Record<ImportRecordType, (cells: Cells) => RowOutcome> = {
  customers: customerRow,
  contacts: contactRow,
  leads: leadRow,
  products: productRow,
  orders: orderRow,
};
