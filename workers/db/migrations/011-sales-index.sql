-- 011 · a covering index for the analytics' read of the sales.
-- Every analytics page starts from orderData() (workers/db/features/analytics/columns.ts): the customer,
-- day number and amount of each sale in one currency. At 1,000,000 customers / 5,000,000 orders (4.8M
-- sales) SQLite spent 2.8 s walking the wide order rows and computing julianday() per row. This index holds
-- exactly the columns read, with the day already computed, so SQLite reads only it: orderData() as a whole
-- went from 9.7 s to ~2.5 s in Node (with the raw stepping of repositories/numeric-rows.ts). At that size it
-- takes ~110 MB and ~20 s to build: once when a workspace opens on this version, and in every benchmark
-- load (which rebuilds all indexes after the bulk insert). A second index, customers (id, creation day),
-- saved 0.3–0.5 s of the same read but was dropped before release: cold starts of the 1M workspace measured
-- ~5 s slower with it (not explained; every customer-list query is a candidate user of a non-partial index).
--
-- The indexed expression and the WHERE clause must stay textually the same as the query's (SALE_DAY and
-- SALES_READ in columns.ts; tests/unit/numeric-rows.test.ts checks the query reads only this index). `total_minor >= 0` is always true (a CHECK constraint): it makes the sales index
-- opt-in, because SQLite only uses a partial index for queries that state its WHERE terms, and other sales
-- queries (campaign revenue, the overview's figures) got far slower plans through it. Changing any of this
-- needs a new migration that drops these indexes and creates the new ones.

CREATE INDEX idx_orders_sales_read ON orders (
  currency,
  customer_id,
  CAST(julianday(substr(order_date, 1, 10)) - 2440587.5 AS INTEGER),
  total_minor
) WHERE status NOT IN ('draft', 'cancelled') AND total_minor >= 0;
