-- 011 · covering indexes for the analytics' reads.
-- Every analytics page starts from orderData() (workers/db/features/analytics/columns.ts): each customer's
-- id and creation day, and the customer, day number and amount of each sale in one currency. At 1,000,000
-- customers / 5,000,000 orders (4.8M sales) SQLite spent 2.8 s walking the wide order rows and computing
-- julianday() per row, and 0.8 s more on the customer rows. These indexes hold exactly the columns read,
-- with the day already computed, so SQLite reads only them: orderData() as a whole went from 9.7 s to
-- 1.9-2.2 s in Node (with the raw stepping of repositories/numeric-rows.ts). At that size they take 126 MB
-- and ~25 s to build: once when a workspace opens on this version (the migration's foreign-key check adds
-- ~20 s), and in every benchmark load (which rebuilds all indexes after the bulk insert).
--
-- The indexed expressions and the WHERE clause must stay textually the same as the queries' (SALE_DAY,
-- SALES_READ and CUSTOMERS_READ_SQL in columns.ts; tests/unit/numeric-rows.test.ts checks both queries read
-- only these indexes). `total_minor >= 0` is always true (a CHECK constraint): it makes the sales index
-- opt-in, because SQLite only uses a partial index for queries that state its WHERE terms, and other sales
-- queries (campaign revenue, the overview's figures) got far slower plans through it. Changing any of this
-- needs a new migration that drops these indexes and creates the new ones.

CREATE INDEX idx_orders_sales_read ON orders (
  currency,
  customer_id,
  CAST(julianday(substr(order_date, 1, 10)) - 2440587.5 AS INTEGER),
  total_minor
) WHERE status NOT IN ('draft', 'cancelled') AND total_minor >= 0;

CREATE INDEX idx_customers_created_day ON customers (
  id,
  CAST(julianday(substr(created_at, 1, 10)) - 2440587.5 AS INTEGER)
);
