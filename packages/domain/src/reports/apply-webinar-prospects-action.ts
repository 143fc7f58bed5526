import { type Db, Prisma, sqlQuery } from "@gw/db";
import { invalid } from "../errors/index";
import { findOrCreateList } from "../lists/find-or-create-list";
import { cleanQuery } from "../paging/paging";
import { prospectSearchCondition } from "../prospects/prospect-search-condition";
import { findOrCreateTag } from "../tags/find-or-create-tag";
import { findDrillDownWebinar } from "./find-drill-down-webinar";
import { filteredCondition, type Segment, segmentCondition, sourceCondition } from "./segment";

export const WEBINAR_PROSPECTS_ACTIONS = ["ADD_TO_LIST", "ADD_TAG"] as const;
export type WebinarProspectsAction = (typeof WEBINAR_PROSPECTS_ACTIONS)[number];

export interface ApplyWebinarProspectsActionOptions {
  db: Db;
  accountId: string;
  webinarId: string;
  segment: Segment;
  /** Chosen prospects of the segment, or "all" of it (not only the page the user sees). */
  prospectIds: string[] | "all";
  /** With "all": the drill-down's search, so "all" means all that the user is looking at. */
  q?: string;
  /** With "all": filtered prospects are taken only when the drill-down shows them. */
  includeFiltered?: boolean;
  /** With "all": only registrations from this source ("" for none tracked), as the drill-down shows. */
  source?: string;
  action: WebinarProspectsAction;
  listId?: string;
  listName?: string;
  tagId?: string;
  tagName?: string;
  now?: Date;
}

export interface WebinarProspectsActionResult {
  /** Selected prospects that are in the segment; ids outside it are ignored. */
  matched: number;
  /** Memberships newly made: 0 when the action is repeated. */
  affected: number;
  target: { id: string; name: string };
}

/**
 * Adds a drill-down's prospects to a list or tag in one statement, so "all" of a large segment
 * never passes through JavaScript. A merged-away registrant counts for its master.
 */
export async function applyWebinarProspectsAction(
  options: ApplyWebinarProspectsActionOptions,
): Promise<WebinarProspectsActionResult> {
  const { db } = options;
  if (Array.isArray(options.prospectIds) && options.prospectIds.length === 0) {
    throw invalid("prospectIds", `prospectIds must name at least one prospect, or be "all"`, options.prospectIds);
  }
  const webinar = await findDrillDownWebinar(options);
  const target = await findTarget(options);

  const chosen =
    options.prospectIds === "all"
      ? Prisma.sql`${prospectSearchCondition(cleanQuery(options.q))} AND ${filteredCondition(options.includeFiltered)}
          AND ${sourceCondition(options.source)}`
      : Prisma.sql`p."id" = ANY(${[...new Set(options.prospectIds)]}::uuid[])`;
  const selected = Prisma.sql`
    SELECT p."id", COALESCE(p."mergedIntoId", p."id") AS "targetId"
    FROM "WebinarRegistration" r JOIN "Prospect" p ON p."id" = r."prospectId"
    WHERE r."webinarId" = ${webinar.id}::uuid AND ${segmentCondition(options.segment)} AND ${chosen}`;
  const insert =
    options.action === "ADD_TO_LIST"
      ? Prisma.sql`INSERT INTO "ListMembership" ("listId", "prospectId")
          SELECT DISTINCT ${target.id}::uuid, s."targetId" FROM selected s ON CONFLICT DO NOTHING RETURNING 1`
      : Prisma.sql`INSERT INTO "ProspectTag" ("tagId", "prospectId")
          SELECT DISTINCT ${target.id}::uuid, s."targetId" FROM selected s ON CONFLICT DO NOTHING RETURNING 1`;

  const [result] = (await sqlQuery<{ matched: number; affected: number }>(
    db,
    Prisma.sql`
    WITH selected AS (${selected}), inserted AS (${insert})
    SELECT (SELECT count(*) FROM selected)::int AS matched, (SELECT count(*) FROM inserted)::int AS affected`,
  )) as [{ matched: number; affected: number }];
  return { ...result, target };
}

/** The list or tag a bulk action adds to, found by id or made by name (drill-downs and the prospects page). */
export async function findTarget(
  options: Pick<
    ApplyWebinarProspectsActionOptions,
    "db" | "accountId" | "action" | "listId" | "listName" | "tagId" | "tagName"
  >,
) {
  if (options.action === "ADD_TO_LIST") {
    if (!options.listId && !options.listName) throw invalid("listId", "ADD_TO_LIST needs listId or listName");
    return findOrCreateList({
      db: options.db,
      accountId: options.accountId,
      listId: options.listId,
      listName: options.listName,
    });
  }
  if (!options.tagId && !options.tagName) throw invalid("tagId", "ADD_TAG needs tagId or tagName");
  return findOrCreateTag({
    db: options.db,
    accountId: options.accountId,
    tagId: options.tagId,
    tagName: options.tagName,
  });
}
