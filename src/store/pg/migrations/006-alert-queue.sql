-- Alert delivery queue: a dispatcher leases the deliveries it claims until lease_expires_at; only the lease
-- owner settles one, and an expired lease (its dispatcher died) is released for another claim.
ALTER TABLE alert_deliveries ADD COLUMN lease_owner TEXT;
ALTER TABLE alert_deliveries ADD COLUMN lease_expires_at TEXT;
CREATE INDEX alert_deliveries_leases ON alert_deliveries (lease_expires_at) WHERE lease_owner IS NOT NULL;
