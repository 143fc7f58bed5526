import { z } from "zod";
import type { RequestOf, ResponseOf } from "./common";

export const campaignView = z.object({ id: z.uuid(), name: z.string(), createdAt: z.date() }).describe("A campaign");
export const campaignList = z.object({ items: z.array(campaignView) });
export const campaignsQuery = z.strictObject({
  search: z.string().trim().max(200).optional().describe("Name contains this (case-insensitive)"),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const createCampaignBody = z.strictObject({ name: z.string().trim().min(1).max(200) });

export type Campaign = ResponseOf<typeof campaignView>;
export type CreateCampaignBody = RequestOf<typeof createCampaignBody>;
export type CampaignList = ResponseOf<typeof campaignList>;
