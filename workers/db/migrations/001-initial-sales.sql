-- 001 (part 2 of 3) · sales: pipeline, campaigns, leads, opportunities, products, orders, contracts.
-- Conventions: see 001-initial-people.sql.

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

