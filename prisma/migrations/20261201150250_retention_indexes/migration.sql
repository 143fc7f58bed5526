-- The hourly retention pass (packages/domain/src/retention) looks for what is past its age. Without
-- these it read both tables sequentially every hour, even when nothing was due. Both are partial:
-- they hold only the rows the pass may still touch, so once a row is done it leaves the index and
-- an hour with nothing due is one empty index probe. Prisma cannot express partial or expression
-- indexes; the schema names them in comments.

-- Submissions whose raw answers, IP or user agent are still kept (the pass empties them).
CREATE INDEX "FormSubmission_payload_age_idx" ON "FormSubmission"("createdAt")
  WHERE "data" <> '{}'::jsonb OR "ip" IS NOT NULL OR "userAgent" IS NOT NULL;

-- Completed registration requests by when they completed (rows from before completedAt existed
-- fall back to their last update); pending ones are never removed and never enter the index.
CREATE INDEX "RegistrationRequest_completed_age_idx" ON "RegistrationRequest"((COALESCE("completedAt", "updatedAt")))
  WHERE "status" IN ('SUCCEEDED', 'FAILED');
