import { type PgQueryDb, pgQuery } from "@gw/db";

export interface FormStats {
  /** Hosted page views by people (see the API's view counting). */
  views: number;
  submissions: number;
  /** Registrations GoTo Webinar has. */
  registrations: number;
  /** Registrations still on their way to GoTo. */
  pending: number;
  /** Registrations GoTo refused or that gave up. */
  failures: number;
  /** The webinar of the form's register action and the lists it adds to, by id, for naming them. */
  webinarSubjects: Record<string, string>;
  listNames: Record<string, string>;
}

export interface ListFormStatsOptions {
  db: PgQueryDb;
  accountId: string;
  forms: { id: string; webinarIds: string[]; listIds: string[] }[];
}

/**
 * What each form did, from stored data: views, submissions and where their registrations stand;
 * and the names of what its actions point at. One statement for the whole page of forms.
 */
export async function listFormStats(options: ListFormStatsOptions): Promise<Map<string, FormStats>> {
  const ids = options.forms.map((f) => f.id);
  if (ids.length === 0) return new Map();
  const webinarIds = options.forms.flatMap((f) => f.webinarIds);
  const listIds = options.forms.flatMap((f) => f.listIds);
  const [counts, names] = await Promise.all([
    pgQuery<{
      id: string;
      views: number;
      submissions: number;
      registrations: number;
      pending: number;
      failures: number;
    }>(
      options.db,
      `SELECT f."id", f."views",
        (SELECT count(*)::int FROM "FormSubmission" s WHERE s."formId" = f."id") AS "submissions",
        COALESCE(r."registrations", 0) AS "registrations", COALESCE(r."pending", 0) AS "pending",
        COALESCE(r."failures", 0) AS "failures"
       FROM "Form" f
       LEFT JOIN (
         SELECT s."formId",
           (count(*) FILTER (WHERE q."status" = 'SUCCEEDED'))::int AS "registrations",
           (count(*) FILTER (WHERE q."status" = 'PENDING'))::int AS "pending",
           (count(*) FILTER (WHERE q."status" = 'FAILED'))::int AS "failures"
         FROM "RegistrationRequest" q JOIN "FormSubmission" s ON s."id" = q."formSubmissionId"
         WHERE q."accountId" = $2::uuid AND s."formId" = ANY($1::uuid[])
         GROUP BY s."formId"
       ) r ON r."formId" = f."id"
       WHERE f."id" = ANY($1::uuid[]) AND f."accountId" = $2::uuid`,
      [ids, options.accountId],
    ),
    pgQuery<{ kind: string; id: string; name: string }>(
      options.db,
      `SELECT 'webinar' AS "kind", w."id", w."subject" AS "name" FROM "Webinar" w
        WHERE w."id" = ANY($1::uuid[]) AND w."accountId" = $3::uuid
       UNION ALL
       SELECT 'list', l."id", l."name" FROM "List" l WHERE l."id" = ANY($2::uuid[]) AND l."accountId" = $3::uuid`,
      [webinarIds, listIds, options.accountId],
    ),
  ]);
  const nameOf = (kind: string) => new Map(names.filter((n) => n.kind === kind).map((n) => [n.id, n.name]));
  const webinars = nameOf("webinar");
  const lists = nameOf("list");
  const pick = (map: Map<string, string>, wanted: string[]) =>
    Object.fromEntries(wanted.flatMap((id) => (map.has(id) ? [[id, map.get(id)!]] : [])));
  const out = new Map<string, FormStats>();
  for (const form of options.forms) {
    const row = counts.find((c) => c.id === form.id);
    out.set(form.id, {
      views: row?.views ?? 0,
      submissions: row?.submissions ?? 0,
      registrations: row?.registrations ?? 0,
      pending: row?.pending ?? 0,
      failures: row?.failures ?? 0,
      webinarSubjects: pick(webinars, form.webinarIds),
      listNames: pick(lists, form.listIds),
    });
  }
  return out;
}
