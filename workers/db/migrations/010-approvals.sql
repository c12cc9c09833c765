-- 010 · approvals and workspace settings.
-- app_settings: one row per setting the workspace chooses (key → text value), read with a default when the
-- row is missing so a setting can be added without a migration. The first one is the discount above which
-- an opportunity needs a manager's approval (basis points; 1500 = 15 %).
-- approvals: one request per "this record needs a decision" (today: an opportunity's discount above the
-- threshold). A request is pending until a manager approves or rejects it; a later change of the discount
-- re-opens it (a pending request is updated, a decided one is followed by a new one, so history is kept).
-- `withdrawn` = the discount went back to the threshold or below before anyone decided.
-- record_id has no foreign key (the entity varies); the approval gate deletes a record's requests with it.

CREATE TABLE IF NOT EXISTS app_settings (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  key         TEXT    NOT NULL UNIQUE CHECK (key <> ''),
  value       TEXT    NOT NULL DEFAULT '',
  updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT OR IGNORE INTO app_settings (key, value) VALUES ('approvals.discount_threshold_bp', '1500');

CREATE TABLE approvals (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  entity        TEXT    NOT NULL CHECK (entity IN ('opportunity')),
  record_id     INTEGER NOT NULL,
  -- what is asked for: the discount as it was when the request was (re-)opened
  discount_bp   INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
  requested_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  -- the record owner's manager; NULL = any manager or admin may decide
  approver_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
  status        TEXT    NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  comment       TEXT    NOT NULL DEFAULT '',
  decided_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
  decided_at    TEXT,
  created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_approvals_record ON approvals (entity, record_id, id);
CREATE INDEX idx_approvals_status ON approvals (status, id);
CREATE INDEX idx_approvals_approver ON approvals (approver_id, status);
CREATE INDEX idx_approvals_requested_by ON approvals (requested_by);
CREATE INDEX idx_approvals_decided_by ON approvals (decided_by);
