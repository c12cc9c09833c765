-- 001 (part 3 of 3) · service and platform: cases, knowledge base, campaign members, activities,
-- relationships, surveys, custom fields, saved views, workflow rules, audit log.
-- Conventions: see 001-initial-people.sql.

CREATE TABLE cases (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  subject      TEXT    NOT NULL CHECK (subject <> ''),
  description  TEXT    NOT NULL DEFAULT '',
  type         TEXT    NOT NULL DEFAULT 'inquiry' CHECK (type IN ('inquiry', 'complaint', 'after_sales')),
  priority     TEXT    NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  status       TEXT    NOT NULL DEFAULT 'open'
               CHECK (status IN ('open', 'in_progress', 'waiting', 'resolved', 'closed')),
  customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  contact_id   INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  order_id     INTEGER REFERENCES orders (id) ON DELETE SET NULL,
  product_id   INTEGER REFERENCES products (id) ON DELETE SET NULL,
  owner_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  sla_due      TEXT,
  resolved_at  TEXT,
  resolution   TEXT    NOT NULL DEFAULT '',
  csat         INTEGER CHECK (csat BETWEEN 1 AND 5),
  created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_cases_customer_created ON cases (customer_id, created_at);
CREATE INDEX idx_cases_status_sla ON cases (status, sla_due);
CREATE INDEX idx_cases_owner_status ON cases (owner_id, status, sla_due);
CREATE INDEX idx_cases_contact ON cases (contact_id);
CREATE INDEX idx_cases_order ON cases (order_id);
CREATE INDEX idx_cases_product ON cases (product_id);

CREATE TABLE knowledge_articles (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  title       TEXT    NOT NULL COLLATE NOCASE CHECK (title <> ''),
  body        TEXT    NOT NULL DEFAULT '',
  category    TEXT    NOT NULL DEFAULT '',
  tags        TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  status      TEXT    NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  author_id   INTEGER REFERENCES users (id) ON DELETE SET NULL,
  views       INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
  created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_knowledge_articles_category_title ON knowledge_articles (category, title);
CREATE INDEX idx_knowledge_articles_author ON knowledge_articles (author_id);

-- A member is a customer, a contact or a lead (exactly one).
CREATE TABLE campaign_members (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  campaign_id   INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  customer_id   INTEGER REFERENCES customers (id) ON DELETE CASCADE,
  contact_id    INTEGER REFERENCES contacts (id) ON DELETE CASCADE,
  lead_id       INTEGER REFERENCES leads (id) ON DELETE CASCADE,
  response      TEXT    NOT NULL DEFAULT 'pending'
                CHECK (response IN ('pending', 'sent', 'opened', 'responded', 'attended', 'declined',
                                    'converted')),
  responded_at  TEXT,
  created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK ((customer_id IS NOT NULL) + (contact_id IS NOT NULL) + (lead_id IS NOT NULL) = 1)
);
CREATE INDEX idx_campaign_members_campaign ON campaign_members (campaign_id, response);
CREATE UNIQUE INDEX uq_campaign_members_customer ON campaign_members (customer_id, campaign_id)
  WHERE customer_id IS NOT NULL;
CREATE UNIQUE INDEX uq_campaign_members_contact ON campaign_members (contact_id, campaign_id)
  WHERE contact_id IS NOT NULL;
CREATE UNIQUE INDEX uq_campaign_members_lead ON campaign_members (lead_id, campaign_id)
  WHERE lead_id IS NOT NULL;

CREATE TABLE activities (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  type            TEXT    NOT NULL CHECK (type IN ('call', 'meeting', 'email', 'note', 'task')),
  subject         TEXT    NOT NULL CHECK (subject <> ''),
  body            TEXT    NOT NULL DEFAULT '',
  due_at          TEXT,
  done            INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  done_at         TEXT,
  customer_id     INTEGER REFERENCES customers (id) ON DELETE CASCADE,
  contact_id      INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  opportunity_id  INTEGER REFERENCES opportunities (id) ON DELETE SET NULL,
  lead_id         INTEGER REFERENCES leads (id) ON DELETE SET NULL,
  case_id         INTEGER REFERENCES cases (id) ON DELETE SET NULL,
  owner_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_activities_customer_due ON activities (customer_id, due_at);
CREATE INDEX idx_activities_owner_done_due ON activities (owner_id, done, due_at);
CREATE INDEX idx_activities_done_due ON activities (done, due_at);
CREATE INDEX idx_activities_contact ON activities (contact_id);
CREATE INDEX idx_activities_opportunity ON activities (opportunity_id);
CREATE INDEX idx_activities_lead ON activities (lead_id);
CREATE INDEX idx_activities_case ON activities (case_id);

-- Directed: "customer_id regards related_customer_id as a friend/colleague/client".
CREATE TABLE customer_relationships (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id          INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  related_customer_id  INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  type                 TEXT    NOT NULL CHECK (type IN ('friend', 'colleague', 'client')),
  health               TEXT    NOT NULL DEFAULT 'normal' CHECK (health IN ('good', 'normal', 'deteriorating')),
  notes                TEXT    NOT NULL DEFAULT '',
  created_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at           TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (customer_id <> related_customer_id)
);
CREATE UNIQUE INDEX uq_customer_relationships ON customer_relationships (customer_id, related_customer_id, type);
CREATE INDEX idx_customer_relationships_related ON customer_relationships (related_customer_id);

CREATE TABLE surveys (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT    NOT NULL CHECK (name <> ''),
  description  TEXT    NOT NULL DEFAULT '',
  status       TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'closed')),
  campaign_id  INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
  created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_surveys_campaign ON surveys (campaign_id);

-- Scores: csat and the four aspects 1–5, nps 0–10 (net promoter "how likely to recommend").
CREATE TABLE survey_responses (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  survey_id       INTEGER NOT NULL REFERENCES surveys (id) ON DELETE CASCADE,
  customer_id     INTEGER REFERENCES customers (id) ON DELETE SET NULL,
  contact_id      INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  case_id         INTEGER REFERENCES cases (id) ON DELETE SET NULL,
  responded_at    TEXT    NOT NULL,
  csat            INTEGER CHECK (csat BETWEEN 1 AND 5),
  nps             INTEGER CHECK (nps BETWEEN 0 AND 10),
  quality         INTEGER CHECK (quality BETWEEN 1 AND 5),
  reliability     INTEGER CHECK (reliability BETWEEN 1 AND 5),
  responsiveness  INTEGER CHECK (responsiveness BETWEEN 1 AND 5),
  price           INTEGER CHECK (price BETWEEN 1 AND 5),
  comment         TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX idx_survey_responses_survey ON survey_responses (survey_id, responded_at);
CREATE INDEX idx_survey_responses_customer ON survey_responses (customer_id, responded_at);
CREATE INDEX idx_survey_responses_contact ON survey_responses (contact_id);
CREATE INDEX idx_survey_responses_case ON survey_responses (case_id);

CREATE TABLE custom_field_definitions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  entity      TEXT    NOT NULL CHECK (entity IN ('customer', 'contact', 'lead', 'opportunity', 'product',
                                                 'order', 'contract', 'case', 'campaign')),
  key         TEXT    NOT NULL CHECK (key <> ''),
  label       TEXT    NOT NULL CHECK (label <> ''),
  type        TEXT    NOT NULL CHECK (type IN ('text', 'long_text', 'number', 'money', 'date', 'boolean',
                                               'choice', 'multi_choice')),
  -- Choices for choice/multi_choice, as a JSON array of strings.
  options     TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(options)),
  required    INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (entity, key)
);

-- One typed foreign key per entity instead of a polymorphic (entity, entity_id) pair, so a deleted record
-- takes its custom values with it through ON DELETE CASCADE. Exactly one of them is set, matching the
-- definition's entity. `value` is the text form: numbers and money (minor units) as decimal integers/reals,
-- dates ISO-8601, booleans '0'/'1', multi_choice a JSON array.
CREATE TABLE custom_field_values (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  definition_id   INTEGER NOT NULL REFERENCES custom_field_definitions (id) ON DELETE CASCADE,
  customer_id     INTEGER REFERENCES customers (id) ON DELETE CASCADE,
  contact_id      INTEGER REFERENCES contacts (id) ON DELETE CASCADE,
  lead_id         INTEGER REFERENCES leads (id) ON DELETE CASCADE,
  opportunity_id  INTEGER REFERENCES opportunities (id) ON DELETE CASCADE,
  product_id      INTEGER REFERENCES products (id) ON DELETE CASCADE,
  order_id        INTEGER REFERENCES orders (id) ON DELETE CASCADE,
  contract_id     INTEGER REFERENCES contracts (id) ON DELETE CASCADE,
  case_id         INTEGER REFERENCES cases (id) ON DELETE CASCADE,
  campaign_id     INTEGER REFERENCES campaigns (id) ON DELETE CASCADE,
  value           TEXT    NOT NULL DEFAULT '',
  CHECK ((customer_id IS NOT NULL) + (contact_id IS NOT NULL) + (lead_id IS NOT NULL)
         + (opportunity_id IS NOT NULL) + (product_id IS NOT NULL) + (order_id IS NOT NULL)
         + (contract_id IS NOT NULL) + (case_id IS NOT NULL) + (campaign_id IS NOT NULL) = 1)
);
CREATE INDEX idx_custom_field_values_definition ON custom_field_values (definition_id);
CREATE UNIQUE INDEX uq_cfv_customer ON custom_field_values (customer_id, definition_id) WHERE customer_id IS NOT NULL;
CREATE UNIQUE INDEX uq_cfv_contact ON custom_field_values (contact_id, definition_id) WHERE contact_id IS NOT NULL;
CREATE UNIQUE INDEX uq_cfv_lead ON custom_field_values (lead_id, definition_id) WHERE lead_id IS NOT NULL;
CREATE UNIQUE INDEX uq_cfv_opportunity ON custom_field_values (opportunity_id, definition_id)
  WHERE opportunity_id IS NOT NULL;
CREATE UNIQUE INDEX uq_cfv_product ON custom_field_values (product_id, definition_id) WHERE product_id IS NOT NULL;
CREATE UNIQUE INDEX uq_cfv_order ON custom_field_values (order_id, definition_id) WHERE order_id IS NOT NULL;
CREATE UNIQUE INDEX uq_cfv_contract ON custom_field_values (contract_id, definition_id) WHERE contract_id IS NOT NULL;
CREATE UNIQUE INDEX uq_cfv_case ON custom_field_values (case_id, definition_id) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX uq_cfv_campaign ON custom_field_values (campaign_id, definition_id) WHERE campaign_id IS NOT NULL;

-- A named list configuration. owner_id NULL = shared with everyone; a user's own views go with the user.
CREATE TABLE saved_views (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  entity      TEXT    NOT NULL CHECK (entity IN ('customer', 'contact', 'lead', 'opportunity', 'product',
                                                 'order', 'contract', 'case', 'campaign', 'activity')),
  name        TEXT    NOT NULL CHECK (name <> ''),
  owner_id    INTEGER REFERENCES users (id) ON DELETE CASCADE,
  filter      TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(filter)),
  sort        TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(sort)),
  columns     TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(columns)),
  is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_saved_views_entity ON saved_views (entity, position);
CREATE INDEX idx_saved_views_owner ON saved_views (owner_id);

-- "When <event> on <entity> and <conditions> then <actions>"; conditions/actions are JSON the rule engine
-- interprets (no code is ever stored).
CREATE TABLE workflow_rules (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  name         TEXT    NOT NULL CHECK (name <> ''),
  entity       TEXT    NOT NULL CHECK (entity IN ('customer', 'contact', 'lead', 'opportunity', 'order',
                                                  'contract', 'case', 'campaign', 'activity')),
  event        TEXT    NOT NULL CHECK (event IN ('created', 'updated', 'deleted', 'field_changed', 'scheduled')),
  conditions   TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(conditions)),
  actions      TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(actions)),
  enabled      INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  position     INTEGER NOT NULL DEFAULT 0,
  owner_id     INTEGER REFERENCES users (id) ON DELETE SET NULL,
  last_run_at  TEXT,
  created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_workflow_rules_entity_event ON workflow_rules (entity, event, position);
CREATE INDEX idx_workflow_rules_owner ON workflow_rules (owner_id);

-- Append-only. row_id has no foreign key on purpose: the history outlives the row it describes.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id      INTEGER REFERENCES users (id) ON DELETE SET NULL,
  at           TEXT    NOT NULL,
  table_name   TEXT    NOT NULL,
  row_id       INTEGER NOT NULL,
  action       TEXT    NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  before_json  TEXT    CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json   TEXT    CHECK (after_json IS NULL OR json_valid(after_json))
);
CREATE INDEX idx_audit_log_row ON audit_log (table_name, row_id, at);
CREATE INDEX idx_audit_log_at ON audit_log (at);
CREATE INDEX idx_audit_log_user ON audit_log (user_id, at);
