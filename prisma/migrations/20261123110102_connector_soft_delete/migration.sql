-- AlterTable
ALTER TABLE "Connector" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3);

