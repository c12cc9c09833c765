-- Workflow rules (features/workflow): the trigger's details and the "no activity yet" condition beside the
-- table migration 001 made, the log of runs, exactly-once firings of date rules, and the in-app inbox.

-- 001 allowed events created/updated/deleted/field_changed/scheduled. The trigger now lives in `trigger`
-- (JSON, features/workflow/api.ts WorkflowTrigger); `event` keeps its type for the index.
ALTER TABLE workflow_rules ADD COLUMN trigger_json TEXT NOT NULL DEFAULT '{"type":"created"}'
  CHECK (json_valid(trigger_json));
ALTER TABLE workflow_rules ADD COLUMN require_no_activity INTEGER NOT NULL DEFAULT 0
  CHECK (require_no_activity IN (0, 1));
-- The round-robin pointer of assign_owner actions: the last user given a record, per rule.
-- When the rule was last switched on: date rules fire for dates from then on, not for years of history.
ALTER TABLE workflow_rules ADD COLUMN armed_at TEXT;
ALTER TABLE workflow_rules ADD COLUMN last_assignee_id INTEGER REFERENCES users (id) ON DELETE SET NULL;

CREATE TABLE workflow_runs (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id       INTEGER REFERENCES workflow_rules (id) ON DELETE SET NULL,
  rule_name     TEXT    NOT NULL,
  entity        TEXT    NOT NULL,
  record_id     INTEGER NOT NULL,
  trigger_type  TEXT    NOT NULL,
  actions_done  INTEGER NOT NULL DEFAULT 0,
  result        TEXT    NOT NULL CHECK (result IN ('ok', 'failed')),
  message       TEXT    NOT NULL DEFAULT '',
  at            TEXT    NOT NULL
);
CREATE INDEX idx_workflow_runs_at ON workflow_runs (at);
CREATE INDEX idx_workflow_runs_rule ON workflow_runs (rule_id, at);

-- One row per date rule fired for a record's date: the UNIQUE makes a second tab's (or a second minute's)
-- attempt a no-op, and a changed date fires again.
CREATE TABLE workflow_firings (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  rule_id    INTEGER NOT NULL REFERENCES workflow_rules (id) ON DELETE CASCADE,
  record_id  INTEGER NOT NULL,
  due_date   TEXT    NOT NULL,
  fired_at   TEXT    NOT NULL,
  UNIQUE (rule_id, record_id, due_date)
);

CREATE TABLE inbox_notifications (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  message     TEXT    NOT NULL,
  entity      TEXT,
  record_id   INTEGER,
  rule_id     INTEGER REFERENCES workflow_rules (id) ON DELETE SET NULL,
  rule_name   TEXT    NOT NULL DEFAULT '',
  created_at  TEXT    NOT NULL,
  read_at     TEXT
);
CREATE INDEX idx_inbox_user_read ON inbox_notifications (user_id, read_at, created_at);

-- Date rules scan their field by range (contracts' end/renewal dates, leads' created_at, cases' sla_due and
-- activities' due_at are indexed already).
CREATE INDEX idx_opportunities_expected_close ON opportunities (expected_close);
