-- segment_mark_dirty finds each marked prospect's account by one primary-key probe per id
-- (LATERAL … OFFSET 0, which the planner cannot flatten), not by a hash join over a scan of every
-- prospect: with a thousand ids and 100,000 prospects the planner preferred the scan, paid by
-- every statement a sync batch makes (five or six per webinar), and more as accounts grow
-- (1,000 re-marks on 40,000 prospects under load: 107–112 → 72–85 ms).
CREATE OR REPLACE FUNCTION segment_mark_dirty(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  hop int := COALESCE(NULLIF(current_setting('gw.segment_depth', true), ''), '0')::int;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  INSERT INTO "SegmentDirtyProspect" AS d ("prospectId", "accountId", "seq", "depth", "dirtiedAt")
  SELECT p."id", p."accountId", nextval('segment_dirty_seq'), hop, now()
  FROM (SELECT DISTINCT unnest(ids) AS "id") u
  CROSS JOIN LATERAL (SELECT "id", "accountId" FROM "Prospect" WHERE "id" = u."id" OFFSET 0) p
  ORDER BY p."id"
  ON CONFLICT ("prospectId") DO UPDATE SET
    "seq" = EXCLUDED."seq",
    -- A mark being processed now carries the new change's depth; a pending one keeps the smaller.
    "depth" = CASE WHEN d."claimedUntil" IS NOT NULL THEN EXCLUDED."depth" ELSE LEAST(d."depth", EXCLUDED."depth") END,
    "dirtiedAt" = now()
  -- A pending mark already has its prospect re-checked (see segment_mark_keeps_pending).
  WHERE d."claimedUntil" IS NOT NULL OR d."depth" > EXCLUDED."depth";
  PERFORM pg_notify('segment_dirty', '');
END $$;
