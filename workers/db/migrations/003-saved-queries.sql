-- 003 · saved SQL console queries; one can be pinned to the dashboard as a table or chart widget.
-- Conventions: see 001-initial-people.sql.

CREATE TABLE saved_queries (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT    NOT NULL CHECK (name <> '' AND length(name) <= 100),
  sql         TEXT    NOT NULL CHECK (sql <> ''),
  -- NULL = not on the dashboard.
  widget      TEXT    CHECK (widget IS NULL OR widget IN ('table', 'bar', 'line')),
  created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX uq_saved_queries_name ON saved_queries (name);
CREATE INDEX idx_saved_queries_widget ON saved_queries (widget) WHERE widget IS NOT NULL;
