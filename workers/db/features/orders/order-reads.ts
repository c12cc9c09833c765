/** Reading an order with its lines, and the product picker's search. */
import type { Database } from 'sql.js';
import { DomainError } from '../../errors';
import { all, one } from '../../repositories/sql';
import type { OrderStatus, OrderWithLines, ProductChoice } from './api';
import { LINE_TOTAL_SQL } from './save-order';

export function getOrderWithLines(db: Database, orderId: number): OrderWithLines {
  const row = one(
    db,
    `SELECT o.*, c.name AS customer_name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?`,
    [orderId],
  );
  if (!row) throw new DomainError('not_found', `order ${orderId} does not exist`);
  const lines = all(
    db,
    `SELECT l.id, l.product_id, l.description, l.quantity, l.unit_price_minor, l.discount_bp,
            ${LINE_TOTAL_SQL} AS line_total, p.code, p.name, p.unit, p.stock
       FROM order_lines l JOIN products p ON p.id = l.product_id
      WHERE l.order_id = ? ORDER BY l.id`,
    [orderId],
  );
  return {
    id: Number(row.id),
    orderNo: row.order_no === null ? null : String(row.order_no),
    customerId: Number(row.customer_id),
    customerName: String(row.customer_name),
    contactId: row.contact_id === null ? null : Number(row.contact_id),
    opportunityId: row.opportunity_id === null ? null : Number(row.opportunity_id),
    orderDate: String(row.order_date),
    status: row.status as OrderStatus,
    currency: String(row.currency),
    totalMinor: Number(row.total_minor),
    ownerId: row.owner_id === null ? null : Number(row.owner_id),
    notes: String(row.notes),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
    lines: lines.map((line) => ({
      id: Number(line.id),
      productId: Number(line.product_id),
      productCode: String(line.code),
      productName: String(line.name),
      productUnit: String(line.unit),
      productStock: Number(line.stock),
      description: String(line.description),
      quantity: Number(line.quantity),
      unitPriceMinor: Number(line.unit_price_minor),
      discountBp: Number(line.discount_bp),
      lineTotalMinor: Number(line.line_total),
    })),
  };
}

export const MAX_PRODUCT_CHOICES = 50;

/** Code prefix matches first (people type codes from a price list), then other matches, by code. */
export function searchProducts(db: Database, text: unknown, limit: unknown): ProductChoice[] {
  const term = typeof text === 'string' ? text.trim() : '';
  const count =
    typeof limit === 'number' && Number.isSafeInteger(limit) && limit > 0
      ? Math.min(limit, MAX_PRODUCT_CHOICES)
      : 20;
  const escaped = term.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return all(
    db,
    `SELECT id, code, name, unit, price_minor, currency, stock FROM products
      WHERE active = 1 AND (code LIKE :contains ESCAPE '\\' OR name LIKE :contains ESCAPE '\\')
      ORDER BY (code LIKE :prefix ESCAPE '\\') DESC, code
      LIMIT :limit`,
    { ':contains': `%${escaped}%`, ':prefix': `${escaped}%`, ':limit': count },
  ).map((row) => ({
    id: Number(row.id),
    code: String(row.code),
    name: String(row.name),
    unit: String(row.unit),
    priceMinor: Number(row.price_minor),
    currency: String(row.currency),
    stock: Number(row.stock),
  }));
}
