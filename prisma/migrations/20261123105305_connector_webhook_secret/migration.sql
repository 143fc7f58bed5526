-- AlterTable
ALTER TABLE "Connector" ADD COLUMN     "webhookSecretEnc" TEXT,
ADD COLUMN     "webhooksError" TEXT;

