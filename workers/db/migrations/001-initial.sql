-- 001 · the whole data model of DESIGN.md, so later work adds screens, not schema churn.
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

-- Configurable sales pipeline. `code` names the seeded stages so the UI can translate them while the user
-- has not renamed them; user-added stages have code NULL.
CREATE TABLE pipeline_stages (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  code         TEXT    UNIQUE,
  name         TEXT    NOT NULL UNIQUE CHECK (name <> ''),
  position     INTEGER NOT NULL,
  probability  INTEGER NOT NULL DEFAULT 0 CHECK (probability BETWEEN 0 AND 100),
  is_won       INTEGER NOT NULL DEFAULT 0 CHECK (is_won IN (0, 1)),
  is_lost      INTEGER NOT NULL DEFAULT 0 CHECK (is_lost IN (0, 1)),
  CHECK (NOT (is_won = 1 AND is_lost = 1))
);
CREATE INDEX idx_pipeline_stages_position ON pipeline_stages (position);
INSERT INTO pipeline_stages (code, name, position, probability, is_won, is_lost) VALUES
  ('qualification', '初步接洽', 1, 10, 0, 0),
  ('needs_analysis', '需求分析', 2, 25, 0, 0),
  ('proposal', '方案报价', 3, 50, 0, 0),
  ('negotiation', '商务谈判', 4, 75, 0, 0),
  ('won', '赢单', 5, 100, 1, 0),
  ('lost', '输单', 6, 0, 0, 1);

CREATE TABLE campaigns (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  name               TEXT    NOT NULL CHECK (name <> ''),
  channel            TEXT    NOT NULL DEFAULT 'event'
                     CHECK (channel IN ('event', 'email', 'sms', 'social', 'advertising', 'webinar', 'other')),
  status             TEXT    NOT NULL DEFAULT 'planned'
                     CHECK (status IN ('planned', 'active', 'completed', 'cancelled')),
  start_date         TEXT,
  end_date           TEXT,
  location           TEXT    NOT NULL DEFAULT '',
  budget_minor       INTEGER NOT NULL DEFAULT 0 CHECK (budget_minor >= 0),
  actual_cost_minor  INTEGER NOT NULL DEFAULT 0 CHECK (actual_cost_minor >= 0),
  currency           TEXT    NOT NULL DEFAULT 'CNY',
  -- A saved customer filter (the CustomerFilter shape) selecting the target segment.
  target_segment     TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(target_segment)),
  description        TEXT    NOT NULL DEFAULT '',
  owner_id           INTEGER REFERENCES users (id) ON DELETE SET NULL,
  created_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at         TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX idx_campaigns_start ON campaigns (start_date);
CREATE INDEX idx_campaigns_owner ON campaigns (owner_id);

CREATE TABLE leads (
  id                        INTEGER PRIMARY KEY AUTOINCREMENT,
  name                      TEXT    NOT NULL COLLATE NOCASE CHECK (name <> ''),
  company                   TEXT    NOT NULL DEFAULT '' COLLATE NOCASE,
  title                     TEXT    NOT NULL DEFAULT '',
  phone                     TEXT    NOT NULL DEFAULT '',
  email                     TEXT    NOT NULL DEFAULT '' COLLATE NOCASE,
  source                    TEXT    NOT NULL DEFAULT 'other'
                            CHECK (source IN ('website', 'referral', 'event', 'campaign', 'cold_call',
                                              'advertising', 'social', 'partner', 'other')),
  status                    TEXT    NOT NULL DEFAULT 'new'
                            CHECK (status IN ('new', 'contacted', 'qualified', 'unqualified', 'converted')),
  score                     INTEGER NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
  owner_id                  INTEGER REFERENCES users (id) ON DELETE SET NULL,
  campaign_id               INTEGER REFERENCES campaigns (id) ON DELETE SET NULL,
  follow_up_on              TEXT,
  notes                     TEXT    NOT NULL DEFAULT '',
  converted_at              TEXT,
  converted_customer_id     INTEGER REFERENCES customers (id) ON DELETE SET NULL,
  converted_contact_id      INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  converted_opportunity_id  INTEGER REFERENCES opportunities (id) ON DELETE SET NULL,
  created_at                TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at                TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_leads_status_follow_up ON leads (status, follow_up_on);
CREATE INDEX idx_leads_owner_follow_up ON leads (owner_id, follow_up_on);
CREATE INDEX idx_leads_created ON leads (created_at);
CREATE INDEX idx_leads_campaign ON leads (campaign_id);
CREATE INDEX idx_leads_converted_customer ON leads (converted_customer_id);
CREATE INDEX idx_leads_converted_contact ON leads (converted_contact_id);
CREATE INDEX idx_leads_converted_opportunity ON leads (converted_opportunity_id);

-- Probability defaults from the stage but may be overridden per deal; won/lost is the stage's flag.
CREATE TABLE opportunities (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  name            TEXT    NOT NULL CHECK (name <> ''),
  customer_id     INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  contact_id      INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  lead_id         INTEGER REFERENCES leads (id) ON DELETE SET NULL,
  stage_id        INTEGER NOT NULL REFERENCES pipeline_stages (id) ON DELETE RESTRICT,
  amount_minor    INTEGER NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
  currency        TEXT    NOT NULL DEFAULT 'CNY',
  probability     INTEGER NOT NULL DEFAULT 0 CHECK (probability BETWEEN 0 AND 100),
  discount_bp     INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
  expected_close  TEXT,
  closed_at       TEXT,
  won_reason      TEXT    NOT NULL DEFAULT '',
  lost_reason     TEXT    NOT NULL DEFAULT '',
  owner_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
  notes           TEXT    NOT NULL DEFAULT '',
  created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_opportunities_customer ON opportunities (customer_id, expected_close);
CREATE INDEX idx_opportunities_stage_close ON opportunities (stage_id, expected_close);
CREATE INDEX idx_opportunities_owner_close ON opportunities (owner_id, expected_close);
CREATE INDEX idx_opportunities_contact ON opportunities (contact_id);
CREATE INDEX idx_opportunities_lead ON opportunities (lead_id);

CREATE TABLE products (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  code         TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (code <> ''),
  name         TEXT    NOT NULL COLLATE NOCASE CHECK (name <> ''),
  category     TEXT    NOT NULL DEFAULT '',
  unit         TEXT    NOT NULL DEFAULT '',
  description  TEXT    NOT NULL DEFAULT '',
  price_minor  INTEGER NOT NULL DEFAULT 0 CHECK (price_minor >= 0),
  cost_minor   INTEGER NOT NULL DEFAULT 0 CHECK (cost_minor >= 0),
  currency     TEXT    NOT NULL DEFAULT 'CNY',
  -- May go negative: an order can be taken before stock arrives.
  stock        INTEGER NOT NULL DEFAULT 0,
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_products_name ON products (name);
CREATE INDEX idx_products_category_name ON products (category, name);

CREATE TABLE orders (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  order_no        TEXT,
  customer_id     INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  contact_id      INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
  opportunity_id  INTEGER REFERENCES opportunities (id) ON DELETE SET NULL,
  order_date      TEXT    NOT NULL,
  status          TEXT    NOT NULL DEFAULT 'confirmed'
                  CHECK (status IN ('draft', 'confirmed', 'shipped', 'completed', 'cancelled')),
  currency        TEXT    NOT NULL DEFAULT 'CNY',
  -- Sum of the lines after discounts, kept by the writer so lists and analytics need no join.
  total_minor     INTEGER NOT NULL DEFAULT 0 CHECK (total_minor >= 0),
  owner_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
  notes           TEXT    NOT NULL DEFAULT '',
  created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_orders_customer_date ON orders (customer_id, order_date);
CREATE INDEX idx_orders_date ON orders (order_date);
CREATE INDEX idx_orders_owner_date ON orders (owner_id, order_date);
-- Partial: most orders have no order number, contact or opportunity, and indexing NULLs cost ~130 MB
-- at 5,000,000 orders. `x = ?` implies `x IS NOT NULL`, so FK lookups still use these indexes.
CREATE UNIQUE INDEX uq_orders_order_no ON orders (order_no) WHERE order_no IS NOT NULL;
CREATE INDEX idx_orders_contact ON orders (contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX idx_orders_opportunity ON orders (opportunity_id) WHERE opportunity_id IS NOT NULL;

-- Lines are in their order's currency. A product that was sold cannot be deleted (deactivate it instead).
CREATE TABLE order_lines (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  order_id          INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_id        INTEGER NOT NULL REFERENCES products (id) ON DELETE RESTRICT,
  description       TEXT    NOT NULL DEFAULT '',
  quantity          INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_minor  INTEGER NOT NULL CHECK (unit_price_minor >= 0),
  discount_bp       INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000)
);
CREATE INDEX idx_order_lines_order ON order_lines (order_id);
CREATE INDEX idx_order_lines_product ON order_lines (product_id);

CREATE TABLE contracts (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  contract_no     TEXT    UNIQUE,
  title           TEXT    NOT NULL DEFAULT '',
  customer_id     INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
  opportunity_id  INTEGER REFERENCES opportunities (id) ON DELETE SET NULL,
  order_id        INTEGER REFERENCES orders (id) ON DELETE SET NULL,
  status          TEXT    NOT NULL DEFAULT 'active'
                  CHECK (status IN ('draft', 'active', 'expired', 'terminated', 'renewed')),
  start_date      TEXT    NOT NULL,
  end_date        TEXT,
  renewal_date    TEXT,
  amount_minor    INTEGER NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
  currency        TEXT    NOT NULL DEFAULT 'CNY',
  owner_id        INTEGER REFERENCES users (id) ON DELETE SET NULL,
  notes           TEXT    NOT NULL DEFAULT '',
  created_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX idx_contracts_customer ON contracts (customer_id, start_date);
CREATE INDEX idx_contracts_end ON contracts (end_date);
CREATE INDEX idx_contracts_renewal ON contracts (renewal_date);
CREATE INDEX idx_contracts_owner ON contracts (owner_id);
CREATE INDEX idx_contracts_opportunity ON contracts (opportunity_id);
CREATE INDEX idx_contracts_order ON contracts (order_id);

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
