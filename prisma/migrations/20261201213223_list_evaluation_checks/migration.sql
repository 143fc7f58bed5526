-- A dynamic list's full evaluation where every member joins (222,500 joins in bench/segments.ts)
-- spent a quarter of its time in list_membership_check_references: a seq scan of every prospect
-- of the database hashed against the statement's rows, and two sorts for count(DISTINCT ...).
--
-- 1. The segment evaluator's own writes need no prospect look-up. syncListMembers inserts only
--    ids its statement read from "Prospect", and takes the account's prospect-deletion lock
--    (shared) in an earlier statement of its transaction: its statement's snapshot sees every
--    deletion that committed before, and no deletion commits until it does, which is what the
--    look-up proves. The trigger trusts that only when both hold: gw.segment_eval = 'on' (set by
--    the evaluator alone) and this transaction already holds the lock of every account the
--    statement's lists belong to, taken before this statement began (pg_locks, read before the
--    trigger takes the lock itself). Any other write, flagged or not, is looked up as before.
-- 2. The look-ups that remain need no sort: distinct lists by hash, missing prospects by one
--    outer join (a count of the rows with no prospect, rather than two distinct counts).

CREATE FUNCTION prospect_deletion_lock_held(accounts uuid[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT NOT EXISTS (
    SELECT 1 FROM unnest(accounts) a WHERE NOT EXISTS (
      SELECT 1 FROM pg_locks k
      WHERE k."locktype" = 'advisory' AND k."pid" = pg_backend_pid() AND k."granted"
        AND k."classid" = ((prospect_deletion_lock_key(a) >> 32) & 4294967295)::oid
        AND k."objid" = (prospect_deletion_lock_key(a) & 4294967295)::oid
        AND k."objsubid" = 1))
$$;

CREATE OR REPLACE FUNCTION list_membership_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  lists uuid[];
  found int;
  missing int;
  accounts uuid[];
  others uuid[];
BEGIN
  SELECT array_agg(d."listId") INTO lists FROM (SELECT DISTINCT n."listId" FROM new_rows n) d;
  IF lists IS NULL THEN RETURN NULL; END IF;
  SELECT count(*), array_agg(DISTINCT locked."accountId") INTO found, accounts FROM (
    SELECT l."accountId" FROM "List" l WHERE l."id" = ANY (lists) FOR KEY SHARE OF l) locked;
  IF found < cardinality(lists) THEN
    RAISE foreign_key_violation USING
      MESSAGE = format('insert or update on table "%s" violates foreign key constraint "%s_listId_fkey"', TG_TABLE_NAME, TG_TABLE_NAME),
      DETAIL = 'A listId is not present in table "List".',
      TABLE = TG_TABLE_NAME, CONSTRAINT = TG_TABLE_NAME || '_listId_fkey';
  END IF;
  IF TG_TABLE_NAME <> 'ListMembership' THEN RETURN NULL; END IF;
  IF current_setting('gw.segment_eval', true) = 'on' AND prospect_deletion_lock_held(accounts) THEN RETURN NULL; END IF;
  PERFORM pg_advisory_xact_lock_shared(prospect_deletion_lock_key(a)) FROM unnest(accounts) a ORDER BY a;
  SELECT count(*) FILTER (WHERE p."id" IS NULL), array_agg(DISTINCT p."accountId") FILTER (WHERE p."accountId" <> ALL (accounts))
  INTO missing, others
  FROM new_rows n LEFT JOIN "Prospect" p ON p."id" = n."prospectId";
  -- A prospect of another account than its list's (nothing writes one; the foreign key allowed
  -- it): its account's lock too, then look again.
  IF others IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock_shared(prospect_deletion_lock_key(a)) FROM unnest(others) a ORDER BY a;
    SELECT count(*) INTO missing FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM "Prospect" p WHERE p."id" = n."prospectId");
  END IF;
  IF missing > 0 THEN
    RAISE foreign_key_violation USING
      MESSAGE = 'insert or update on table "ListMembership" violates foreign key constraint "ListMembership_prospectId_fkey"',
      DETAIL = 'A prospectId is not present in table "Prospect".',
      TABLE = 'ListMembership', CONSTRAINT = 'ListMembership_prospectId_fkey';
  END IF;
  RETURN NULL;
END $$;
