import { type Db, type Prospect, pgQuery } from "@gw/db";
import { MEMBERSHIP } from "../names/named-members";
import { findOwnedNamed, type NamedKind, type OwnedNamedInput } from "../names/named-records";
import { containsPattern } from "../paging/paging";
import { type ProspectFilters, prospectFiltersSql } from "../prospects/prospect-filters";
import { neutralizeFormula } from "../reports/csv-cell";
import { SqlParams } from "../segments/compile-criteria";
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

// Typed from the model, so a column renamed in the schema breaks here; `source` is cast to text.
type Row = Pick<
  Prospect,
  | "id"
  | "email"
  | "firstName"
  | "lastName"
  | "company"
  | "jobTitle"
  | "phone"
  | "city"
  | "country"
  | "score"
  | "filtered"
  | "createdAt"
> & { source: string; extra?: Date | null };

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

const MEMBER_EXPORT = {
  list: { filename: (name: string) => `${name}.csv`, header: "Joined list at" },
  tag: { filename: (name: string) => `tag-${name}.csv`, header: "Tagged at" },
} as const;

/** A list's or tag's prospects, with when each joined it. */
async function exportMembers(db: Db, accountId: string, kind: NamedKind, id: string): Promise<ProspectsExport> {
  const owner = await findOwnedNamed(db, kind, accountId, id);
  const { table, key } = MEMBERSHIP[kind];
  return {
    filename: MEMBER_EXPORT[kind].filename(owner.name),
    ...streamProspects(db, {
      from: `${table} m JOIN "Prospect" p ON p."id" = m."prospectId"`,
      where: `m.${key} = $1::uuid`,
      params: [owner.id],
      extra: { header: MEMBER_EXPORT[kind].header, column: `m."createdAt"` },
    }),
  };
}

/** A list's members (static or dynamic), with when each joined. */
export const exportListMembers = (options: OwnedNamedInput<"listId">): Promise<ProspectsExport> =>
  exportMembers(options.db, options.accountId, "list", options.listId);

/** A tag's prospects, with when each was tagged. */
export const exportTagMembers = (options: OwnedNamedInput<"tagId">): Promise<ProspectsExport> =>
  exportMembers(options.db, options.accountId, "tag", options.tagId);

/** A prospect search as the prospects page runs it (e-mail, name or company contains `q`, and its filters), merged-away records left out. */
export async function exportProspectSearch(options: {
  db: Db;
  accountId: string;
  q?: string;
  filters?: ProspectFilters;
}): Promise<ProspectsExport> {
  const q = options.q?.trim();
  const params = new SqlParams();
  const account = params.add(options.accountId);
  const pattern = params.add(q ? containsPattern(q) : null);
  const filters = prospectFiltersSql(options.filters ?? {}, params, account);
  return {
    filename: q ? `prospects-${q}.csv` : "prospects.csv",
    ...streamProspects(options.db, {
      from: `"Prospect" p`,
      where: `p."accountId" = ${account}::uuid AND p."mergedIntoId" IS NULL AND (${pattern}::text IS NULL OR p."email" ILIKE ${pattern}
        OR p."firstName" ILIKE ${pattern} OR p."lastName" ILIKE ${pattern} OR p."company" ILIKE ${pattern}
        OR concat_ws(' ', p."firstName", p."lastName") ILIKE ${pattern}) AND ${filters}`,
      params: params.values,
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
