-- AlterTable
ALTER TABLE "Form" ADD COLUMN     "views" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "FormBranding" (
    "accountId" UUID NOT NULL,
    "logoUrl" TEXT,
    "logoData" BYTEA,
    "logoType" TEXT,
    "logoVersion" INTEGER NOT NULL DEFAULT 0,
    "accentColor" TEXT,
    "backgroundColor" TEXT,
    "footerText" TEXT,
    "frameAncestors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormBranding_pkey" PRIMARY KEY ("accountId")
);

-- AddForeignKey
ALTER TABLE "FormBranding" ADD CONSTRAINT "FormBranding_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

