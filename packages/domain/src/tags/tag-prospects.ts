import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { resolveProspectIds } from "../prospects/resolve-prospect-ids";

export interface TagProspectsOptions {
  db: Db;
  accountId: string;
  tagId: string;
  prospectIds: string[];
}

/** Tags prospects; those already tagged are left alone. `affected` counts the newly tagged. */
export async function tagProspects(options: TagProspectsOptions): Promise<{ affected: number }> {
  const { db } = options;
  const tag = await db.tag.findFirst({
    where: { id: options.tagId, accountId: options.accountId },
    select: { id: true },
  });
  if (!tag) throw notFound("Tag", options.tagId);
  const prospectIds = await resolveProspectIds(options);
  const { count } = await db.prospectTag.createMany({
    data: prospectIds.map((prospectId) => ({ tagId: tag.id, prospectId })),
    skipDuplicates: true,
  });
  return { affected: count };
}
