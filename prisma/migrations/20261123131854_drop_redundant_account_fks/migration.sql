-- accountId on registrations and activities copies the account of the prospect, and deleting an account
-- still removes them through its prospects. The per-row key checks these constraints cost every
-- sync batch (and their shared lock on the one Account row) were the largest part of the initial
-- sync database time (bench/sync-initial.ts).

-- DropForeignKey
ALTER TABLE "WebinarRegistration" DROP CONSTRAINT "WebinarRegistration_accountId_fkey";

-- DropForeignKey
ALTER TABLE "Activity" DROP CONSTRAINT "Activity_accountId_fkey";

