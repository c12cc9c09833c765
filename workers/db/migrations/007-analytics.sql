-- 007 · analytics written back onto customers, so a segment or a churn risk can be filtered, saved as a
-- view and targeted by a campaign like any other column. Both are derived values that an analysis run
-- replaces wholesale: they are recorded per run in analysis_runs (who, when, parameters), not per row in
-- the audit log. churn_risk is the model's probability of churn in whole percent; NULL = not scored.
ALTER TABLE customers ADD COLUMN segment TEXT NOT NULL DEFAULT '';
ALTER TABLE customers ADD COLUMN churn_risk INTEGER CHECK (churn_risk BETWEEN 0 AND 100);
CREATE INDEX idx_customers_segment_name ON customers (segment, name);
CREATE INDEX idx_customers_churn_risk ON customers (churn_risk);

CREATE TABLE analysis_runs (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  kind          TEXT    NOT NULL CHECK (kind IN ('segments', 'churn_risk')),
  -- What was written: the analysis parameters and a summary (segment sizes, model quality), as JSON.
  params_json   TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(params_json)),
  summary_json  TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(summary_json)),
  customers     INTEGER NOT NULL DEFAULT 0,
  user_id       INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_analysis_runs_kind ON analysis_runs (kind, created_at);
