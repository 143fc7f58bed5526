-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "formRedirectDomains" TEXT[] DEFAULT ARRAY[]::TEXT[];

