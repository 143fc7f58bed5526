-- CreateEnum
CREATE TYPE "ListKind" AS ENUM ('STATIC', 'DYNAMIC');

-- CreateEnum
CREATE TYPE "AutomationRuleStatus" AS ENUM ('DRAFT', 'ENABLED', 'PAUSED');

-- CreateEnum
CREATE TYPE "ExclusionKind" AS ENUM ('EMAIL_DOMAIN', 'EMAIL', 'GOTO_ROLE');

-- AlterTable
ALTER TABLE "Prospect" ADD COLUMN     "filteredByExclusion" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "List" ADD COLUMN     "criteria" JSONB,
ADD COLUMN     "evaluatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "kind" "ListKind" NOT NULL DEFAULT 'STATIC',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "ListMembershipChange" (
    "id" BIGSERIAL NOT NULL,
    "listId" UUID NOT NULL,
    "prospectId" UUID NOT NULL,
    "joined" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListMembershipChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListCountHistory" (
    "listId" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ListCountHistory_pkey" PRIMARY KEY ("listId","hour")
);

-- CreateTable
CREATE TABLE "SegmentDirtyProspect" (
    "prospectId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "depth" INTEGER NOT NULL DEFAULT 0,
    "dirtiedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "SegmentDirtyProspect_pkey" PRIMARY KEY ("prospectId")
);

-- CreateTable
CREATE TABLE "AutomationRule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "criteria" JSONB NOT NULL,
    "actions" JSONB NOT NULL,
    "repeat" BOOLEAN NOT NULL DEFAULT false,
    "status" "AutomationRuleStatus" NOT NULL DEFAULT 'DRAFT',
    "enabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AutomationRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AutomationRuleState" (
    "ruleId" UUID NOT NULL,
    "prospectId" UUID NOT NULL,
    "matching" BOOLEAN NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "lastRunAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AutomationRuleState_pkey" PRIMARY KEY ("ruleId","prospectId")
);

-- CreateTable
CREATE TABLE "AutomationRuleRun" (
    "id" BIGSERIAL NOT NULL,
    "ruleId" UUID NOT NULL,
    "prospectId" UUID NOT NULL,
    "actions" JSONB NOT NULL,
    "outcome" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AutomationRuleRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExclusionRule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "kind" "ExclusionKind" NOT NULL,
    "value" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExclusionRule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ListMembershipChange_listId_at_idx" ON "ListMembershipChange"("listId", "at");

-- CreateIndex
CREATE INDEX "ListMembershipChange_prospectId_at_idx" ON "ListMembershipChange"("prospectId", "at");

-- CreateIndex
CREATE INDEX "SegmentDirtyProspect_seq_idx" ON "SegmentDirtyProspect"("seq");

-- CreateIndex
CREATE INDEX "AutomationRule_accountId_status_idx" ON "AutomationRule"("accountId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationRule_accountId_name_key" ON "AutomationRule"("accountId", "name");

-- CreateIndex
CREATE INDEX "AutomationRuleState_prospectId_idx" ON "AutomationRuleState"("prospectId");

-- CreateIndex
CREATE INDEX "AutomationRuleRun_ruleId_at_idx" ON "AutomationRuleRun"("ruleId", "at");

-- CreateIndex
CREATE INDEX "AutomationRuleRun_prospectId_at_idx" ON "AutomationRuleRun"("prospectId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ExclusionRule_accountId_kind_value_key" ON "ExclusionRule"("accountId", "kind", "value");

-- CreateIndex
CREATE INDEX "List_accountId_kind_idx" ON "List"("accountId", "kind");

-- AddForeignKey
ALTER TABLE "ListMembershipChange" ADD CONSTRAINT "ListMembershipChange_listId_fkey" FOREIGN KEY ("listId") REFERENCES "List"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListCountHistory" ADD CONSTRAINT "ListCountHistory_listId_fkey" FOREIGN KEY ("listId") REFERENCES "List"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationRule" ADD CONSTRAINT "AutomationRule_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationRuleState" ADD CONSTRAINT "AutomationRuleState_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AutomationRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationRuleState" ADD CONSTRAINT "AutomationRuleState_prospectId_fkey" FOREIGN KEY ("prospectId") REFERENCES "Prospect"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AutomationRuleRun" ADD CONSTRAINT "AutomationRuleRun_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AutomationRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExclusionRule" ADD CONSTRAINT "ExclusionRule_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------
-- Incremental segments: every change that can alter whether a prospect matches a dynamic list or
-- an automation rule marks the prospect in "SegmentDirtyProspect" and sends NOTIFY
-- segment_dirty, whichever code path made it (sync, webhook, form, merge, manual edit). The
-- worker's segment consumer re-checks only the marked prospects. Statement-level triggers with
-- transition tables: a sync batch of thousands of rows costs one INSERT here, not one per row.
-- Session settings written by the consumer itself (SET LOCAL):
--   gw.segment_eval  = 'on' while it writes dynamic-list memberships (its own output, not a change);
--   gw.segment_depth = n    while it runs automation-rule actions (n hops, which bounds rule loops).
-- ---------------------------------------------------------------------------------------------
CREATE SEQUENCE "segment_dirty_seq";

CREATE FUNCTION segment_mark_dirty(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  hop int := COALESCE(NULLIF(current_setting('gw.segment_depth', true), ''), '0')::int;
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
  INSERT INTO "SegmentDirtyProspect" AS d ("prospectId", "accountId", "seq", "depth", "dirtiedAt")
  SELECT p."id", p."accountId", nextval('segment_dirty_seq'), hop, now()
  FROM "Prospect" p WHERE p."id" IN (SELECT DISTINCT unnest(ids))
  ORDER BY p."id"
  ON CONFLICT ("prospectId") DO UPDATE SET
    "seq" = EXCLUDED."seq",
    -- A mark being processed now carries the new change's depth; a pending one keeps the smaller.
    "depth" = CASE WHEN d."claimedUntil" IS NOT NULL THEN EXCLUDED."depth" ELSE LEAST(d."depth", EXCLUDED."depth") END,
    "dirtiedAt" = now();
  PERFORM pg_notify('segment_dirty', '');
END $$;

-- Rows with a "prospectId": Activity, WebinarRegistration, ProspectTag, FormSubmission, ListMembership.
CREATE FUNCTION segment_dirty_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'ListMembership' AND current_setting('gw.segment_eval', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM segment_mark_dirty(ARRAY(SELECT DISTINCT n."prospectId" FROM new_rows n));
  RETURN NULL;
END $$;

CREATE FUNCTION segment_dirty_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'ListMembership' AND current_setting('gw.segment_eval', true) = 'on' THEN RETURN NULL; END IF;
  PERFORM segment_mark_dirty(ARRAY(SELECT DISTINCT o."prospectId" FROM old_rows o));
  RETURN NULL;
END $$;

-- Updates: only rows whose content changed (bookkeeping columns such as lastSeenAt or updatedAt
-- alone do not count), and both the old and the new prospect when a row moved (a merge).
CREATE FUNCTION segment_dirty_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM segment_mark_dirty(ARRAY(
    SELECT n."prospectId" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE (to_jsonb(n) - 'updatedAt' - 'lastSeenAt') IS DISTINCT FROM (to_jsonb(o) - 'updatedAt' - 'lastSeenAt')
    UNION
    SELECT o."prospectId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE n."prospectId" <> o."prospectId"));
  RETURN NULL;
END $$;

CREATE FUNCTION segment_dirty_on_prospect_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM segment_mark_dirty(ARRAY(SELECT n."id" FROM new_rows n));
  RETURN NULL;
END $$;

CREATE FUNCTION segment_dirty_on_prospect_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM segment_mark_dirty(ARRAY(
    SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
    WHERE (to_jsonb(n) - 'updatedAt') IS DISTINCT FROM (to_jsonb(o) - 'updatedAt')));
  RETURN NULL;
END $$;

-- A webinar ending, being cancelled, renamed or getting its attendance re-checks all its registrants
-- ("absent" becomes true once the attendance sync has run).
CREATE FUNCTION segment_dirty_on_webinar_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM segment_mark_dirty(ARRAY(
    SELECT r."prospectId" FROM "WebinarRegistration" r
    WHERE r."webinarId" IN (
      SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id"
      WHERE (n."status", n."attendanceSyncs", n."subject", n."startsAt", n."endsAt", n."cancelledAt", n."connectorId")
        IS DISTINCT FROM (o."status", o."attendanceSyncs", o."subject", o."startsAt", o."endsAt", o."cancelledAt", o."connectorId"))));
  RETURN NULL;
END $$;

CREATE TRIGGER segment_dirty_ins AFTER INSERT ON "Activity" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_insert();
CREATE TRIGGER segment_dirty_upd AFTER UPDATE ON "Activity" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_update();
CREATE TRIGGER segment_dirty_del AFTER DELETE ON "Activity" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_delete();

CREATE TRIGGER segment_dirty_ins AFTER INSERT ON "WebinarRegistration" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_insert();
CREATE TRIGGER segment_dirty_upd AFTER UPDATE ON "WebinarRegistration" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_update();
CREATE TRIGGER segment_dirty_del AFTER DELETE ON "WebinarRegistration" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_delete();

CREATE TRIGGER segment_dirty_ins AFTER INSERT ON "ProspectTag" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_insert();
CREATE TRIGGER segment_dirty_del AFTER DELETE ON "ProspectTag" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_delete();

CREATE TRIGGER segment_dirty_ins AFTER INSERT ON "ListMembership" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_insert();
CREATE TRIGGER segment_dirty_del AFTER DELETE ON "ListMembership" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_delete();

CREATE TRIGGER segment_dirty_ins AFTER INSERT ON "FormSubmission" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_insert();

CREATE TRIGGER segment_dirty_ins AFTER INSERT ON "Prospect" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_prospect_insert();
CREATE TRIGGER segment_dirty_upd AFTER UPDATE ON "Prospect" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_prospect_update();

CREATE TRIGGER segment_dirty_upd AFTER UPDATE ON "Webinar" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION segment_dirty_on_webinar_update();

-- Exclusion rules apply to prospects as they are written: a new registrant from the company's own
-- domain is filtered before any completion action or rule can see it.
CREATE FUNCTION prospect_apply_exclusions() RETURNS trigger LANGUAGE plpgsql AS $$
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
  SELECT EXISTS (
    SELECT 1 FROM "ExclusionRule" e
    WHERE e."accountId" = NEW."accountId" AND (
      (e."kind" = 'EMAIL' AND e."value" = lower(btrim(NEW."email")))
      OR (e."kind" = 'EMAIL_DOMAIN' AND e."value" = split_part(lower(btrim(NEW."email")), '@', 2)))
  ) INTO excluded;
  IF excluded AND NOT NEW."filtered" THEN
    NEW."filtered" := true;
    NEW."filteredByExclusion" := true;
  ELSIF NOT excluded AND NEW."filteredByExclusion" THEN
    NEW."filtered" := false;
    NEW."filteredByExclusion" := false;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER prospect_apply_exclusions BEFORE INSERT OR UPDATE OF "email", "filtered" ON "Prospect"
  FOR EACH ROW EXECUTE FUNCTION prospect_apply_exclusions();
