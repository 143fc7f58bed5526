-- CreateEnum
CREATE TYPE "OutboundDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "registrantSourceTemplate" TEXT;

-- AlterTable
ALTER TABLE "Prospect" ADD COLUMN     "consents" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "erasedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "WebinarRegistration" ADD COLUMN     "sourceLabel" TEXT,
ADD COLUMN     "utm" JSONB;

-- AlterTable
ALTER TABLE "Form" ADD COLUMN     "consents" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "FormSubmission" ADD COLUMN     "consents" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "utm" JSONB;

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "createdById" UUID,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeEvent" (
    "id" BIGSERIAL NOT NULL,
    "txid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
    "accountId" UUID NOT NULL,
    "prospectId" UUID,
    "webinarId" UUID,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeCursor" (
    "name" TEXT NOT NULL,
    "txid" BIGINT NOT NULL DEFAULT 0,
    "lastId" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChangeCursor_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "OutboundEndpoint" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT,
    "eventTypes" TEXT[],
    "secretEnc" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledReason" TEXT,
    "disabledAt" TIMESTAMPTZ(3),
    "failingSince" TIMESTAMPTZ(3),
    "leaseUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboundEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundDelivery" (
    "id" BIGSERIAL NOT NULL,
    "endpointId" UUID NOT NULL,
    "changeEventId" BIGINT NOT NULL,
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "prospectId" UUID,
    "status" "OutboundDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "giveUpAt" TIMESTAMPTZ(3) NOT NULL,
    "lastStatusCode" INTEGER,
    "lastLatencyMs" INTEGER,
    "lastError" TEXT,
    "lastAttemptAt" TIMESTAMPTZ(3),
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErasedEmail" (
    "accountId" UUID NOT NULL,
    "emailHash" TEXT NOT NULL,
    "erasedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ErasedEmail_pkey" PRIMARY KEY ("accountId","emailHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_accountId_idx" ON "ApiToken"("accountId");

-- CreateIndex
CREATE INDEX "ChangeEvent_txid_id_idx" ON "ChangeEvent"("txid", "id");

-- CreateIndex
CREATE INDEX "ChangeEvent_accountId_txid_id_idx" ON "ChangeEvent"("accountId", "txid", "id");

-- CreateIndex
CREATE INDEX "ChangeEvent_prospectId_idx" ON "ChangeEvent"("prospectId");

-- CreateIndex
CREATE INDEX "OutboundEndpoint_accountId_idx" ON "OutboundEndpoint"("accountId");

-- CreateIndex
CREATE INDEX "OutboundDelivery_endpointId_status_id_idx" ON "OutboundDelivery"("endpointId", "status", "id");

-- CreateIndex
CREATE INDEX "OutboundDelivery_status_nextAttemptAt_idx" ON "OutboundDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboundDelivery_prospectId_idx" ON "OutboundDelivery"("prospectId");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundDelivery_endpointId_changeEventId_key" ON "OutboundDelivery"("endpointId", "changeEventId");

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundEndpoint" ADD CONSTRAINT "OutboundEndpoint_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundDelivery" ADD CONSTRAINT "OutboundDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "OutboundEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Change capture: every change of a prospect's webinar state lands in "ChangeEvent" from the
-- tables themselves, whichever code path wrote it (polls, webhooks, forms, lists). Statement
-- triggers with transition tables: one INSERT per statement, however many rows a sync batch has.
-- Readers serve only rows whose txid is older than pg_snapshot_xmin (every such transaction has
-- ended), ordered by (txid, id): a row committed late can never land behind a cursor.

CREATE FUNCTION "change_event_activity_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ChangeEvent" ("accountId", "prospectId", "webinarId", "type", "data", "occurredAt")
  SELECT n."accountId", n."prospectId", n."webinarId", 'participation.' || lower(n."type"::text),
         jsonb_build_object('activityType', n."type"::text, 'details', n."details"), n."occurredAt"
  FROM new_rows n ORDER BY n."occurredAt", n."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "change_event_activity_inserted" AFTER INSERT ON "Activity"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_event_activity_inserted"();

-- Late attendance data (more minutes) is a change too; other detail refreshes are not.
CREATE FUNCTION "change_event_activity_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ChangeEvent" ("accountId", "prospectId", "webinarId", "type", "data", "occurredAt")
  SELECT n."accountId", n."prospectId", n."webinarId", 'participation.' || lower(n."type"::text),
         jsonb_build_object('activityType', n."type"::text, 'details', n."details", 'updated', true), now()
  FROM new_rows n JOIN old_rows o ON o."id" = n."id"
  WHERE n."details" ? 'attendanceSeconds'
    AND (n."details" -> 'attendanceSeconds') IS DISTINCT FROM (o."details" -> 'attendanceSeconds')
  ORDER BY n."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "change_event_activity_updated" AFTER UPDATE ON "Activity"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_event_activity_updated"();

-- A cancelled registration that comes back (the person registered again) has no new activity
-- (one per type), so the registration itself reports it.
CREATE FUNCTION "change_event_registration_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ChangeEvent" ("accountId", "prospectId", "webinarId", "type", "data", "occurredAt")
  SELECT n."accountId", n."prospectId", n."webinarId", 'participation.registered',
         jsonb_build_object('status', n."status"::text, 'reregistered', true), now()
  FROM new_rows n JOIN old_rows o ON o."id" = n."id"
  WHERE o."status" = 'CANCELLED' AND n."status" <> 'CANCELLED'
  ORDER BY n."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "change_event_registration_updated" AFTER UPDATE ON "WebinarRegistration"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_event_registration_updated"();

CREATE FUNCTION "change_event_list_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ChangeEvent" ("accountId", "prospectId", "type", "data")
  SELECT l."accountId", n."prospectId", 'list.added', jsonb_build_object('list', jsonb_build_object('id', l."id", 'name', l."name"))
  FROM new_rows n JOIN "List" l ON l."id" = n."listId" ORDER BY n."prospectId";
  RETURN NULL;
END $$;

CREATE TRIGGER "change_event_list_added" AFTER INSERT ON "ListMembership"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_event_list_added"();

-- A list deleted with its members is gone for receivers too: its rows no longer join "List".
CREATE FUNCTION "change_event_list_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ChangeEvent" ("accountId", "prospectId", "type", "data")
  SELECT l."accountId", o."prospectId", 'list.removed', jsonb_build_object('list', jsonb_build_object('id', l."id", 'name', l."name"))
  FROM old_rows o JOIN "List" l ON l."id" = o."listId" ORDER BY o."prospectId";
  RETURN NULL;
END $$;

CREATE TRIGGER "change_event_list_removed" AFTER DELETE ON "ListMembership"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "change_event_list_removed"();
