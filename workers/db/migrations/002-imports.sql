-- 002 · imports: past imports (so each can be undone) and saved column mappings.
-- Conventions: see 001-initial-people.sql.

-- One row per import. Inserted rows are kept as id ranges per table ({"contacts": [[first, last], …]}):
-- one import writes its rows in one transaction, so ids per table are nearly contiguous and 100,000
-- inserts cost a few bytes here instead of 100,000 rows.
CREATE TABLE import_batches (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  file_name          TEXT    NOT NULL DEFAULT '',
  record_type        TEXT    NOT NULL CHECK (record_type IN ('customers', 'contacts', 'leads', 'products', 'orders')),
  format             TEXT    NOT NULL DEFAULT 'csv' CHECK (format IN ('csv', 'vcard')),
  inserted           INTEGER NOT NULL DEFAULT 0 CHECK (inserted >= 0),
  updated            INTEGER NOT NULL DEFAULT 0 CHECK (updated >= 0),
  skipped            INTEGER NOT NULL DEFAULT 0 CHECK (skipped >= 0),
  invalid            INTEGER NOT NULL DEFAULT 0 CHECK (invalid >= 0),
  customers_created  INTEGER NOT NULL DEFAULT 0 CHECK (customers_created >= 0),
  inserted_ids       TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(inserted_ids)),
  created_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  undone_at          TEXT
);
CREATE INDEX idx_import_batches_created ON import_batches (created_at);

-- The values an import overwrote, one row per updated record, so undo can put them back.
CREATE TABLE import_batch_updates (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id  INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
  tbl       TEXT    NOT NULL CHECK (tbl IN ('customers', 'contacts', 'leads', 'products', 'orders')),
  row_id    INTEGER NOT NULL,
  before    TEXT    NOT NULL CHECK (json_valid(before))
);
CREATE INDEX idx_import_batch_updates_batch ON import_batch_updates (batch_id);

-- Named column mappings: header text as in the file → field, per record type.
CREATE TABLE import_mappings (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT    NOT NULL UNIQUE CHECK (name <> ''),
  record_type  TEXT    NOT NULL CHECK (record_type IN ('customers', 'contacts', 'leads', 'products', 'orders')),
  columns      TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(columns)),
  created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Duplicate detection looks contacts and leads up by email once per imported row; without these an
-- import of 100,000 contacts would scan the contacts table 100,000 times. Partial: most have no email.
CREATE INDEX idx_contacts_email ON contacts (email) WHERE email <> '';
CREATE INDEX idx_leads_email ON leads (email) WHERE email <> '';
