-- 20261201084234_sync_run_abandoned added this value but landed next to another migration whose
-- schema snapshot lacks it: this one carries the merged snapshot. IF NOT EXISTS makes it a no-op
-- where the earlier migration ran.
ALTER TYPE "SyncStatus" ADD VALUE IF NOT EXISTS 'ABANDONED';
