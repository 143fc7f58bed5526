-- CreateTable
CREATE TABLE "WebinarCounts" (
    "webinarId" UUID NOT NULL,
    "registered" INTEGER NOT NULL DEFAULT 0,
    "attended" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WebinarCounts_pkey" PRIMARY KEY ("webinarId")
);

-- AddForeignKey
ALTER TABLE "WebinarCounts" ADD CONSTRAINT "WebinarCounts_webinarId_fkey" FOREIGN KEY ("webinarId") REFERENCES "Webinar"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Kept exact by the registrations' own statements: statement-level triggers fold the rows a
-- statement changed into per-webinar deltas (one upsert per webinar touched, in webinarId order
-- so concurrent writers lock counters alike). Webinars deleted by the same statement (cascades)
-- are skipped by the join.
CREATE FUNCTION "webinar_counts_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "WebinarCounts" ("webinarId", "registered", "attended")
  SELECT d."webinarId", sum(d.registered)::int, sum(d.attended)::int
  FROM (SELECT "webinarId", ("status" <> 'CANCELLED')::int AS registered, ("status" <> 'CANCELLED' AND "attended")::int AS attended FROM new_rows) d JOIN "Webinar" w ON w."id" = d."webinarId"
  GROUP BY d."webinarId"
  HAVING sum(d.registered) <> 0 OR sum(d.attended) <> 0
  ORDER BY d."webinarId"
  ON CONFLICT ("webinarId") DO UPDATE SET
    "registered" = "WebinarCounts"."registered" + EXCLUDED."registered",
    "attended" = "WebinarCounts"."attended" + EXCLUDED."attended";
  RETURN NULL;
END $$;

CREATE FUNCTION "webinar_counts_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "WebinarCounts" ("webinarId", "registered", "attended")
  SELECT d."webinarId", sum(d.registered)::int, sum(d.attended)::int
  FROM (SELECT "webinarId", -("status" <> 'CANCELLED')::int AS registered, -("status" <> 'CANCELLED' AND "attended")::int AS attended FROM old_rows) d JOIN "Webinar" w ON w."id" = d."webinarId"
  GROUP BY d."webinarId"
  HAVING sum(d.registered) <> 0 OR sum(d.attended) <> 0
  ORDER BY d."webinarId"
  ON CONFLICT ("webinarId") DO UPDATE SET
    "registered" = "WebinarCounts"."registered" + EXCLUDED."registered",
    "attended" = "WebinarCounts"."attended" + EXCLUDED."attended";
  RETURN NULL;
END $$;

CREATE FUNCTION "webinar_counts_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "WebinarCounts" ("webinarId", "registered", "attended")
  SELECT d."webinarId", sum(d.registered)::int, sum(d.attended)::int
  FROM (SELECT "webinarId", ("status" <> 'CANCELLED')::int AS registered, ("status" <> 'CANCELLED' AND "attended")::int AS attended FROM new_rows
        UNION ALL
        SELECT "webinarId", -("status" <> 'CANCELLED')::int AS registered, -("status" <> 'CANCELLED' AND "attended")::int AS attended FROM old_rows) d JOIN "Webinar" w ON w."id" = d."webinarId"
  GROUP BY d."webinarId"
  HAVING sum(d.registered) <> 0 OR sum(d.attended) <> 0
  ORDER BY d."webinarId"
  ON CONFLICT ("webinarId") DO UPDATE SET
    "registered" = "WebinarCounts"."registered" + EXCLUDED."registered",
    "attended" = "WebinarCounts"."attended" + EXCLUDED."attended";
  RETURN NULL;
END $$;

CREATE TRIGGER "webinar_counts_insert" AFTER INSERT ON "WebinarRegistration"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "webinar_counts_insert"();
CREATE TRIGGER "webinar_counts_delete" AFTER DELETE ON "WebinarRegistration"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "webinar_counts_delete"();
CREATE TRIGGER "webinar_counts_update" AFTER UPDATE ON "WebinarRegistration"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "webinar_counts_update"();

-- The counts of the registrations already there.
INSERT INTO "WebinarCounts" ("webinarId", "registered", "attended")
SELECT "webinarId", count(*) FILTER (WHERE "status" <> 'CANCELLED')::int,
       count(*) FILTER (WHERE "status" <> 'CANCELLED' AND "attended")::int
FROM "WebinarRegistration" GROUP BY "webinarId";
