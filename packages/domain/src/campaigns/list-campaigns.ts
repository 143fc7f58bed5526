import type { Db } from "@gw/db";

export interface ListCampaignsOptions {
  db: Pick<Db, "campaign">;
  accountId: string;
  /** Name contains this, case-insensitively. */
  search?: string;
  limit?: number;
}

/** The account's campaigns by name, for the connector's campaign picker. */
export async function listCampaigns(options: ListCampaignsOptions) {
  return options.db.campaign.findMany({
    where: {
      accountId: options.accountId,
      ...(options.search ? { name: { contains: options.search, mode: "insensitive" } } : {}),
    },
    select: { id: true, name: true, createdAt: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: options.limit ?? 200,
  });
}
