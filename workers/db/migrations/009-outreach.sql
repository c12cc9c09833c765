-- Outreach (issue 5): email and survey templates, and the contact flags every send respects.
-- Merge fields ({{customer.name}} …) are validated by the worker (features/outreach/merge.ts), not here.
CREATE TABLE email_templates (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT    NOT NULL CHECK (name <> ''),
  subject     TEXT    NOT NULL CHECK (subject <> ''),
  body        TEXT    NOT NULL DEFAULT '',
  kind        TEXT    NOT NULL DEFAULT 'email' CHECK (kind IN ('email', 'survey')),
  created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX uq_email_templates_name ON email_templates (name);

-- Unsubscribed: the contact asked for no marketing mail. Do not contact: nobody should write at all.
-- Sends skip (and count) both.
ALTER TABLE contacts ADD COLUMN unsubscribed INTEGER NOT NULL DEFAULT 0 CHECK (unsubscribed IN (0, 1));
ALTER TABLE contacts ADD COLUMN do_not_contact INTEGER NOT NULL DEFAULT 0 CHECK (do_not_contact IN (0, 1));
