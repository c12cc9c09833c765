/**
 * Helpers for writing scenario files compactly (the shipped JSON is generated from these sources by
 * `node scripts/scenarios/build.mjs`). The JSON format itself is documented in public/scenarios/README.md.
 * Tables are `// prettier-ignore`d so each row stays on one line and reads like a spreadsheet.
 */

/** A text in both languages: `{"zh-CN": zh, "en": en}`. */
export const L = (zh, en) => ({ 'zh-CN': zh, en });

/** A date `days` from the day the scenario is loaded (negative = in the past), optionally at a time. */
export const d = (days, at) => (at === undefined ? { $days: days } : { $days: days, at });

/**
 * Rows from a column list and value tuples; `undefined` leaves a column out (its default applies), so
 * optional columns can share one list.
 */
export function rows(columns, tuples) {
  return tuples.map((tuple) => {
    if (tuple.length !== columns.length)
      throw new Error(
        `row ${JSON.stringify(tuple)} has ${tuple.length} values for ${columns.length} columns`,
      );
    const row = {};
    columns.forEach((column, i) => {
      if (tuple[i] !== undefined) row[column] = tuple[i];
    });
    return row;
  });
}

/** Order lines from `[orderId, [[productId, quantity, discountBp?], …]]`, priced from the product list. */
export function orderLines(firstId, products, orders) {
  let id = firstId;
  const price = new Map(products.map((p) => [p.id, p.price_minor]));
  return orders.flatMap(([orderId, lines]) =>
    lines.map(([productId, quantity, discountBp = 0]) => {
      if (!price.has(productId)) throw new Error(`order ${orderId}: no product ${productId}`);
      return {
        id: id++,
        order_id: orderId,
        product_id: productId,
        quantity,
        unit_price_minor: price.get(productId),
        discount_bp: discountBp,
      };
    }),
  );
}
