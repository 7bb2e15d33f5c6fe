-- Businesses, products, targets; the offer pipeline (runs, evidence, snapshots, changes); users and tokens.
CREATE TABLE businesses (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  own INTEGER NOT NULL DEFAULT 0 CHECK (own IN (0, 1)),
  website TEXT,
  locale TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX businesses_single_own ON businesses (own) WHERE own = 1;

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  sku TEXT,
  gtin TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE targets (
  id INTEGER PRIMARY KEY,
  business_id INTEGER NOT NULL REFERENCES businesses (id) ON DELETE CASCADE,
  product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  url TEXT NOT NULL,
  fetch_mode TEXT NOT NULL CHECK (fetch_mode IN ('static', 'browser', 'auto')),
  -- for fetch_mode auto: the mode that last worked
  learned_mode TEXT CHECK (learned_mode IN ('static', 'browser')),
  schedule TEXT NOT NULL,
  locale TEXT,
  currency TEXT,
  recipe TEXT,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  respect_robots INTEGER NOT NULL DEFAULT 1 CHECK (respect_robots IN (0, 1)),
  -- price changes smaller than this decimal amount are not recorded as changes
  min_price_delta TEXT,
  health TEXT NOT NULL DEFAULT 'ok' CHECK (health IN ('ok', 'broken')),
  health_reason TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_run_at TEXT,
  last_success_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX targets_business ON targets (business_id);
CREATE INDEX targets_product ON targets (product_id);
CREATE INDEX targets_due ON targets (enabled, next_run_at);

CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  target_id INTEGER NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  code TEXT,
  error TEXT,
  trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual', 'catch_up', 'retry')),
  attempt INTEGER NOT NULL DEFAULT 1,
  fetch_mode TEXT,
  queued_at TEXT NOT NULL,
  available_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  lease_owner TEXT,
  lease_expires_at TEXT,
  queue_ms INTEGER,
  fetch_ms INTEGER,
  extract_ms INTEGER,
  snapshot_id INTEGER REFERENCES snapshots (id)
);
CREATE INDEX runs_queue ON runs (status, available_at);
CREATE INDEX runs_target ON runs (target_id, id);

-- HTML evidence, stored once per content hash
CREATE TABLE evidence (
  hash TEXT PRIMARY KEY,
  html_gz BLOB NOT NULL,
  size INTEGER NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY,
  target_id INTEGER NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  run_id INTEGER REFERENCES runs (id) ON DELETE SET NULL,
  captured_at TEXT NOT NULL,
  final_url TEXT,
  name TEXT,
  price TEXT,
  regular_price TEXT,
  currency TEXT,
  availability TEXT CHECK (availability IN ('InStock', 'OutOfStock')),
  sku TEXT,
  gtin TEXT,
  brand TEXT,
  promotions TEXT NOT NULL DEFAULT '[]',
  fields TEXT NOT NULL DEFAULT '{}',
  provenance TEXT NOT NULL DEFAULT '{}',
  html_hash TEXT REFERENCES evidence (hash),
  screenshot BLOB
);
CREATE INDEX snapshots_target ON snapshots (target_id, id);

CREATE TABLE changes (
  id INTEGER PRIMARY KEY,
  target_id INTEGER NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  kind TEXT NOT NULL,
  old TEXT,
  new TEXT,
  delta TEXT,
  delta_percent REAL,
  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
  previous_snapshot_id INTEGER REFERENCES snapshots (id) ON DELETE SET NULL,
  detected_at TEXT NOT NULL
);
CREATE INDEX changes_target ON changes (target_id, id);
CREATE INDEX changes_detected ON changes (detected_at, id);

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'marketer', 'auditor', 'viewer')),
  created_at TEXT NOT NULL
);

CREATE TABLE tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- sha256 of the token; the token itself is shown once and never stored
  hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
