-- AlterTable
ALTER TABLE "Connector" ADD COLUMN     "unreachableNotifiedAt" TIMESTAMPTZ(3),
ADD COLUMN     "unreachableSince" TIMESTAMPTZ(3);

