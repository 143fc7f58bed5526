-- The webinars report sorted by registered, attended or attendance rate read every webinar of the
-- account, joined its counters and sorted them all to show 25 (bench/reports.ts). With the sort
-- key, the account and the tie-breakers (start, id) in one row, one index scan in order stops at
-- the page. Every webinar gets its counters row, made and kept by triggers on Webinar.

ALTER TABLE "WebinarCounts" ADD COLUMN "accountId" UUID,
ADD COLUMN "cancelled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "startsAt" TIMESTAMPTZ(3);

INSERT INTO "WebinarCounts" ("webinarId") SELECT "id" FROM "Webinar" ON CONFLICT ("webinarId") DO NOTHING;
UPDATE "WebinarCounts" k SET "accountId" = w."accountId", "startsAt" = w."startsAt", "cancelled" = (w."status" = 'CANCELLED')
FROM "Webinar" w WHERE w."id" = k."webinarId";

ALTER TABLE "WebinarCounts" ALTER COLUMN "accountId" SET NOT NULL, ALTER COLUMN "startsAt" SET NOT NULL;

-- CreateIndex
CREATE INDEX "WebinarCounts_registered_idx" ON "WebinarCounts"("accountId", "registered" DESC, "startsAt" DESC, "webinarId" DESC);

-- CreateIndex
CREATE INDEX "WebinarCounts_attended_idx" ON "WebinarCounts"("accountId", "attended" DESC, "startsAt" DESC, "webinarId" DESC);

-- The attendance rate as the report computes it (a cancelled webinar has none: it sorts with the
-- blanks), for listWebinarReport's ORDER BY, which must spell the expression exactly alike.
CREATE INDEX "WebinarCounts_attendance_rate_idx" ON "WebinarCounts"(
  "accountId",
  (CASE WHEN "cancelled" THEN NULL ELSE "attended"::float8 / NULLIF("registered", 0) END) DESC NULLS LAST,
  "startsAt" DESC,
  "webinarId" DESC
);

-- A new webinar gets its row; a moved, cancelled or restored one carries its start and state over.
CREATE FUNCTION "webinar_counts_webinar_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "WebinarCounts" ("webinarId", "accountId", "startsAt", "cancelled")
  SELECT "id", "accountId", "startsAt", "status" = 'CANCELLED' FROM new_rows ORDER BY "id"
  ON CONFLICT ("webinarId") DO UPDATE SET
    "accountId" = EXCLUDED."accountId", "startsAt" = EXCLUDED."startsAt", "cancelled" = EXCLUDED."cancelled";
  RETURN NULL;
END $$;

CREATE FUNCTION "webinar_counts_webinar_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "WebinarCounts" k SET "accountId" = n."accountId", "startsAt" = n."startsAt", "cancelled" = (n."status" = 'CANCELLED')
  FROM new_rows n JOIN old_rows o ON o."id" = n."id"
  WHERE k."webinarId" = n."id"
    AND (n."accountId", n."startsAt", n."status" = 'CANCELLED') IS DISTINCT FROM (o."accountId", o."startsAt", o."status" = 'CANCELLED');
  RETURN NULL;
END $$;

CREATE TRIGGER "webinar_counts_webinar_inserted" AFTER INSERT ON "Webinar"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "webinar_counts_webinar_inserted"();
CREATE TRIGGER "webinar_counts_webinar_updated" AFTER UPDATE ON "Webinar"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "webinar_counts_webinar_updated"();

-- The registrations' counters: each trigger folds the rows its statement changed into signed
-- per-registration deltas and hands them to one function, which adds them per webinar (in
-- webinarId order, so concurrent writers lock counters alike) and makes a row that is missing all
-- the same from the webinar's fields. Webinars deleted by the same statement (cascades) are
-- skipped by the join.
CREATE FUNCTION "webinar_counts_add"(webinar_ids uuid[], registered int[], attended int[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "WebinarCounts" ("webinarId", "accountId", "startsAt", "cancelled", "registered", "attended")
  SELECT d.webinar_id, w."accountId", w."startsAt", w."status" = 'CANCELLED', sum(d.registered)::int, sum(d.attended)::int
  FROM unnest(webinar_ids, registered, attended) AS d(webinar_id, registered, attended) JOIN "Webinar" w ON w."id" = d.webinar_id
  GROUP BY d.webinar_id, w."accountId", w."startsAt", w."status"
  HAVING sum(d.registered) <> 0 OR sum(d.attended) <> 0
  ORDER BY d.webinar_id
  ON CONFLICT ("webinarId") DO UPDATE SET
    "registered" = "WebinarCounts"."registered" + EXCLUDED."registered",
    "attended" = "WebinarCounts"."attended" + EXCLUDED."attended";
$$;

CREATE OR REPLACE FUNCTION "webinar_counts_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "webinar_counts_add"(array_agg("webinarId"), array_agg(("status" <> 'CANCELLED')::int),
                               array_agg(("status" <> 'CANCELLED' AND "attended")::int))
  FROM new_rows;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "webinar_counts_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "webinar_counts_add"(array_agg("webinarId"), array_agg(-("status" <> 'CANCELLED')::int),
                               array_agg(-("status" <> 'CANCELLED' AND "attended")::int))
  FROM old_rows;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "webinar_counts_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "webinar_counts_add"(array_agg(d."webinarId"), array_agg(d.sign * (d."status" <> 'CANCELLED')::int),
                               array_agg(d.sign * (d."status" <> 'CANCELLED' AND d."attended")::int))
  FROM (SELECT 1 AS sign, "webinarId", "status", "attended" FROM new_rows
        UNION ALL
        SELECT -1, "webinarId", "status", "attended" FROM old_rows) d;
  RETURN NULL;
END $$;
