-- Compare: a pointer to each target's latest snapshot and a data version for cached comparisons (both kept by
-- triggers), indexes for change lookups.
-- Alerts: rules, queued webhook deliveries with their attempt log, target health events.
CREATE TABLE latest_snapshots (
  target_id INTEGER PRIMARY KEY,
  snapshot_id INTEGER
);
INSERT INTO latest_snapshots (target_id, snapshot_id) SELECT target_id, max(id) FROM snapshots GROUP BY target_id;

-- Versions for cached comparisons, bumped by triggers: per product for its targets and snapshots, and one
-- for all products when businesses or products change.
CREATE TABLE compare_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO compare_version (id, version) VALUES (1, 0);
CREATE TABLE product_compare_versions (product_id INTEGER PRIMARY KEY, version INTEGER NOT NULL);

CREATE TRIGGER snapshots_latest_insert AFTER INSERT ON snapshots BEGIN
  INSERT INTO latest_snapshots (target_id, snapshot_id) VALUES (new.target_id, new.id)
    ON CONFLICT (target_id) DO UPDATE SET snapshot_id = excluded.snapshot_id
    WHERE snapshot_id IS NULL OR excluded.snapshot_id > snapshot_id;
  INSERT INTO product_compare_versions (product_id, version) SELECT product_id, 1 FROM targets WHERE id = new.target_id
    ON CONFLICT (product_id) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER snapshots_latest_delete AFTER DELETE ON snapshots BEGIN
  UPDATE latest_snapshots SET snapshot_id = (SELECT max(id) FROM snapshots WHERE target_id = old.target_id)
    WHERE target_id = old.target_id AND snapshot_id = old.id;
  DELETE FROM latest_snapshots WHERE target_id = old.target_id AND snapshot_id IS NULL;
  UPDATE product_compare_versions SET version = version + 1
    WHERE product_id = (SELECT product_id FROM targets WHERE id = old.target_id);
END;

CREATE TRIGGER compare_targets_insert AFTER INSERT ON targets BEGIN
  INSERT INTO product_compare_versions (product_id, version) VALUES (new.product_id, 1)
    ON CONFLICT (product_id) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER compare_targets_delete AFTER DELETE ON targets BEGIN
  UPDATE product_compare_versions SET version = version + 1 WHERE product_id = old.product_id;
END;
CREATE TRIGGER compare_targets_update
  AFTER UPDATE OF business_id, product_id, schedule, recipe, enabled, last_success_at ON targets BEGIN
  UPDATE product_compare_versions SET version = version + 1 WHERE product_id IN (old.product_id, new.product_id);
END;
CREATE TRIGGER compare_businesses_insert AFTER INSERT ON businesses BEGIN UPDATE compare_version SET version = version + 1; END;
CREATE TRIGGER compare_businesses_update AFTER UPDATE ON businesses BEGIN UPDATE compare_version SET version = version + 1; END;
CREATE TRIGGER compare_businesses_delete AFTER DELETE ON businesses BEGIN UPDATE compare_version SET version = version + 1; END;
CREATE TRIGGER compare_products_insert AFTER INSERT ON products BEGIN UPDATE compare_version SET version = version + 1; END;
CREATE TRIGGER compare_products_update AFTER UPDATE ON products BEGIN UPDATE compare_version SET version = version + 1; END;
CREATE TRIGGER compare_products_delete AFTER DELETE ON products BEGIN UPDATE compare_version SET version = version + 1; END;

-- child-side indexes of the snapshot foreign keys (deleting snapshots must not scan all changes)
CREATE INDEX changes_snapshot ON changes (snapshot_id);
CREATE INDEX changes_previous_snapshot ON changes (previous_snapshot_id) WHERE previous_snapshot_id IS NOT NULL;
CREATE INDEX changes_kind ON changes (kind, detected_at, id);

CREATE TABLE alert_rules (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  event TEXT NOT NULL CHECK (event IN ('undercut', 'price_change', 'out_of_stock', 'back_in_stock',
    'promotion_started', 'promotion_ended', 'field_changed', 'target_broken', 'target_recovered')),
  -- scope: both null = global
  product_id INTEGER REFERENCES products (id) ON DELETE CASCADE,
  business_id INTEGER REFERENCES businesses (id) ON DELETE CASCADE,
  -- decimal thresholds: percent for undercut / price_change, amount for undercut
  min_percent TEXT,
  min_amount TEXT,
  -- field_changed: the recipe field key, null = any
  field_key TEXT,
  webhook_url TEXT NOT NULL,
  secret TEXT NOT NULL,
  format TEXT NOT NULL DEFAULT 'json' CHECK (format IN ('json', 'slack')),
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX alert_rules_event ON alert_rules (enabled, event);

CREATE TABLE target_health_events (
  id INTEGER PRIMARY KEY,
  target_id INTEGER NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  health TEXT NOT NULL CHECK (health IN ('ok', 'broken')),
  reason TEXT,
  at TEXT NOT NULL
);
CREATE INDEX target_health_events_target ON target_health_events (target_id, id);

CREATE TABLE alert_deliveries (
  id INTEGER PRIMARY KEY,
  rule_id INTEGER NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
  -- what fired the rule (a change, a change seen against one competitor, a health event): fires once
  dedupe_key TEXT NOT NULL,
  event TEXT NOT NULL,
  target_id INTEGER REFERENCES targets (id) ON DELETE SET NULL,
  change_id INTEGER REFERENCES changes (id) ON DELETE SET NULL,
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  delivered_at TEXT,
  UNIQUE (rule_id, dedupe_key)
);
CREATE INDEX alert_deliveries_due ON alert_deliveries (status, next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_deliveries_change ON alert_deliveries (change_id) WHERE change_id IS NOT NULL;
CREATE INDEX alert_deliveries_target ON alert_deliveries (target_id) WHERE target_id IS NOT NULL;

CREATE TABLE alert_attempts (
  id INTEGER PRIMARY KEY,
  delivery_id INTEGER NOT NULL REFERENCES alert_deliveries (id) ON DELETE CASCADE,
  attempt INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  status_code INTEGER,
  error TEXT,
  ok INTEGER NOT NULL CHECK (ok IN (0, 1))
);
CREATE INDEX alert_attempts_delivery ON alert_attempts (delivery_id, id);
