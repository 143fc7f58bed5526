-- AlterEnum
ALTER TYPE "RegistrationSource" ADD VALUE 'RULE';

-- AlterTable
ALTER TABLE "RegistrationRequest" ADD COLUMN     "source" "RegistrationSource" NOT NULL DEFAULT 'FORM';


-- Until now a request's origin was read from formSubmissionId (rules write none): the rows
-- already there keep what that said.
UPDATE "RegistrationRequest" SET "source" = 'RULE' WHERE "formSubmissionId" IS NULL;

-- A registration our push made (FORM) came from the first request for it that succeeded
-- (later ones found it there and kept its source): a rule's is RULE.
UPDATE "WebinarRegistration" r SET "source" = 'RULE'
WHERE r."source" = 'FORM'
  AND (SELECT q."source" FROM "RegistrationRequest" q
       WHERE q."webinarId" = r."webinarId" AND q."prospectId" = r."prospectId" AND q."status" = 'SUCCEEDED'
       ORDER BY q."completedAt", q."id" LIMIT 1) = 'RULE';
