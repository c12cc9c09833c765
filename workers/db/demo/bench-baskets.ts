/**
 * Benchmark baskets: a catalogue of 200 products and order lines for the newest 100,000 orders (1–4
 * distinct products each, popularity Zipf-like through a 1,000-slot lookup table drawn from the seeded
 * Rng), so market-basket rules and "also bought" run at the size the analytics benchmark names. Set-based:
 * one INSERT … SELECT for the lines, one UPDATE that makes those orders' totals the sum of their lines.
 * Older bench orders keep `total_minor` only (see bench-orders.ts).
 */
import type { BenchContext } from './bench-context';
import { isoTimestamp } from './random';

export const BENCH_PRODUCTS = 200;
export const BENCH_BASKETS = 100_000;
const SLOTS = 1000;

export function insertBenchBaskets(ctx: BenchContext): void {
  const { db, rng, nowMs } = ctx;
  const insertProduct = ctx.prepare(
    `INSERT INTO products (code, name, category, price_minor, cost_minor, stock, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const created = isoTimestamp(nowMs - 800 * 86_400_000);
  const first = Number(db.exec('SELECT coalesce(max(id), 0) + 1 FROM products')[0]!.values[0]![0]);
  for (let p = 0; p < BENCH_PRODUCTS; p++) {
    const price = (5 + rng.int(995)) * 100;
    insertProduct.run([
      `B${String(p + 1).padStart(4, '0')}`,
      `Bench product ${p + 1}`,
      `C${p % 12}`,
      price,
      Math.round(price * 0.6),
      1_000_000,
      created,
      created,
    ]);
  }
  db.run('CREATE TEMP TABLE bench_slots (slot INTEGER PRIMARY KEY, product_id INTEGER NOT NULL)');
  try {
    const insertSlot = ctx.prepare('INSERT INTO temp.bench_slots (slot, product_id) VALUES (?, ?)');
    for (let s = 0; s < SLOTS; s++)
      insertSlot.run([s, first + Math.floor(BENCH_PRODUCTS * rng.next() ** 2.5)]);
    // Line j of order o draws slot hash(o, j) mod SLOTS; orders get 1 + hash mod 4 lines.
    db.run(
      `WITH recent AS (SELECT id FROM orders ORDER BY order_date DESC, id DESC LIMIT ${BENCH_BASKETS}),
            lines(j) AS (VALUES (0), (1), (2), (3))
       INSERT INTO order_lines (order_id, product_id, quantity, unit_price_minor)
       SELECT DISTINCT r.id, s.product_id, 1, p.price_minor
       FROM recent r JOIN lines l ON l.j <= (r.id * 2654435761) % 4294967291 % 4
       JOIN temp.bench_slots s ON s.slot = (r.id * 40503 + l.j * 2246822519) % 4294967291 % ${SLOTS}
       JOIN products p ON p.id = s.product_id`,
    );
    db.run(
      `UPDATE orders SET total_minor = (SELECT sum(quantity * unit_price_minor) FROM order_lines WHERE order_id = orders.id)
       WHERE id IN (SELECT DISTINCT order_id FROM order_lines)`,
    );
  } finally {
    db.run('DROP TABLE IF EXISTS temp.bench_slots');
  }
}
