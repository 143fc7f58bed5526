-- list.added / list.removed change events exist for outbound endpoints alone (the participation
-- feed carries participation.* only, and the privacy export reads a prospect's list history from
-- "ListMembershipChange", which is complete and never pruned). They were written for every
-- membership change of every account, endpoint or not: a dynamic list everyone joins wrote a
-- change event per member (a heap row and four index entries each, about 40% of the evaluation's
-- WAL for 222,500 joins in bench/segments.ts). Now a list's changes are logged when its account
-- has an enabled endpoint that wants the type (its eventTypes empty, meaning all, or naming it)
-- at the time of the change. An endpoint receives the changes made after it was set up or
-- enabled, as it always did for changes the fan-out had already passed.

CREATE FUNCTION list_events_wanted(account uuid, event_type text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "OutboundEndpoint" e
    WHERE e."accountId" = account AND e."enabled" AND (cardinality(e."eventTypes") = 0 OR event_type = ANY (e."eventTypes")))
$$;

-- One function for both: joins (new_rows) and leaves (old_rows). EXECUTE reaches the statement's
-- transition table by name. A list deleted with its members is gone for receivers too: its rows
-- no longer join "List".
CREATE FUNCTION "change_event_list_membership"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_type text := CASE TG_OP WHEN 'INSERT' THEN 'list.added' ELSE 'list.removed' END;
BEGIN
  EXECUTE format(
    'INSERT INTO "ChangeEvent" ("accountId", "prospectId", "type", "data")
     SELECT l."accountId", r."prospectId", $1, l."data"
     FROM %1$I r JOIN (
       SELECT l."id", l."accountId", jsonb_build_object(''list'', jsonb_build_object(''id'', l."id", ''name'', l."name")) AS "data"
       FROM "List" l WHERE l."id" IN (SELECT c."listId" FROM %1$I c) AND list_events_wanted(l."accountId", $1)
     ) l ON l."id" = r."listId"
     ORDER BY r."prospectId"',
    CASE TG_OP WHEN 'INSERT' THEN 'new_rows' ELSE 'old_rows' END)
  USING event_type;
  RETURN NULL;
END $$;

DROP TRIGGER "change_event_list_added" ON "ListMembership";
DROP TRIGGER "change_event_list_removed" ON "ListMembership";
DROP FUNCTION "change_event_list_added"();
DROP FUNCTION "change_event_list_removed"();
CREATE TRIGGER "change_event_list_added" AFTER INSERT ON "ListMembership"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_event_list_membership"();
CREATE TRIGGER "change_event_list_removed" AFTER DELETE ON "ListMembership"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_event_list_membership"();
