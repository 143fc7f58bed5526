-- AlterEnum
ALTER TYPE "SyncStatus" ADD VALUE 'ABANDONED';

