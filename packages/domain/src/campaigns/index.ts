export { createCampaign } from "./create-campaign";
export { getAccountCampaign } from "./get-account-campaign";
export { type ListCampaignsOptions, listCampaigns } from "./list-campaigns";
