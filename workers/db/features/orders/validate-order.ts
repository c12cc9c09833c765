/**
 * Checks an order save request (input crosses the worker boundary, so it is `unknown` until here) against
 * itself and the database: field shapes first, then the records it points at. Every problem becomes one
 * field error code keyed like the input (`customerId`, `lines.2.quantity`), which the UI shows next to that
 * field; nothing is written while any remain.
 */
import type { Database } from 'sql.js';
import type { FieldErrorCode, FieldErrors } from '../../contract';
import { DomainError } from '../../errors';
import { one, type Row } from '../../repositories/sql';
import { ORDER_STATUSES, type OrderStatus } from './api';

/** Bounds that keep `quantity × price × 10000` (the line total's numerator) inside SQLite's 64-bit integers. */
export const ORDER_LIMITS = {
  quantity: 1_000_000,
  unitPriceMinor: 100_000_000_000,
  /** quantity × unit price; × 10000 stays below 2^63. */
  lineGrossMinor: 900_000_000_000_000,
  lines: 1000,
  text: 500,
  notes: 5000,
  orderNo: 64,
} as const;

export interface OrderFields {
  orderNo: string | null;
  customerId: number;
  contactId: number | null;
  opportunityId: number | null;
  orderDate: string;
  status: OrderStatus;
  currency: string;
  ownerId: number | null;
  notes: string;
}

export interface CleanLine {
  id: number | null;
  productId: number;
  description: string;
  quantity: number;
  /** Null: take the product's price. */
  unitPriceMinor: number | null;
  discountBp: number;
}

export interface CleanOrderInput {
  id: number | null;
  /** Only the fields the request gave. */
  fields: Partial<OrderFields>;
  /** Null: keep the order's lines. */
  lines: CleanLine[] | null;
}

const isId = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/** `YYYY-MM-DD` naming a real day (no 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

class Checker {
  readonly fields: FieldErrors = {};

  fail(key: string, code: FieldErrorCode): void {
    this.fields[key] ??= code;
  }

  /** A whole number in [min, max]; `invalid_number` when not whole, `out_of_range` outside the bounds. */
  integer(key: string, raw: unknown, min: number, max: number): number {
    if (typeof raw !== 'number' || !Number.isSafeInteger(raw)) {
      this.fail(key, raw === undefined || raw === null || raw === '' ? 'required' : 'invalid_number');
      return 0;
    }
    if (raw < min || raw > max) this.fail(key, 'out_of_range');
    return raw;
  }

  text(key: string, raw: unknown, max: number): string {
    if (raw === undefined || raw === null) return '';
    if (typeof raw !== 'string') {
      this.fail(key, 'invalid_choice');
      return '';
    }
    const value = raw.trim();
    if ([...value].length > max) this.fail(key, 'too_long');
    return value;
  }

  /** An id or null; `code` when the value is neither. */
  optionalId(key: string, raw: unknown): number | null {
    if (raw === null || raw === undefined) return null;
    if (!isId(raw)) this.fail(key, 'invalid_choice');
    return isId(raw) ? raw : null;
  }
}

/** Shapes only; references are checked against the database by {@link checkReferences}. */
export function parseOrderInput(input: unknown): { clean: CleanOrderInput; fields: FieldErrors } {
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const c = new Checker();
  const has = (key: string) => record[key] !== undefined;
  const fields: Partial<OrderFields> = {};

  const id = record.id === undefined || record.id === null ? null : record.id;
  if (id !== null && !isId(id)) c.fail('id', 'invalid_choice');

  if (has('orderNo')) {
    const orderNo = c.text('orderNo', record.orderNo, ORDER_LIMITS.orderNo);
    fields.orderNo = orderNo === '' ? null : orderNo;
  }
  if (has('customerId') || id === null) {
    if (!isId(record.customerId)) c.fail('customerId', 'required');
    fields.customerId = record.customerId as number;
  }
  if (has('contactId')) fields.contactId = c.optionalId('contactId', record.contactId);
  if (has('opportunityId')) fields.opportunityId = c.optionalId('opportunityId', record.opportunityId);
  if (has('ownerId')) fields.ownerId = c.optionalId('ownerId', record.ownerId);
  if (has('orderDate') || id === null) {
    if (record.orderDate === undefined || record.orderDate === null || record.orderDate === '')
      c.fail('orderDate', 'required');
    else if (!isIsoDate(record.orderDate)) c.fail('orderDate', 'invalid_date');
    fields.orderDate = record.orderDate as string;
  }
  if (has('status') || id === null) {
    if (record.status === undefined || record.status === null || record.status === '')
      c.fail('status', 'required');
    else if (!ORDER_STATUSES.includes(record.status as OrderStatus)) c.fail('status', 'invalid_choice');
    fields.status = record.status as OrderStatus;
  }
  if (has('currency')) {
    const currency = c.text('currency', record.currency, 3).toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) c.fail('currency', 'invalid_choice');
    fields.currency = currency;
  }
  if (has('notes')) fields.notes = c.text('notes', record.notes, ORDER_LIMITS.notes);

  let lines: CleanLine[] | null = null;
  if (record.lines !== undefined && record.lines !== null) {
    if (!Array.isArray(record.lines)) c.fail('lines', 'invalid_choice');
    else if (record.lines.length > ORDER_LIMITS.lines) c.fail('lines', 'too_long');
    else lines = record.lines.map((raw: unknown, index) => parseLine(c, raw, `lines.${index}`));
  }
  return { clean: { id: id as number | null, fields, lines }, fields: c.fields };
}

function parseLine(c: Checker, raw: unknown, prefix: string): CleanLine {
  const line = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const id = line.id === undefined || line.id === null ? null : line.id;
  if (id !== null && !isId(id)) c.fail(`${prefix}.id`, 'invalid_choice');
  if (!isId(line.productId)) c.fail(`${prefix}.productId`, 'required');
  const quantity = c.integer(`${prefix}.quantity`, line.quantity, 1, ORDER_LIMITS.quantity);
  const unitPriceMinor =
    line.unitPriceMinor === undefined || line.unitPriceMinor === null
      ? null
      : c.integer(`${prefix}.unitPriceMinor`, line.unitPriceMinor, 0, ORDER_LIMITS.unitPriceMinor);
  const discountBp =
    line.discountBp === undefined || line.discountBp === null
      ? 0
      : c.integer(`${prefix}.discountBp`, line.discountBp, 0, 10000);
  return {
    id: id as number | null,
    productId: line.productId as number,
    description: c.text(`${prefix}.description`, line.description, ORDER_LIMITS.text),
    quantity,
    unitPriceMinor,
    discountBp,
  };
}

export interface ExistingLine {
  id: number;
  productId: number;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discountBp: number;
}

/**
 * Checks what the final order points at and fills each line's default price. `existingLines` are the
 * order's lines before the save (empty for a new order). Throws a 'validation' DomainError listing every
 * problem; returns the lines with their prices settled.
 */
export function checkReferences(
  db: Database,
  orderId: number | null,
  order: OrderFields,
  lines: CleanLine[],
  existingLines: ExistingLine[],
  given: FieldErrors,
): (CleanLine & { unitPriceMinor: number })[] {
  const c = new Checker();
  Object.assign(c.fields, given);
  const found = (sql: string, id: number) => one(db, sql, [id]) !== null;

  if (isId(order.customerId) && !found('SELECT 1 FROM customers WHERE id = ?', order.customerId))
    c.fail('customerId', 'not_found');
  if (order.contactId !== null) {
    const contact = one(db, 'SELECT customer_id FROM contacts WHERE id = ?', [order.contactId]);
    if (!contact) c.fail('contactId', 'not_found');
    else if (Number(contact.customer_id) !== order.customerId) c.fail('contactId', 'invalid_choice');
  }
  if (order.opportunityId !== null && !found('SELECT 1 FROM opportunities WHERE id = ?', order.opportunityId))
    c.fail('opportunityId', 'not_found');
  if (order.ownerId !== null && !found('SELECT 1 FROM users WHERE id = ?', order.ownerId))
    c.fail('ownerId', 'not_found');
  if (order.orderNo !== null) {
    const taken = one(db, 'SELECT id FROM orders WHERE order_no = ? AND id IS NOT ?', [
      order.orderNo,
      orderId,
    ]);
    if (taken) c.fail('orderNo', 'duplicate');
  }

  const byId = new Map(existingLines.map((line) => [line.id, line]));
  const seen = new Set<number>();
  const settled = lines.map((line, index) => {
    const prefix = `lines.${index}`;
    let unitPriceMinor = line.unitPriceMinor ?? 0;
    const before = line.id === null ? undefined : byId.get(line.id);
    if (line.id !== null && (!before || seen.has(line.id))) c.fail(`${prefix}.id`, 'not_found');
    if (line.id !== null) seen.add(line.id);
    if (!isId(line.productId)) return { ...line, unitPriceMinor };
    const product: Row | null = one(db, 'SELECT active, price_minor, currency FROM products WHERE id = ?', [
      line.productId,
    ]);
    if (!product) {
      c.fail(`${prefix}.productId`, 'not_found');
      return { ...line, unitPriceMinor };
    }
    // A line already on the order may keep a product that has since been withdrawn; a new one may not.
    const newProduct = !before || before.productId !== line.productId;
    if (newProduct && Number(product.active) !== 1) c.fail(`${prefix}.productId`, 'inactive');
    if (line.unitPriceMinor === null) {
      // The list price only means something in the product's own currency.
      if (product.currency !== order.currency) c.fail(`${prefix}.unitPriceMinor`, 'required');
      else unitPriceMinor = Number(product.price_minor);
    }
    if (line.quantity * unitPriceMinor > ORDER_LIMITS.lineGrossMinor)
      c.fail(`${prefix}.quantity`, 'out_of_range');
    return { ...line, unitPriceMinor };
  });

  const keys = Object.keys(c.fields);
  if (keys.length > 0)
    throw new DomainError('validation', `The order was not saved: check ${keys.join(', ')}.`, c.fields);
  return settled;
}
