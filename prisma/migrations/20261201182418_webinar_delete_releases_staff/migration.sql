-- A webinar row deleted outright (not cancelled: the webinar itself, or its connector or account)
-- takes its WebinarStaff rows with it (ON DELETE CASCADE), and its panelists and co-organizers
-- stayed filtered: webinar_cancel_releases_staff only sees an UPDATE to CANCELLED. Staff rows
-- whose webinar no longer exists now re-apply the exclusions to their people when they go, as a
-- cancellation does (released unless another webinar or rule still excludes them; hand-filtered
-- prospects are left alone). Staff rows removed while their webinar stands are the sync's own
-- replacement of a webinar's lists: recordWebinarStaff re-applies the rules itself, after the
-- new rows are in. Both triggers release through one function.

-- Releases the prospects with these (account, lower-cased e-mail) pairs whom the rules filtered
-- and no longer exclude. It writes both flags itself (prospect_apply_exclusions stands aside) for
-- this statement only: the caller's own setting is put back.
CREATE FUNCTION release_former_staff(accounts uuid[], emails text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  previous text := current_setting('gw.applying_exclusions', true);
BEGIN
  PERFORM set_config('gw.applying_exclusions', 'on', true);
  UPDATE "Prospect" p SET "filtered" = false, "filteredByExclusion" = false, "updatedAt" = now()
  FROM (SELECT DISTINCT * FROM unnest(accounts, emails) AS g("accountId", "email")) gone
  WHERE p."accountId" = gone."accountId" AND lower(p."email") = gone."email"
    AND p."filteredByExclusion" AND NOT prospect_is_excluded(p."accountId", p."email");
  PERFORM set_config('gw.applying_exclusions', COALESCE(previous, ''), true);
END $$;

CREATE OR REPLACE FUNCTION webinar_cancel_releases_staff() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  accounts uuid[];
  emails text[];
BEGIN
  SELECT array_agg(s."accountId"), array_agg(s."email") INTO accounts, emails
  FROM "WebinarStaff" s JOIN new_rows n ON n."id" = s."webinarId" JOIN old_rows o ON o."id" = n."id"
  WHERE n."status" = 'CANCELLED' AND o."status" <> 'CANCELLED';
  IF accounts IS NOT NULL THEN PERFORM release_former_staff(accounts, emails); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION webinar_staff_deleted_releases_staff() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  accounts uuid[];
  emails text[];
BEGIN
  SELECT array_agg(o."accountId"), array_agg(o."email") INTO accounts, emails
  FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM "Webinar" w WHERE w."id" = o."webinarId");
  IF accounts IS NOT NULL THEN PERFORM release_former_staff(accounts, emails); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER webinar_staff_deleted_releases_staff AFTER DELETE ON "WebinarStaff" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION webinar_staff_deleted_releases_staff();
