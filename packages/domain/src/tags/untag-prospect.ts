import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { findAccountProspect } from "../prospects/find-account-prospect";

export interface UntagProspectOptions {
  db: Db;
  accountId: string;
  tagId: string;
  prospectId: string;
}

/** Idempotent: untagging a prospect that does not carry the tag is not an error. */
export async function untagProspect(options: UntagProspectOptions): Promise<{ removed: boolean }> {
  const { db } = options;
  const tag = await db.tag.findFirst({
    where: { id: options.tagId, accountId: options.accountId },
    select: { id: true },
  });
  if (!tag) throw notFound("Tag", options.tagId);
  const prospect = await findAccountProspect(options);
  const { count } = await db.prospectTag.deleteMany({ where: { tagId: tag.id, prospectId: prospect.id } });
  return { removed: count > 0 };
}
