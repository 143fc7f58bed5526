-- Staff of a webinar GoTo deleted (CANCELLED by the sync, discovery or a webhook) no longer make
-- anybody a panelist or co-organizer: the role exclusions read only webinars that still stand,
-- and cancelling one re-applies the exclusions to its staff at once (released unless another
-- webinar or rule still excludes them; hand-filtered prospects are left alone). The rows stay:
-- a webinar that comes back is re-read by its next sync.
CREATE OR REPLACE FUNCTION prospect_is_excluded(account uuid, email text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "ExclusionRule" e
    WHERE e."accountId" = account AND (
      (e."kind" = 'EMAIL' AND e."value" = lower(btrim(email)))
      OR (e."kind" = 'EMAIL_DOMAIN' AND e."value" = split_part(lower(btrim(email)), '@', 2))
      OR (e."kind" = 'GOTO_ROLE' AND e."value" = 'ORGANIZER' AND EXISTS (
        SELECT 1 FROM "Connector" c WHERE c."accountId" = account AND lower(c."organizerEmail") = lower(btrim(email))))
      OR (e."kind" = 'GOTO_ROLE' AND e."value" IN ('PANELIST', 'CO_ORGANIZER') AND EXISTS (
        SELECT 1 FROM "WebinarStaff" s JOIN "Webinar" w ON w."id" = s."webinarId"
        -- The function's own parameter, by name: a bare "email" here would be WebinarStaff's column.
        WHERE s."accountId" = account AND s."email" = lower(btrim(prospect_is_excluded.email)) AND s."role"::text = e."value"
          AND w."status" <> 'CANCELLED'))))
$$;

CREATE FUNCTION webinar_cancel_releases_staff() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous text := current_setting('gw.applying_exclusions', true);
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE n."status" = 'CANCELLED' AND o."status" <> 'CANCELLED'
      AND EXISTS (SELECT 1 FROM "WebinarStaff" s WHERE s."webinarId" = n."id")
  ) THEN RETURN NULL; END IF;
  -- This statement writes both flags itself (prospect_apply_exclusions stands aside), for this
  -- statement only: the caller's own setting is put back.
  PERFORM set_config('gw.applying_exclusions', 'on', true);
  UPDATE "Prospect" p SET "filtered" = false, "filteredByExclusion" = false, "updatedAt" = now()
  FROM (
    SELECT DISTINCT s."accountId", s."email" FROM "WebinarStaff" s
    JOIN new_rows n ON n."id" = s."webinarId" JOIN old_rows o ON o."id" = n."id"
    WHERE n."status" = 'CANCELLED' AND o."status" <> 'CANCELLED'
  ) gone
  WHERE p."accountId" = gone."accountId" AND lower(p."email") = gone."email"
    AND p."filteredByExclusion" AND NOT prospect_is_excluded(p."accountId", p."email");
  PERFORM set_config('gw.applying_exclusions', COALESCE(previous, ''), true);
  RETURN NULL;
END $$;

CREATE TRIGGER webinar_cancel_releases_staff AFTER UPDATE ON "Webinar" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION webinar_cancel_releases_staff();
