-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ActivityType" ADD VALUE 'ABSENT';
ALTER TYPE "ActivityType" ADD VALUE 'ATTENDED_LIVE';
ALTER TYPE "ActivityType" ADD VALUE 'WATCHED_ON_DEMAND';
ALTER TYPE "ActivityType" ADD VALUE 'ASKED_QUESTION';
ALTER TYPE "ActivityType" ADD VALUE 'ANSWERED_POLL';
ALTER TYPE "ActivityType" ADD VALUE 'ANSWERED_SURVEY';

-- AlterTable
ALTER TABLE "Webinar" ADD COLUMN     "absenteesRecordedAt" TIMESTAMPTZ(3),
ADD COLUMN     "experienceType" TEXT,
ADD COLUMN     "isOndemand" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "programId" UUID;

-- AlterTable
ALTER TABLE "WebinarSession" ADD COLUMN     "averageAttendanceSeconds" DOUBLE PRECISION,
ADD COLUMN     "averageAttentiveness" DOUBLE PRECISION,
ADD COLUMN     "averageInterestRating" DOUBLE PRECISION,
ADD COLUMN     "engagementAttendees" INTEGER,
ADD COLUMN     "engagementSyncedAt" TIMESTAMPTZ(3),
ADD COLUMN     "percentageAttendance" DOUBLE PRECISION,
ADD COLUMN     "percentagePollsCompleted" DOUBLE PRECISION,
ADD COLUMN     "percentageSurveysCompleted" DOUBLE PRECISION,
ADD COLUMN     "performanceSyncedAt" TIMESTAMPTZ(3),
ADD COLUMN     "pollCount" INTEGER,
ADD COLUMN     "polls" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "questionsAsked" INTEGER,
ADD COLUMN     "registrantCount" INTEGER,
ADD COLUMN     "surveyCount" DOUBLE PRECISION,
ADD COLUMN     "surveys" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "WebinarRegistration" ADD COLUMN     "attendancePercent" DOUBLE PRECISION,
ADD COLUMN     "engagementSyncedAt" TIMESTAMPTZ(3),
ADD COLUMN     "pollAnswers" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "pollsAnswered" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "questionsAsked" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "surveyAnswers" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "surveysAnswered" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "WebinarProgram" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "connectorId" UUID NOT NULL,
    "recurrenceKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WebinarProgram_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceScoringRule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "minMinutes" INTEGER,
    "minPercent" INTEGER,
    "points" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AttendanceScoringRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceScoreAward" (
    "ruleId" UUID NOT NULL,
    "prospectId" UUID NOT NULL,
    "webinarId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "points" INTEGER NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "awardedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttendanceScoreAward_pkey" PRIMARY KEY ("ruleId","prospectId","webinarId")
);

-- CreateTable
CREATE TABLE "SessionQuestion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "webinarId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "prospectId" UUID,
    "askerKey" TEXT,
    "askedBy" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "askedAt" TIMESTAMPTZ(3),
    "answers" JSONB NOT NULL DEFAULT '[]',
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebinarProgram_accountId_idx" ON "WebinarProgram"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "WebinarProgram_connectorId_recurrenceKey_key" ON "WebinarProgram"("connectorId", "recurrenceKey");

-- CreateIndex
CREATE INDEX "AttendanceScoringRule_accountId_idx" ON "AttendanceScoringRule"("accountId");

-- CreateIndex
CREATE INDEX "AttendanceScoreAward_prospectId_idx" ON "AttendanceScoreAward"("prospectId");

-- CreateIndex
CREATE INDEX "AttendanceScoreAward_webinarId_idx" ON "AttendanceScoreAward"("webinarId");

-- CreateIndex
CREATE INDEX "SessionQuestion_webinarId_idx" ON "SessionQuestion"("webinarId");

-- CreateIndex
CREATE INDEX "SessionQuestion_prospectId_idx" ON "SessionQuestion"("prospectId");

-- CreateIndex
CREATE UNIQUE INDEX "SessionQuestion_sessionId_fingerprint_key" ON "SessionQuestion"("sessionId", "fingerprint");

-- CreateIndex
CREATE INDEX "Webinar_programId_idx" ON "Webinar"("programId");

-- AddForeignKey
ALTER TABLE "WebinarProgram" ADD CONSTRAINT "WebinarProgram_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebinarProgram" ADD CONSTRAINT "WebinarProgram_connectorId_fkey" FOREIGN KEY ("connectorId") REFERENCES "Connector"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Webinar" ADD CONSTRAINT "Webinar_programId_fkey" FOREIGN KEY ("programId") REFERENCES "WebinarProgram"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceScoringRule" ADD CONSTRAINT "AttendanceScoringRule_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceScoreAward" ADD CONSTRAINT "AttendanceScoreAward_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AttendanceScoringRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceScoreAward" ADD CONSTRAINT "AttendanceScoreAward_prospectId_fkey" FOREIGN KEY ("prospectId") REFERENCES "Prospect"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceScoreAward" ADD CONSTRAINT "AttendanceScoreAward_webinarId_fkey" FOREIGN KEY ("webinarId") REFERENCES "Webinar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionQuestion" ADD CONSTRAINT "SessionQuestion_webinarId_fkey" FOREIGN KEY ("webinarId") REFERENCES "Webinar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionQuestion" ADD CONSTRAINT "SessionQuestion_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "WebinarSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionQuestion" ADD CONSTRAINT "SessionQuestion_prospectId_fkey" FOREIGN KEY ("prospectId") REFERENCES "Prospect"("id") ON DELETE SET NULL ON UPDATE CASCADE;

