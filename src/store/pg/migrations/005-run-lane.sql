-- A run's lane is fixed when it is queued (it was worked out from its target at claim time).
ALTER TABLE runs ADD COLUMN lane TEXT NOT NULL DEFAULT 'static' CHECK (lane IN ('static', 'browser'));
UPDATE runs SET lane = (
  SELECT CASE WHEN t.fetch_mode = 'auto' THEN coalesce(t.learned_mode, 'static') ELSE t.fetch_mode END
  FROM targets t WHERE t.id = runs.target_id);
-- Claiming takes the longest-due queued run of a lane.
CREATE INDEX runs_claim ON runs (status, lane, available_at, id);
DROP INDEX runs_queue;
