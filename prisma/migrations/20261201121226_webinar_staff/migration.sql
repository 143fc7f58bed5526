-- CreateEnum
CREATE TYPE "WebinarStaffRole" AS ENUM ('PANELIST', 'CO_ORGANIZER');

-- CreateTable
CREATE TABLE "WebinarStaff" (
    "webinarId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "role" "WebinarStaffRole" NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebinarStaff_pkey" PRIMARY KEY ("webinarId","role","email")
);

-- CreateIndex
CREATE INDEX "WebinarStaff_accountId_email_idx" ON "WebinarStaff"("accountId", "email");

-- AddForeignKey
ALTER TABLE "WebinarStaff" ADD CONSTRAINT "WebinarStaff_webinarId_fkey" FOREIGN KEY ("webinarId") REFERENCES "Webinar"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- GoTo roles by webinar: PANELIST and CO_ORGANIZER match whoever GoTo listed in that role on any
-- of the account's webinars (WebinarStaff, written by the sync while such a rule exists).
CREATE OR REPLACE FUNCTION prospect_is_excluded(account uuid, email text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM "ExclusionRule" e
    WHERE e."accountId" = account AND (
      (e."kind" = 'EMAIL' AND e."value" = lower(btrim(email)))
      OR (e."kind" = 'EMAIL_DOMAIN' AND e."value" = split_part(lower(btrim(email)), '@', 2))
      OR (e."kind" = 'GOTO_ROLE' AND e."value" = 'ORGANIZER' AND EXISTS (
        SELECT 1 FROM "Connector" c WHERE c."accountId" = account AND lower(c."organizerEmail") = lower(btrim(email))))
      OR (e."kind" = 'GOTO_ROLE' AND e."value" IN ('PANELIST', 'CO_ORGANIZER') AND EXISTS (
        SELECT 1 FROM "WebinarStaff" s
        -- The function's own parameter, by name: a bare "email" here would be WebinarStaff's column.
        WHERE s."accountId" = account AND s."email" = lower(btrim(prospect_is_excluded.email)) AND s."role"::text = e."value"))))
$$;
