-- 001 (part 1 of 3) · the whole data model of DESIGN.md, so later work adds screens, not schema churn;
-- split by domain into three files that run as one migration (people here: users, customers, contacts).
--
-- Conventions every later migration keeps (tests/unit/migrations.test.ts checks the first two):
-- * every table has `id INTEGER PRIMARY KEY AUTOINCREMENT`: the persistence engine keys every captured row
--   by `id`, and AUTOINCREMENT never reuses an id, so an undone delete can re-insert its old id;
-- * no BLOB columns (row images travel as JSON in the log);
-- * money is INTEGER minor units (分/cents) next to `currency TEXT NOT NULL DEFAULT 'CNY'`;
--   percentages that need fractions are INTEGER basis points (`*_bp`, 10000 = 100 %);
-- * dates are ISO-8601 TEXT (`YYYY-MM-DD` for calendar dates, `YYYY-MM-DDTHH:MM:SS.sssZ` for instants);
-- * JSON is TEXT with a json_valid CHECK; enums are TEXT with a CHECK;
-- * owned children CASCADE with their parent; references to users and other loose links SET NULL;
-- * every foreign-key column is the leading column of some index, or a parent delete scans the child table.
-- Deleting a customer removes everything that belongs to it (contacts, opportunities, orders and their lines,
-- contracts, cases, activities, relationships, campaign memberships, custom field values); the engine's undo
-- restores them. Survey responses and converted leads keep their rows and lose the link.
-- Migrations run inside a transaction managed by migrations/index.ts: no BEGIN/COMMIT here.

CREATE TABLE users (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT    NOT NULL COLLATE NOCASE CHECK (name <> ''),
  email       TEXT    NOT NULL DEFAULT '' COLLATE NOCASE,
  role        TEXT    NOT NULL DEFAULT 'rep' CHECK (role IN ('rep', 'manager', 'admin')),
  team        TEXT    NOT NULL DEFAULT '',
  manager_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_users_name ON users (name);
CREATE INDEX idx_users_manager ON users (manager_id);

-- The customer list sorts and filters 1,000,000 rows. Each index below serves one ORDER BY of
-- repositories/customers.ts (sort key, then name where ties are common, then id), so a page is read from an
-- index instead of sorting the table. Sorting by owner walks idx_users_name and, per owner,
-- idx_customers_owner_name. Filtering by stage uses the lifecycle-rank index (which therefore also serves
-- "stage = x ORDER BY name"); with any other sort the sort index is scanned and the stage tested per row.
-- Every index costs ~30 MB at a million rows, so combinations beyond these are left to a scan.
-- Names and emails compare case-insensitively (ASCII; Chinese sorts by code point).
CREATE TABLE customers (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kind        TEXT    NOT NULL DEFAULT 'company' CHECK (kind IN ('company', 'person')),
  name        TEXT    NOT NULL COLLATE NOCASE CHECK (name <> ''),
  stage       TEXT    NOT NULL DEFAULT 'prospect' CHECK (stage IN ('prospect', 'new', 'existing', 'lost')),
  owner_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  industry    TEXT    NOT NULL DEFAULT '',
  address     TEXT    NOT NULL DEFAULT '',
  phone       TEXT    NOT NULL DEFAULT '',
  email       TEXT    NOT NULL DEFAULT '' COLLATE NOCASE,
  notes       TEXT    NOT NULL DEFAULT '',
  created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_customers_name ON customers (name);
CREATE INDEX idx_customers_kind_name ON customers (kind, name);
-- Stage order is the lifecycle (prospect → new → existing → lost), not the alphabet. The expression must
-- stay identical to STAGE_RANK in repositories/customers.ts.
CREATE INDEX idx_customers_stage_rank_name ON customers (
  (CASE stage WHEN 'prospect' THEN 0 WHEN 'new' THEN 1 WHEN 'existing' THEN 2 ELSE 3 END), name);
CREATE INDEX idx_customers_owner_name ON customers (owner_id, name);
CREATE INDEX idx_customers_industry_name ON customers (industry, name);
CREATE INDEX idx_customers_phone ON customers (phone);
CREATE INDEX idx_customers_email ON customers (email);
CREATE INDEX idx_customers_created ON customers (created_at);
CREATE INDEX idx_customers_updated ON customers (updated_at);
-- "My customers, recently changed/added": one owner among many, sorted by time. Without these the sort
-- index is walked past other owners' rows (26 ms a page at 1M customers; 2–4 ms with them).
CREATE INDEX idx_customers_owner_updated ON customers (owner_id, updated_at);
CREATE INDEX idx_customers_owner_created ON customers (owner_id, created_at);

CREATE TABLE contacts (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  name         TEXT    NOT NULL COLLATE NOCASE CHECK (name <> ''),
  title        TEXT    NOT NULL DEFAULT '',
  phone        TEXT    NOT NULL DEFAULT '',
  email        TEXT    NOT NULL DEFAULT '' COLLATE NOCASE,
  notes        TEXT    NOT NULL DEFAULT '',
  is_primary   INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_contacts_customer ON contacts (customer_id, is_primary DESC, name);
CREATE INDEX idx_contacts_name ON contacts (name);
-- At most one primary contact per customer; the repository clears the old one first.
CREATE UNIQUE INDEX uq_contacts_primary ON contacts (customer_id) WHERE is_primary = 1;

