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

CREATE OR REPLACE FUNCTION "change_event_list_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ChangeEvent" ("accountId", "prospectId", "type", "data")
  SELECT l."accountId", n."prospectId", 'list.added', l."data"
  FROM new_rows n JOIN (
    SELECT l."id", l."accountId", jsonb_build_object('list', jsonb_build_object('id', l."id", 'name', l."name")) AS "data"
    FROM "List" l WHERE l."id" IN (SELECT n."listId" FROM new_rows n) AND list_events_wanted(l."accountId", 'list.added')
  ) l ON l."id" = n."listId"
  ORDER BY n."prospectId";
  RETURN NULL;
END $$;

-- A list deleted with its members is gone for receivers too: its rows no longer join "List".
CREATE OR REPLACE FUNCTION "change_event_list_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ChangeEvent" ("accountId", "prospectId", "type", "data")
  SELECT l."accountId", o."prospectId", 'list.removed', l."data"
  FROM old_rows o JOIN (
    SELECT l."id", l."accountId", jsonb_build_object('list', jsonb_build_object('id', l."id", 'name', l."name")) AS "data"
    FROM "List" l WHERE l."id" IN (SELECT o."listId" FROM old_rows o) AND list_events_wanted(l."accountId", 'list.removed')
  ) l ON l."id" = o."listId"
  ORDER BY o."prospectId";
  RETURN NULL;
END $$;
