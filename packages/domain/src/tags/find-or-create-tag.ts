import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import { cleanName } from "../names/unique-name";

export interface FindOrCreateTagOptions {
  db: Db;
  accountId: string;
  tagId?: string;
  /** Matched ignoring case; created when no tag has it. */
  tagName?: string;
  field?: string;
}

/** The tag a bulk action targets, given by id (must exist) or by name (made if new). */
export async function findOrCreateTag(options: FindOrCreateTagOptions): Promise<{ id: string; name: string }> {
  const { db } = options;
  if (options.tagId) {
    const tag = await db.tag.findFirst({
      where: { id: options.tagId, accountId: options.accountId },
      select: { id: true, name: true },
    });
    if (!tag) throw notFound("Tag", options.tagId);
    return tag;
  }
  const name = cleanName(options.tagName ?? "", options.field ?? "tagName");
  const where = { accountId: options.accountId, name: { equals: name, mode: "insensitive" as const } };
  const existing = await db.tag.findFirst({ where, select: { id: true, name: true } });
  if (existing) return existing;
  // Two concurrent actions may both create it: the loser reads the winner's row.
  await db.tag.createMany({ data: [{ accountId: options.accountId, name }], skipDuplicates: true });
  return db.tag.findFirstOrThrow({ where, select: { id: true, name: true } });
}
