-- Natural order for people-facing sorts: digits compare as numbers (a2 before a10) and case
-- only breaks ties (ICU's default strength), so e-mails sort as a reader expects.
CREATE COLLATION IF NOT EXISTS "natural" (provider = icu, locale = 'und-u-kn-true');

-- The report sorted by Absent walks this index in order and stops at the page, as the other
-- count sorts do (webinar_counts_sort); the expression is spelled as listWebinarReport's key.
CREATE INDEX "WebinarCounts_absent_idx" ON "WebinarCounts"(
  "accountId",
  (CASE WHEN "cancelled" THEN NULL ELSE "registered" - "attended" END) DESC NULLS LAST,
  "startsAt" DESC,
  "webinarId" DESC
);
