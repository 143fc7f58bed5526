-- Exclusion rules in one function, used by the prospect trigger (as prospects are written) and by
-- the re-application after the rules change: an e-mail address, an e-mail domain, or a GoTo role
-- the account knows of (ORGANIZER: the organizer of one of the account's connectors).
CREATE FUNCTION prospect_is_excluded(account uuid, email text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "ExclusionRule" e
    WHERE e."accountId" = account AND (
      (e."kind" = 'EMAIL' AND e."value" = lower(btrim(email)))
      OR (e."kind" = 'EMAIL_DOMAIN' AND e."value" = split_part(lower(btrim(email)), '@', 2))
      OR (e."kind" = 'GOTO_ROLE' AND e."value" = 'ORGANIZER' AND EXISTS (
        SELECT 1 FROM "Connector" c WHERE c."accountId" = account AND lower(c."organizerEmail") = lower(btrim(email))))))
$$;

CREATE OR REPLACE FUNCTION prospect_apply_exclusions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  excluded boolean;
BEGIN
  -- The re-application after a rule change writes both flags itself.
  IF current_setting('gw.applying_exclusions', true) = 'on' THEN RETURN NEW; END IF;
  -- Someone set the flag by hand: from now on it is theirs, not the rules'.
  IF TG_OP = 'UPDATE' AND NEW."filtered" IS DISTINCT FROM OLD."filtered" THEN
    NEW."filteredByExclusion" := false;
    RETURN NEW;
  END IF;
  excluded := prospect_is_excluded(NEW."accountId", NEW."email");
  IF excluded AND NOT NEW."filtered" THEN
    NEW."filtered" := true;
    NEW."filteredByExclusion" := true;
  ELSIF NOT excluded AND NEW."filteredByExclusion" THEN
    NEW."filtered" := false;
    NEW."filteredByExclusion" := false;
  END IF;
  RETURN NEW;
END $$;
