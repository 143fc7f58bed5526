-- Segments at 1,000,000 prospects (bench/segments.ts). Prisma cannot express INCLUDE columns or
-- partial indexes, so these are written here; the schema keeps the same index names.
--
-- Webinar-status criteria ("attended any webinar of connector C", "absent from X") read only the
-- registration's webinar, prospect, attended flag and status: with those in the index the planner
-- answers them by index-only scans, from the webinar side (a semi-join over the webinars in scope)
-- or from the prospect side (the incremental path, a probe per changed prospect), never reading
-- the wide registration rows (attendance intervals, answers, UTM).
DROP INDEX "WebinarRegistration_webinarId_attended_idx";
CREATE INDEX "WebinarRegistration_webinarId_attended_idx" ON "WebinarRegistration"("webinarId", "attended") INCLUDE ("prospectId", "status");

DROP INDEX "WebinarRegistration_prospectId_idx";
CREATE INDEX "WebinarRegistration_prospectId_idx" ON "WebinarRegistration"("prospectId") INCLUDE ("webinarId", "attended", "status");

-- The prospects criteria are evaluated over (the account's own, not merged away, not filtered), by
-- creation time (createdWithin, and the preview's newest-first sample), with the id and score
-- beside them: counting them is an index-only scan instead of reading every prospect row.
CREATE INDEX "Prospect_segment_idx" ON "Prospect"("accountId", "createdAt") INCLUDE ("id", "score")
  WHERE "mergedIntoId" IS NULL AND NOT "filtered";
