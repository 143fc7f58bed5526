-- A dynamic list's full evaluation writes its joins by the hundred thousand in one statement, and
-- each row paid three per-row foreign-key checks (ListMembership -> List and -> Prospect,
-- ListMembershipChange -> List): one SPI query and one row lock per row, more than the inserts
-- themselves in bench/segments.ts. The same integrity, kept per statement instead: the rows a
-- statement wrote are checked at once against the lists and prospects they name (a concurrent
-- delete of one waits for this transaction, or this statement fails once the delete has
-- committed), and deleting a list or a prospect still takes its memberships (and a list its
-- change log) with it. Prisma's schema keeps
-- the relations (its client joins on them); no migration re-adds these constraints because each
-- migration is the difference between two schemas, and both keep the relations.

ALTER TABLE "ListMembership" DROP CONSTRAINT "ListMembership_listId_fkey";
ALTER TABLE "ListMembership" DROP CONSTRAINT "ListMembership_prospectId_fkey";
ALTER TABLE "ListMembershipChange" DROP CONSTRAINT "ListMembershipChange_listId_fkey";

-- Rows with a "listId" (ListMembership, ListMembershipChange), and a "prospectId" (ListMembership).
-- The error is the one the foreign key raised (23503, its constraint's name), so callers see no change.
-- Lists are locked as the foreign key locked them (a handful of rows). Prospects are not locked
-- one by one: that lock was most of the check's cost (it writes every prospect row a full
-- evaluation touches). Instead, deleting a prospect takes its account's "prospect deletion" lock
-- exclusively (prospect_delete_guard below; account deletions are the only deletes today) and this
-- check takes it shared before it looks, in its own statement, so it sees every deletion that
-- committed first, and a deletion waits for it to commit. All of it in READ COMMITTED, as every
-- transaction here runs.
CREATE FUNCTION prospect_deletion_lock_key(account uuid) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT hashtextextended('prospect-deletion:' || account::text, 0)
$$;

CREATE FUNCTION list_membership_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  wanted int;
  found int;
  accounts uuid[];
  others uuid[];
BEGIN
  SELECT count(DISTINCT n."listId") INTO wanted FROM new_rows n;
  SELECT count(*), array_agg(DISTINCT locked."accountId") INTO found, accounts FROM (
    SELECT l."accountId" FROM "List" l WHERE l."id" IN (SELECT n."listId" FROM new_rows n) FOR KEY SHARE OF l) locked;
  IF found < wanted THEN
    RAISE foreign_key_violation USING
      MESSAGE = format('insert or update on table "%s" violates foreign key constraint "%s_listId_fkey"', TG_TABLE_NAME, TG_TABLE_NAME),
      DETAIL = 'A listId is not present in table "List".',
      TABLE = TG_TABLE_NAME, CONSTRAINT = TG_TABLE_NAME || '_listId_fkey';
  END IF;
  IF TG_TABLE_NAME <> 'ListMembership' THEN RETURN NULL; END IF;
  PERFORM pg_advisory_xact_lock_shared(prospect_deletion_lock_key(a)) FROM unnest(accounts) a ORDER BY a;
  SELECT count(DISTINCT n."prospectId") INTO wanted FROM new_rows n;
  SELECT count(*), array_agg(DISTINCT p."accountId") FILTER (WHERE p."accountId" <> ALL (accounts)) INTO found, others
  FROM "Prospect" p WHERE p."id" IN (SELECT n."prospectId" FROM new_rows n);
  -- A prospect of another account than its list's (nothing writes one; the foreign key allowed
  -- it): its account's lock too, then look again.
  IF others IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock_shared(prospect_deletion_lock_key(a)) FROM unnest(others) a ORDER BY a;
    SELECT count(*) INTO found FROM "Prospect" p WHERE p."id" IN (SELECT n."prospectId" FROM new_rows n);
  END IF;
  IF found < wanted THEN
    RAISE foreign_key_violation USING
      MESSAGE = 'insert or update on table "ListMembership" violates foreign key constraint "ListMembership_prospectId_fkey"',
      DETAIL = 'A prospectId is not present in table "Prospect".',
      TABLE = 'ListMembership', CONSTRAINT = 'ListMembership_prospectId_fkey';
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION prospect_delete_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(prospect_deletion_lock_key(OLD."accountId"));
  RETURN OLD;
END $$;

CREATE TRIGGER prospect_delete_guard BEFORE DELETE ON "Prospect"
  FOR EACH ROW EXECUTE FUNCTION prospect_delete_guard();

-- One trigger per table and event (a trigger with transition tables has one event).
DO $$
DECLARE
  t text;
  e text;
BEGIN
  FOREACH t IN ARRAY ARRAY['ListMembership', 'ListMembershipChange'] LOOP
    FOREACH e IN ARRAY ARRAY['INSERT', 'UPDATE'] LOOP
      EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT '
        'EXECUTE FUNCTION list_membership_check_references()', 'list_membership_check_references_' || lower(e), e, t);
    END LOOP;
  END LOOP;
END $$;

-- ON DELETE CASCADE, per statement. The deleted rows no longer join "List", so the list.removed
-- change events of a deleted list's members stay out of the log, as they did with the cascade.
CREATE FUNCTION list_membership_delete_cascades() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'List' THEN
    DELETE FROM "ListMembership" m WHERE m."listId" IN (SELECT o."id" FROM old_rows o);
    DELETE FROM "ListMembershipChange" c WHERE c."listId" IN (SELECT o."id" FROM old_rows o);
  ELSE
    DELETE FROM "ListMembership" m WHERE m."prospectId" IN (SELECT o."id" FROM old_rows o);
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['List', 'Prospect'] LOOP
    EXECUTE format('CREATE TRIGGER list_membership_delete_cascades AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION list_membership_delete_cascades()', t);
  END LOOP;
END $$;

-- ON UPDATE CASCADE had nothing to do (ids never change); now a changed id is refused instead
-- of leaving memberships behind.
CREATE FUNCTION refuse_referenced_id_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the id of a row of "%" cannot change (list memberships refer to it)', TG_TABLE_NAME;
END $$;

CREATE TRIGGER refuse_id_change BEFORE UPDATE OF "id" ON "List"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION refuse_referenced_id_change();
CREATE TRIGGER refuse_id_change BEFORE UPDATE OF "id" ON "Prospect"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION refuse_referenced_id_change();

-- list.added: the list's part of the payload is built once per list, not once per member.
CREATE OR REPLACE FUNCTION "change_event_list_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ChangeEvent" ("accountId", "prospectId", "type", "data")
  SELECT l."accountId", n."prospectId", 'list.added', l."data"
  FROM new_rows n JOIN (
    SELECT l."id", l."accountId", jsonb_build_object('list', jsonb_build_object('id', l."id", 'name', l."name")) AS "data"
    FROM "List" l WHERE l."id" IN (SELECT n."listId" FROM new_rows n)
  ) l ON l."id" = n."listId"
  ORDER BY n."prospectId";
  RETURN NULL;
END $$;
