import type { prospectFilters } from "@gw/api-contract";
import { type PgQueryDb, Prisma } from "@gw/db";
import type { z } from "zod";
import { invalid } from "../errors/index";
import { checkCriteriaReferences } from "../segments/check-criteria-references";
import { compileCriteria, SqlParams } from "../segments/compile-criteria";
import type { Condition, Criteria } from "../segments/criteria";

/** The prospects page's filters; each one given narrows the set (all must hold): exactly the API's query. */
export type ProspectFilters = z.infer<z.ZodObject<typeof prospectFilters>>;

/**
 * The filters as a criteria tree, so they mean exactly what the segment builder's conditions
 * mean (a webinar's "absent" only once its attendance is synced, and so on); null without any.
 */
export function filtersToCriteria(filters: ProspectFilters): Criteria | null {
  const conditions: Condition[] = [];
  if (filters.listId) conditions.push({ type: "listMember", listId: filters.listId });
  if (filters.tagId) conditions.push({ type: "hasTag", tagId: filters.tagId });
  if (filters.campaignId) conditions.push({ type: "campaign", campaignId: filters.campaignId });
  if (filters.webinarId)
    conditions.push({
      type: "webinarStatus",
      status: filters.webinarStatus ?? "registered",
      webinar: { webinarId: filters.webinarId },
    });
  if (filters.scoreMin !== undefined) conditions.push({ type: "score", op: "gte", value: filters.scoreMin });
  if (filters.scoreMax !== undefined) conditions.push({ type: "score", op: "lte", value: filters.scoreMax });
  return conditions.length ? { type: "group", match: "all", conditions } : null;
}

/** A 400 naming the query field when an id is not the account's (the criteria check names its condition). */
export async function checkProspectFilters(options: {
  db: PgQueryDb;
  accountId: string;
  filters: ProspectFilters;
  /** Where the filters sit in the request ("filters." in a bulk action's body, whose own listId/tagId name its target). */
  fieldPrefix?: string;
}): Promise<void> {
  const { filters } = options;
  const at = options.fieldPrefix ?? "";
  if (filters.webinarStatus && !filters.webinarId)
    throw invalid(`${at}webinarId`, "choose the webinar whose status to filter by (webinarId)");
  // One id at a time, so the 400 names the query field at fault.
  for (const key of ["listId", "tagId", "campaignId", "webinarId"] as const) {
    const criteria = filters[key] ? filtersToCriteria({ [key]: filters[key] }) : null;
    if (!criteria) continue;
    try {
      await checkCriteriaReferences({ db: options.db, accountId: options.accountId, criteria });
    } catch {
      throw invalid(`${at}${key}`, `${at}${key} names nothing in this account: choose one of its own`, filters[key]);
    }
  }
}

/** The filters as SQL over `p` with positional parameters from `params` (TRUE without any). */
export function prospectFiltersSql(filters: ProspectFilters, params: SqlParams, accountParam: string): string {
  const criteria = filtersToCriteria(filters);
  return criteria ? compileCriteria(criteria, params, accountParam) : "TRUE";
}

/** The same condition as a Prisma fragment, for queries written with Prisma.sql. */
export function prospectFiltersCondition(accountId: string, filters: ProspectFilters): Prisma.Sql {
  const params = new SqlParams();
  const account = params.add(accountId);
  const text = prospectFiltersSql(filters, params, account);
  // The compiler numbers its parameters ($1, $2…); Prisma wants the text split around them.
  const strings: string[] = [];
  const values: unknown[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    strings.push(text.slice(last, match.index));
    values.push(params.values[Number(match[1]) - 1]);
    last = (match.index ?? 0) + match[0].length;
  }
  strings.push(text.slice(last));
  return new Prisma.Sql(strings, values as Prisma.Sql["values"]);
}
