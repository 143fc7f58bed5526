import { type Db, pgQuery } from "@gw/db";
import { notFound } from "../errors/index";
import { containsPattern } from "../paging/paging";
import { neutralizeFormula } from "../reports/csv-cell";
import { prepareCriteria } from "../segments/prepare-criteria";
import { matchesQuery } from "../segments/preview-criteria";

export const PROSPECT_EXPORT_HEADER = [
  "Email",
  "First name",
  "Last name",
  "Company",
  "Job title",
  "Phone",
  "City",
  "Country",
  "Score",
  "Source",
  "Filtered",
  "Created at",
];

export interface ProspectsExport {
  filename: string;
  header: string[];
  /** Rows safe against CSV injection, read batch by batch (keyset on the id) as they are consumed. */
  rows: AsyncIterable<string[]>;
}

interface Row {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  jobTitle: string | null;
  phone: string | null;
  city: string | null;
  country: string | null;
  score: number;
  source: string;
  filtered: boolean;
  createdAt: Date;
  extra?: Date | null;
}

/**
 * Streams the prospects a `where` over `p` selects (with `from` joined), in id order, in
 * batches: any list, tag or search of any size without holding it in memory. The target is
 * checked before the first row, so a wrong id is still an ordinary 404.
 */
function streamProspects(
  db: Db,
  query: { from: string; where: string; params: unknown[]; extra?: { header: string; column: string } },
  batchSize = 1000,
): Pick<ProspectsExport, "header" | "rows"> {
  const header = [...PROSPECT_EXPORT_HEADER, ...(query.extra ? [query.extra.header] : [])];
  async function* rows(): AsyncGenerator<string[]> {
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const n = query.params.length;
      const batch = await pgQuery<Row>(
        db,
        `SELECT p."id", p."email", p."firstName", p."lastName", p."company", p."jobTitle", p."phone", p."city", p."country",
           p."score", p."source"::text AS "source", p."filtered", p."createdAt"${query.extra ? `, ${query.extra.column} AS "extra"` : ""}
         FROM ${query.from} WHERE ${query.where} AND p."id" > $${n + 1}::uuid ORDER BY p."id" LIMIT $${n + 2}::int`,
        [...query.params, after, batchSize],
      );
      for (const row of batch) {
        yield [
          row.email,
          row.firstName ?? "",
          row.lastName ?? "",
          row.company ?? "",
          row.jobTitle ?? "",
          row.phone ?? "",
          row.city ?? "",
          row.country ?? "",
          String(row.score),
          row.source,
          row.filtered ? "yes" : "no",
          row.createdAt.toISOString(),
          ...(query.extra ? [row.extra ? row.extra.toISOString() : ""] : []),
        ].map(neutralizeFormula);
      }
      if (batch.length < batchSize) return;
      after = batch.at(-1)!.id;
    }
  }
  return { header, rows: rows() };
}

/** A list's members (static or dynamic), with when each joined. */
export async function exportListMembers(options: {
  db: Db;
  accountId: string;
  listId: string;
}): Promise<ProspectsExport> {
  const list = await options.db.list.findFirst({
    where: { id: options.listId, accountId: options.accountId },
    select: { id: true, name: true },
  });
  if (!list) throw notFound("List", options.listId);
  return {
    filename: `${list.name}.csv`,
    ...streamProspects(options.db, {
      from: `"ListMembership" m JOIN "Prospect" p ON p."id" = m."prospectId"`,
      where: `m."listId" = $1::uuid`,
      params: [list.id],
      extra: { header: "Joined list at", column: `m."createdAt"` },
    }),
  };
}

/** A tag's prospects, with when each was tagged. */
export async function exportTagMembers(options: {
  db: Db;
  accountId: string;
  tagId: string;
}): Promise<ProspectsExport> {
  const tag = await options.db.tag.findFirst({
    where: { id: options.tagId, accountId: options.accountId },
    select: { id: true, name: true },
  });
  if (!tag) throw notFound("Tag", options.tagId);
  return {
    filename: `tag-${tag.name}.csv`,
    ...streamProspects(options.db, {
      from: `"ProspectTag" t JOIN "Prospect" p ON p."id" = t."prospectId"`,
      where: `t."tagId" = $1::uuid`,
      params: [tag.id],
      extra: { header: "Tagged at", column: `t."createdAt"` },
    }),
  };
}

/** A prospect search as the prospects page runs it (e-mail, name or company contains `q`), merged-away records left out. */
export async function exportProspectSearch(options: {
  db: Db;
  accountId: string;
  q?: string;
}): Promise<ProspectsExport> {
  const q = options.q?.trim();
  const pattern = q ? containsPattern(q) : null;
  return {
    filename: q ? `prospects-${q}.csv` : "prospects.csv",
    ...streamProspects(options.db, {
      from: `"Prospect" p`,
      where: `p."accountId" = $1::uuid AND p."mergedIntoId" IS NULL AND ($2::text IS NULL OR p."email" ILIKE $2 OR p."firstName" ILIKE $2
        OR p."lastName" ILIKE $2 OR p."company" ILIKE $2 OR concat_ws(' ', p."firstName", p."lastName") ILIKE $2)`,
      params: [options.accountId, pattern],
    }),
  };
}

/** Whoever matches criteria now (the segment builder's export). */
export async function exportCriteriaMatches(options: {
  db: Db;
  accountId: string;
  criteria: unknown;
}): Promise<ProspectsExport> {
  const prepared = await prepareCriteria(options);
  const { where, params } = matchesQuery(options.accountId, prepared.criteria);
  return {
    filename: "segment.csv",
    ...streamProspects(options.db, { from: `"Prospect" p`, where, params: params.values }),
  };
}
