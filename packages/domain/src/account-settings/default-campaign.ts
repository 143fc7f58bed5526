import type { Db } from "@gw/db";
import { getAccountCampaign } from "../campaigns/get-account-campaign";

export interface DefaultCampaignSetting {
  campaign: { id: string; name: string } | null;
}

export async function getDefaultCampaign(options: { db: Db; accountId: string }): Promise<DefaultCampaignSetting> {
  const row = await options.db.account.findUnique({
    where: { id: options.accountId },
    select: { defaultCampaign: { select: { id: true, name: true } } },
  });
  return { campaign: row?.defaultCampaign ?? null };
}

/** The campaign prospects created by a form get when the form names none; null for none. */
export async function setDefaultCampaign(options: {
  db: Db;
  accountId: string;
  campaignId: string | null;
}): Promise<DefaultCampaignSetting> {
  const { db, accountId, campaignId } = options;
  const campaign = campaignId ? await getAccountCampaign({ db, accountId, campaignId, field: "campaignId" }) : null;
  await db.account.update({ where: { id: accountId }, data: { defaultCampaignId: campaign?.id ?? null } });
  return { campaign };
}
