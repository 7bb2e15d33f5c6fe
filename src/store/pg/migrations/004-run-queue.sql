-- Run queue details: at most one pending run per target, lease recoveries, fetch facts, screenshot type.
CREATE UNIQUE INDEX runs_one_pending ON runs (target_id) WHERE status IN ('queued', 'running');
CREATE INDEX runs_leases ON runs (status, lease_expires_at);
ALTER TABLE runs ADD COLUMN lease_expiries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN http_status INTEGER;
ALTER TABLE runs ADD COLUMN final_url TEXT;
ALTER TABLE runs ADD COLUMN robots_overridden BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE runs ADD COLUMN retry_of BIGINT REFERENCES runs (id) ON DELETE SET NULL;
ALTER TABLE snapshots ADD COLUMN screenshot_type TEXT CHECK (screenshot_type IN ('image/jpeg', 'image/png'));
