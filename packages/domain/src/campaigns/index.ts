export { createCampaign } from "./create-campaign";
export { listCampaigns, type ListCampaignsOptions } from "./list-campaigns";
