-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "defaultCampaignId" UUID;

-- AlterTable
ALTER TABLE "Form" ADD COLUMN     "campaignId" UUID;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_defaultCampaignId_fkey" FOREIGN KEY ("defaultCampaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Form" ADD CONSTRAINT "Form_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;

