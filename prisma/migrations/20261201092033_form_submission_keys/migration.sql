-- CreateTable
CREATE TABLE "FormSubmissionKey" (
    "formId" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "token" TEXT,
    "submissionId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormSubmissionKey_pkey" PRIMARY KEY ("formId","fingerprint")
);

-- CreateIndex
CREATE INDEX "FormSubmissionKey_createdAt_idx" ON "FormSubmissionKey"("createdAt");

-- AddForeignKey
ALTER TABLE "FormSubmissionKey" ADD CONSTRAINT "FormSubmissionKey_formId_fkey" FOREIGN KEY ("formId") REFERENCES "Form"("id") ON DELETE CASCADE ON UPDATE CASCADE;

