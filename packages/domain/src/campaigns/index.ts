export { createCampaign } from "./create-campaign";
export { type ListCampaignsOptions, listCampaigns } from "./list-campaigns";
