import { type Db, Prisma } from "@gw/db";
import { conflict, invalid } from "../errors/index";

/** A campaign for prospects the sync creates ("GoToWebinar Sync"); names are unique per account. */
export async function createCampaign(options: { db: Pick<Db, "campaign">; accountId: string; name: string }) {
  const name = options.name.trim();
  if (!name) throw invalid("name", "name must not be empty");
  try {
    return await options.db.campaign.create({
      data: { accountId: options.accountId, name },
      select: { id: true, name: true, createdAt: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw conflict(`A campaign named "${name}" already exists in this account.`, "name");
    }
    throw error;
  }
}
