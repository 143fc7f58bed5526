import type { Db } from "@gw/db";
import { DomainError } from "../errors/index";

export interface ResolveProspectIdsOptions {
  db: Db;
  accountId: string;
  prospectIds: string[];
  field?: string;
}

/**
 * The prospects a membership change applies to. Every id must be a prospect of the account
 * (another account's ids are as unknown as made-up ones); a merged-away record stands for its
 * master, which is the one lists and tags show.
 */
export async function resolveProspectIds(options: ResolveProspectIdsOptions): Promise<string[]> {
  const ids = [...new Set(options.prospectIds)];
  const found = await options.db.prospect.findMany({
    where: { accountId: options.accountId, id: { in: ids } },
    select: { id: true, mergedIntoId: true },
  });
  if (found.length !== ids.length) {
    const known = new Set(found.map((p) => p.id));
    const missing = ids.filter((id) => !known.has(id));
    const field = options.field ?? "prospectIds";
    throw new DomainError(
      "NOT_FOUND",
      `${field}: no prospect ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", ..." : ""}`,
      {
        field,
        value: missing,
      },
    );
  }
  return [...new Set(found.map((p) => p.mergedIntoId ?? p.id))];
}
