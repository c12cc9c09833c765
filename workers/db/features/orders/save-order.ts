/**
 * Saving and deleting orders, with the stock they take. Runs inside one `engine.write`: anything thrown
 * rolls the whole write back, so a refused save changes no order, line or product.
 *
 * Stock follows what an order holds: a confirmed, shipped or completed order holds the quantity of each of
 * its lines; a draft or cancelled one holds nothing. A save moves each product's stock by the difference
 * between what the order held before and after, which covers every case at once — confirming, cancelling,
 * un-cancelling, adding or removing lines, changing a quantity or a line's product.
 */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one, run, type Row } from '../../repositories/sql';
import { STOCK_CONSUMING_STATUSES, type OrderSaveInput, type OrderStatus, type StockShortage } from './api';
import {
  checkReferences,
  parseOrderInput,
  type CleanLine,
  type ExistingLine,
  type OrderFields,
} from './validate-order';

/** One line's total in minor units: integer arithmetic rounds half up (all operands are ≥ 0). */
export const LINE_TOTAL_SQL = '(quantity * unit_price_minor * (10000 - discount_bp) + 5000) / 10000';

/** A save refused because products would go below zero; carries the details the UI shows per line. */
export class StockShortageError extends DomainError {
  constructor(readonly shortages: StockShortage[]) {
    const list = shortages
      .map((s) => `${s.productCode} ${s.productName}: ${s.available} in stock, ${s.requested} requested`)
      .join('; ');
    const fields = Object.fromEntries(
      shortages.flatMap((s) =>
        s.lines.map((index) => [`lines.${index}.quantity`, 'insufficient_stock' as const]),
      ),
    );
    super('insufficient_stock', `Not enough stock: ${list}.`, fields);
  }
}

const consumes = (status: OrderStatus) => STOCK_CONSUMING_STATUSES.includes(status);

function toFields(row: Row): OrderFields {
  return {
    orderNo: row.order_no === null ? null : String(row.order_no),
    customerId: Number(row.customer_id),
    contactId: row.contact_id === null ? null : Number(row.contact_id),
    opportunityId: row.opportunity_id === null ? null : Number(row.opportunity_id),
    orderDate: String(row.order_date),
    status: row.status as OrderStatus,
    currency: String(row.currency),
    ownerId: row.owner_id === null ? null : Number(row.owner_id),
    notes: String(row.notes),
  };
}

function readLines(db: Database, orderId: number): ExistingLine[] {
  return all(
    db,
    `SELECT id, product_id, description, quantity, unit_price_minor, discount_bp
       FROM order_lines WHERE order_id = ? ORDER BY id`,
    [orderId],
  ).map((row) => ({
    id: Number(row.id),
    productId: Number(row.product_id),
    description: String(row.description),
    quantity: Number(row.quantity),
    unitPriceMinor: Number(row.unit_price_minor),
    discountBp: Number(row.discount_bp),
  }));
}

/** Quantity per product that an order in `status` with `lines` takes from the stock. */
function holdings(
  status: OrderStatus,
  lines: readonly { productId: number; quantity: number }[],
): Map<number, number> {
  const held = new Map<number, number>();
  if (!consumes(status)) return held;
  for (const line of lines) held.set(line.productId, (held.get(line.productId) ?? 0) + line.quantity);
  return held;
}

const sameOrder = (a: OrderFields, b: OrderFields) =>
  (Object.keys(a) as (keyof OrderFields)[]).every((key) => a[key] === b[key]);

const sameLine = (a: ExistingLine, b: CleanLine & { unitPriceMinor: number }) =>
  a.productId === b.productId &&
  a.description === b.description &&
  a.quantity === b.quantity &&
  a.unitPriceMinor === b.unitPriceMinor &&
  a.discountBp === b.discountBp;

/**
 * Moves stock from what the order held (`before`) to what it holds now (`after`). Checks every product
 * first and throws one error naming all that fall short, so the user sees every problem at once.
 */
function moveStock(
  db: Database,
  before: Map<number, number>,
  after: Map<number, number>,
  lines: readonly { productId: number }[],
  now: string,
): void {
  const products = new Set([...before.keys(), ...after.keys()]);
  const moves: [number, number][] = [];
  const shortages: StockShortage[] = [];
  for (const productId of products) {
    const delta = (after.get(productId) ?? 0) - (before.get(productId) ?? 0);
    if (delta === 0) continue;
    moves.push([productId, delta]);
    if (delta < 0) continue;
    const product = one(db, 'SELECT code, name, stock FROM products WHERE id = ?', [productId])!;
    if (Number(product.stock) - delta >= 0) continue;
    shortages.push({
      productId,
      productCode: String(product.code),
      productName: String(product.name),
      available: Number(product.stock) + (before.get(productId) ?? 0),
      requested: after.get(productId) ?? 0,
      lines: lines.flatMap((line, index) => (line.productId === productId ? [index] : [])),
    });
  }
  if (shortages.length > 0) throw new StockShortageError(shortages);
  for (const [productId, delta] of moves)
    run(db, 'UPDATE products SET stock = stock - ?, updated_at = ? WHERE id = ?', [delta, now, productId]);
}

/** Creates or updates an order and its lines; returns the order's id. */
export function saveOrder(
  db: Database,
  input: OrderSaveInput | unknown,
  now: string,
  actorId: number | null,
): number {
  const { clean, fields: shapeErrors } = parseOrderInput(input);
  const existingRow = clean.id === null ? null : one(db, 'SELECT * FROM orders WHERE id = ?', [clean.id]);
  if (clean.id !== null && !existingRow)
    throw new DomainError('not_found', `order ${clean.id} does not exist`);

  const before: OrderFields | null = existingRow ? toFields(existingRow) : null;
  const defaults: OrderFields = {
    orderNo: null,
    customerId: 0,
    contactId: null,
    opportunityId: null,
    orderDate: '',
    status: 'draft',
    currency: 'CNY',
    ownerId: actorId,
    notes: '',
  };
  const order: OrderFields = { ...(before ?? defaults), ...clean.fields };
  const oldLines = clean.id === null ? [] : readLines(db, clean.id);
  const lines = checkReferences(db, clean.id, order, clean.lines ?? oldLines, oldLines, shapeErrors);

  const orderValues = [
    order.orderNo,
    order.customerId,
    order.contactId,
    order.opportunityId,
    order.orderDate,
    order.status,
    order.currency,
    order.ownerId,
    order.notes,
  ];
  let orderId: number;
  if (clean.id === null) {
    orderId = Number(
      one(
        db,
        `INSERT INTO orders (order_no, customer_id, contact_id, opportunity_id, order_date, status, currency,
           owner_id, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [...orderValues, now, now],
      )!.id,
    );
  } else {
    orderId = clean.id;
  }

  let linesChanged = false;
  if (clean.lines !== null) {
    const kept = new Set(lines.flatMap((line) => (line.id === null ? [] : [line.id])));
    for (const old of oldLines) {
      if (kept.has(old.id)) continue;
      run(db, 'DELETE FROM order_lines WHERE id = ?', [old.id]);
      linesChanged = true;
    }
    const oldById = new Map(oldLines.map((line) => [line.id, line]));
    for (const line of lines) {
      const values = [line.productId, line.description, line.quantity, line.unitPriceMinor, line.discountBp];
      const old = line.id === null ? undefined : oldById.get(line.id);
      if (!old) {
        run(
          db,
          `INSERT INTO order_lines (order_id, product_id, description, quantity, unit_price_minor, discount_bp)
           VALUES (?, ?, ?, ?, ?, ?)`,
          [orderId, ...values],
        );
        linesChanged = true;
      } else if (!sameLine(old, line)) {
        run(
          db,
          `UPDATE order_lines SET product_id = ?, description = ?, quantity = ?, unit_price_minor = ?,
             discount_bp = ? WHERE id = ?`,
          [...values, old.id],
        );
        linesChanged = true;
      }
    }
  }

  if (clean.id === null || linesChanged || !sameOrder(before!, order)) {
    // The total is recomputed from the stored lines on every save, so it cannot drift from them.
    run(
      db,
      `UPDATE orders SET order_no = ?, customer_id = ?, contact_id = ?, opportunity_id = ?, order_date = ?,
         status = ?, currency = ?, owner_id = ?, notes = ?, updated_at = ?,
         total_minor = (SELECT coalesce(sum(${LINE_TOTAL_SQL}), 0) FROM order_lines WHERE order_id = ?)
       WHERE id = ?`,
      [...orderValues, now, orderId, orderId],
    );
  }

  moveStock(db, holdings(before?.status ?? 'draft', oldLines), holdings(order.status, lines), lines, now);
  return orderId;
}

/**
 * Deletes a draft or cancelled order. An order that holds stock is refused: the stock would have to come
 * back with the delete, and undoing the delete (which only re-inserts the deleted rows) would not take it
 * again. Cancelling first returns the stock as an ordinary, undoable edit.
 */
export function deleteOrder(db: Database, orderId: number): number {
  const row = one(db, 'SELECT status, order_no FROM orders WHERE id = ?', [orderId]);
  if (!row) throw new DomainError('not_found', `order ${orderId} does not exist`);
  if (consumes(row.status as OrderStatus))
    throw new DomainError(
      'order_holds_stock',
      `order ${String(row.order_no ?? orderId)} is ${String(row.status)} and holds stock; cancel it first`,
    );
  const lines = Number(one(db, 'SELECT count(*) AS n FROM order_lines WHERE order_id = ?', [orderId])!.n);
  run(db, 'DELETE FROM orders WHERE id = ?', [orderId]);
  return 1 + lines;
}

/**
 * Stock moves when only an order's status changes outside the order editor (the generic record form,
 * bulk edit): the same rule as {@link saveOrder}, with the order's lines as they are.
 */
export function moveStockForStatusChange(
  db: Database,
  orderId: number,
  from: OrderStatus,
  to: OrderStatus,
  now: string,
): void {
  const lines = readLines(db, orderId);
  moveStock(db, holdings(from, lines), holdings(to, lines), lines, now);
}

/** Deletes through the generic lists follow {@link deleteOrder}'s rule: orders holding stock are refused. */
export function refuseDeletingStockHolders(db: Database, orderIds: readonly number[]): void {
  const holding = one(
    db,
    `SELECT count(*) AS n, min(coalesce(order_no, id)) AS first FROM orders
     WHERE id IN (SELECT value FROM json_each(?)) AND status IN ('confirmed', 'shipped', 'completed')`,
    [JSON.stringify(orderIds)],
  );
  if (Number(holding?.n ?? 0) > 0)
    throw new DomainError(
      'order_holds_stock',
      `${Number(holding!.n)} of these orders (first: ${String(holding!.first)}) hold stock; cancel them first`,
    );
}
