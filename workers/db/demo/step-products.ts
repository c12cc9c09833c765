/**
 * Demo step 2: the product catalogue (catalog.ts) with locale names, list prices in the locale's currency,
 * a cost of 45–78 % of the price and some stock; returns a picker in which popular products sell more often.
 */
import type { Database } from 'sql.js';
import { PRODUCTS, PRODUCT_CATEGORIES } from './catalog';
import { type DemoContext, insertReturningId } from './demo-context';
import { DAY_MS, type Rng, WeightedPicker, isoTimestamp } from './random';

/** A product as the order step needs it. */
export interface ProductRow {
  id: number;
  /** List price in minor units. */
  price: number;
  /** Typical quantity per order line. */
  maxQty: number;
}

export function insertProducts(db: Database, rng: Rng, ctx: DemoContext): WeightedPicker<ProductRow> {
  const { text, lang } = ctx;
  const insertProduct = db.prepare(
    `INSERT INTO products (code, name, category, unit, price_minor, cost_minor, currency, stock, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const products: ProductRow[] = [];
  try {
    for (let i = 0; i < PRODUCTS.length; i++) {
      const seedRow = PRODUCTS[i]!;
      const price = text.price(seedRow);
      const cost = Math.round((price * rng.between(45, 78)) / 100);
      const stock = seedRow.maxQty === 1 ? 0 : rng.between(0, 400);
      const added = isoTimestamp(ctx.workspaceStartMs + rng.int(60) * DAY_MS);
      const id = insertReturningId(insertProduct, [
        `P-${1001 + i}`,
        text.productName(seedRow),
        PRODUCT_CATEGORIES[seedRow.cat]![lang],
        seedRow.unit[lang],
        price,
        cost,
        text.currency,
        stock,
        added,
        added,
      ]);
      products.push({ id, price, maxQty: seedRow.maxQty });
    }
  } finally {
    insertProduct.free();
  }
  return new WeightedPicker(
    products,
    products.map(() => 0.3 + rng.next()),
  );
}
