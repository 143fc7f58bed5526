import type { Db } from "@gw/db";
import { invalid } from "../errors/index";

/** The account's campaign of this id, or a refusal naming `field`: another account's campaign is no campaign. */
export async function getAccountCampaign(options: {
  db: Pick<Db, "campaign">;
  accountId: string;
  campaignId: string;
  field: string;
}): Promise<{ id: string; name: string }> {
  const campaign = await options.db.campaign.findFirst({
    where: { id: options.campaignId, accountId: options.accountId },
    select: { id: true, name: true },
  });
  if (!campaign)
    throw invalid(
      options.field,
      `There is no campaign ${options.campaignId} in this account; pick one of its campaigns`,
      options.campaignId,
    );
  return campaign;
}
