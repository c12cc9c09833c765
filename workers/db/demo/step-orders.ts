/**
 * Demo step 4: orders and their lines over the last 24 months. Buyers are drawn by order weight (existing
 * customers buy most, prospects never), each within its own buying window; orders are generated in date
 * order, so ids and order numbers (SO20250614-003 / ORD-20250614-003) grow with the date. 1–5 distinct
 * products per order, list price or up to 15 % off; the order total is the sum of its lines.
 */
import type { Database } from 'sql.js';
import {
  type CustomerRow,
  DEMO_PROFILE,
  type DemoContext,
  PROGRESS_EVERY,
  insertReturningId,
  roundToMinute,
  workHours,
} from './demo-context';
import { DAY_MS, type Rng, WeightedPicker, isoDate, isoTimestamp } from './random';
import type { ProductRow } from './step-products';

export interface OrdersContext extends DemoContext {
  customers: readonly CustomerRow[];
  /** Picks the product of an order line (from the products step). */
  products: WeightedPicker<ProductRow>;
}

interface LineDraft {
  productId: number;
  quantity: number;
  unitPrice: number;
}

export function insertOrders(db: Database, rng: Rng, ctx: OrdersContext): void {
  const { text, zh, nowMs, summary, report } = ctx;
  const buyers = ctx.customers.filter((c) => c.orderWeight > 0);
  const buyerPicker = new WeightedPicker(
    buyers,
    buyers.map((c) => c.orderWeight),
  );
  const orderWindowMs = DEMO_PROFILE.orderMonths * 30.44 * DAY_MS;
  const totalOrders = DEMO_PROFILE.orders;
  const drafts: { buyer: CustomerRow; orderMs: number }[] = [];
  for (let i = 0; i < totalOrders; i++) {
    const buyer = buyerPicker.pick(rng);
    const from = Math.max(buyer.createdMs, nowMs - orderWindowMs);
    const to = Math.max(from, buyer.lostMs);
    // Uniform over the customer's buying window; growth comes from the customer base growing.
    let orderMs = workHours(from + rng.next() * (to - from), rng, zh ? 1 : 14);
    if (orderMs > nowMs) orderMs -= DAY_MS;
    drafts.push({ buyer, orderMs });
  }
  drafts.sort((a, b) => a.orderMs - b.orderMs || a.buyer.id - b.buyer.id);

  const insertOrder = db.prepare(
    `INSERT INTO orders (order_no, customer_id, contact_id, order_date, status, currency, total_minor, owner_id,
                         created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const insertLine = db.prepare(
    `INSERT INTO order_lines (order_id, product_id, quantity, unit_price_minor) VALUES (?, ?, ?, ?)`,
  );
  try {
    const orderNoPrefix = zh ? 'SO' : 'ORD-';
    // Per date, not per run of equal dates: clamping to the customer's creation can put a date out of order,
    // and restarting its count then repeated an order number (seed 7 did).
    const perDay = new Map<string, number>();
    report({ phase: 'orders', done: 0, total: totalOrders });
    for (let i = 0; i < drafts.length; i++) {
      const { buyer, orderMs: rawMs } = drafts[i]!;
      // Never after `now`, never before the customer existed (office-hours rounding may cross either).
      const orderMs = Math.max(Math.min(rawMs, nowMs), buyer.createdMs);
      const ageDays = (nowMs - orderMs) / DAY_MS;
      const orderDate = isoDate(orderMs);
      const daySeq = (perDay.get(orderDate) ?? 0) + 1;
      perDay.set(orderDate, daySeq);
      const orderNo = `${orderNoPrefix}${orderDate.replaceAll('-', '')}-${String(daySeq).padStart(3, '0')}`;

      // Lines first, so the order is inserted once with its final total.
      const lines: LineDraft[] = [];
      const lineCount = pickLineCount(rng);
      for (let l = 0; l < lineCount; l++) {
        const product = ctx.products.pick(rng);
        if (lines.some((line) => line.productId === product.id)) continue;
        const quantity =
          product.maxQty === 1 ? 1 : rng.between(1, Math.max(1, Math.round(product.maxQty * rng.next())));
        // Negotiated unit price: list price most of the time, up to 15 % off for some deals.
        const unitPrice = rng.chance(0.7)
          ? product.price
          : Math.round((product.price * rng.between(85, 99)) / 100);
        lines.push({ productId: product.id, quantity, unitPrice });
      }
      let total = 0;
      for (const line of lines) total += line.quantity * line.unitPrice;

      const status = orderStatus(rng, ageDays);
      const updatedMs = roundToMinute(orderMs + Math.min(ageDays, rng.next() * 20) * DAY_MS);
      const orderId = insertReturningId(insertOrder, [
        orderNo,
        buyer.id,
        buyer.contactIds.length > 0 ? buyer.contactIds[0]! : null,
        orderDate,
        status,
        text.currency,
        total,
        buyer.ownerId,
        isoTimestamp(orderMs),
        isoTimestamp(updatedMs),
      ]);
      for (const line of lines) insertLine.run([orderId, line.productId, line.quantity, line.unitPrice]);
      buyer.orders.push({ id: orderId, ms: orderMs, totalMinor: total, productId: lines[0]!.productId });
      summary.orders++;
      if ((i + 1) % PROGRESS_EVERY === 0) report({ phase: 'orders', done: i + 1, total: totalOrders });
    }
    report({ phase: 'orders', done: summary.orders, total: totalOrders });
  } finally {
    insertOrder.free();
    insertLine.free();
  }
}

function pickLineCount(rng: Rng): number {
  const x = rng.next();
  return x < 0.35 ? 1 : x < 0.6 ? 2 : x < 0.8 ? 3 : x < 0.93 ? 4 : 5;
}

function orderStatus(rng: Rng, ageDays: number): string {
  if (rng.chance(0.04)) return 'cancelled';
  if (ageDays < 7) return rng.pick(['draft', 'confirmed', 'confirmed', 'shipped']);
  if (ageDays < 30) return rng.pick(['confirmed', 'shipped', 'shipped', 'completed']);
  return 'completed';
}
