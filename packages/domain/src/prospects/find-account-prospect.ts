import type { Db } from "@gw/db";
import { notFound } from "../errors/index";

/** Throws 404-style when the id is not a prospect of the account. */
export async function findAccountProspect(options: { db: Db; accountId: string; prospectId: string }) {
  const prospect = await options.db.prospect.findFirst({
    where: { id: options.prospectId, accountId: options.accountId },
    select: { id: true, mergedIntoId: true },
  });
  if (!prospect) throw notFound("Prospect", options.prospectId);
  return prospect;
}
