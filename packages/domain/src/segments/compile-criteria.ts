import { containsPattern } from "../paging/paging";
import type { Condition, Criteria, CriteriaNode, Period, WebinarScope } from "./criteria";

/** Positional parameters for one statement: `add` returns the placeholder (`$3`). */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The criteria as one SQL predicate over a prospect row aliased `p`, every value a parameter.
 * Only names from the criteria model's closed sets are written into the text (column names come
 * from the whitelist, never from the input), so nothing a caller sends can change the query's
 * shape. Webinar sub-queries repeat the account condition: an id from another account matches
 * nothing even if it slipped past the reference check. The caller adds the account, merged and
 * filtered conditions of the prospect itself (see baseProspectCondition).
 */
export function compileCriteria(criteria: Criteria, params: SqlParams, accountParam: string): string {
  return node(criteria, { params, account: accountParam });
}

/** The prospects criteria are ever evaluated over: the account's own, not merged away, not filtered. */
export function baseProspectCondition(accountParam: string): string {
  return `p."accountId" = ${accountParam}::uuid AND p."mergedIntoId" IS NULL AND NOT p."filtered"`;
}

/** True when the criteria's truth can change with the clock alone (re-evaluated periodically). */
export function isTimeRelative(criteria: Criteria): boolean {
  const walk = (n: CriteriaNode): boolean => {
    if (n.type === "group") return n.conditions.some(walk);
    // "the last N days" moves with now(); everything else changes only with the data.
    return JSON.stringify(n).includes('"lastDays"');
  };
  return walk(criteria);
}

/** Every list a criteria tree refers to (dynamic lists are evaluated after the lists they use). */
export function referencedListIds(criteria: Criteria): string[] {
  const ids: string[] = [];
  const walk = (n: CriteriaNode) => {
    if (n.type === "group") for (const c of n.conditions) walk(c);
    else if (n.type === "listMember") ids.push(n.listId);
  };
  walk(criteria);
  return [...new Set(ids)];
}

interface Ctx {
  params: SqlParams;
  account: string;
}

/**
 * Every node compiles to an expression that is never NULL, so NOT needs no guard. Only field
 * conditions can be NULL (an unknown field counts as "does not match", also under NOT) and are
 * wrapped in COALESCE; EXISTS never is. That matters for speed: the planner turns an EXISTS that
 * stands bare among the top-level ANDs into a semi-join (NOT EXISTS into an anti-join) and one
 * inside OR into a hashed sub-plan, but an EXISTS inside COALESCE is re-run for every prospect
 * (bench/segments.ts: a preview over 1,000,000 prospects went from seconds to milliseconds).
 */
function node(n: CriteriaNode, ctx: Ctx): string {
  const sql = n.type === "group" ? group(n.conditions, n.match, ctx) : condition(n, ctx);
  return n.not ? `NOT ${sql}` : sql;
}

function group(conditions: CriteriaNode[], match: "all" | "any", ctx: Ctx): string {
  const parts = conditions.map((c) => node(c, ctx));
  return `(${parts.join(match === "all" ? " AND " : " OR ")})`;
}

function condition(c: Condition, ctx: Ctx): string {
  const { params } = ctx;
  switch (c.type) {
    case "webinarStatus":
      return registrationExists(c.webinar, WEBINAR_STATUS_SQL[c.status], ctx);
    case "engagement":
      if (c.metric === "minutesAttended") {
        const seconds = params.add(c.value * 60);
        return registrationExists(
          c.webinar,
          c.op === "gte"
            ? `r."attendanceSeconds" >= ${seconds}::int`
            : `r."attended" AND r."attendanceSeconds" <= ${seconds}::int`,
          ctx,
        );
      }
      if (c.metric === "attendancePercent") {
        const percent = params.add(c.value);
        return registrationExists(
          c.webinar,
          c.op === "gte"
            ? `r."attendancePercent" >= ${percent}::double precision`
            : `r."attended" AND r."attendancePercent" <= ${percent}::double precision`,
          ctx,
        );
      }
      return registrationExists(c.webinar, ENGAGEMENT_SQL[c.metric], ctx);
    case "score":
      return `p."score" ${NUMBER_OP[c.op]} ${params.add(c.value)}::int`;
    case "field":
      return `COALESCE(${fieldCondition(c, ctx)}, false)`;
    case "campaign":
      return `p."campaignId" IS NOT DISTINCT FROM ${params.add(c.campaignId)}::uuid`;
    case "createdBy":
      return `p."source" = ${params.add(c.source)}::"ProspectSource"`;
    case "listMember":
      return `EXISTS (SELECT 1 FROM "ListMembership" lm WHERE lm."prospectId" = p."id" AND lm."listId" = ${params.add(c.listId)}::uuid)`;
    case "hasTag":
      return `EXISTS (SELECT 1 FROM "ProspectTag" pt WHERE pt."prospectId" = p."id" AND pt."tagId" = ${params.add(c.tagId)}::uuid)`;
    case "submittedForm":
      return `EXISTS (SELECT 1 FROM "FormSubmission" fs WHERE fs."prospectId" = p."id" AND fs."formId" = ${params.add(c.formId)}::uuid${
        c.within ? ` AND ${periodSql(`fs."createdAt"`, c.within, params)}` : ""
      })`;
    case "createdWithin":
      return periodSql(`p."createdAt"`, c.period, params);
    case "lastActivityWithin":
      return `EXISTS (SELECT 1 FROM "Activity" a WHERE a."prospectId" = p."id" AND ${periodSql(`a."occurredAt"`, c.period, params)})`;
  }
}

const NUMBER_OP = { gte: ">=", lte: "<=", eq: "=" } as const;

/** Registration states, on a registration `r` of webinar `w`. */
const WEBINAR_STATUS_SQL = {
  registered: `r."status" <> 'CANCELLED'`,
  accepted: `r."status" = 'APPROVED'`,
  attended: `r."attended"`,
  // Absent only once attendance is known: the webinar ended and its first attendance sync ran.
  // Before that every registrant would look absent and a rule would act on attendees too.
  absent: `r."status" <> 'CANCELLED' AND NOT r."attended" AND w."status" <> 'CANCELLED' AND w."attendanceSyncs" > 0`,
  cancelled: `r."status" = 'CANCELLED'`,
} as const;

/** Engagement the attendance sync counts on each registration (and survey.submitted webhooks keep). */
const ENGAGEMENT_SQL = {
  askedQuestion: `r."questionsAsked" > 0`,
  answeredPoll: `r."pollsAnswered" > 0`,
  answeredSurvey: `(r."surveysAnswered" > 0 OR r."surveyResponses" <> '[]'::jsonb)`,
} as const;

function webinarScope(scope: WebinarScope, ctx: Ctx): string {
  const { params } = ctx;
  const own = `w."accountId" = ${ctx.account}::uuid`;
  if ("webinarId" in scope) return `${own} AND w."id" = ${params.add(scope.webinarId)}::uuid`;
  if ("connectorId" in scope) return `${own} AND w."connectorId" = ${params.add(scope.connectorId)}::uuid`;
  if ("programId" in scope) return `${own} AND w."programId" = ${params.add(scope.programId)}::uuid`;
  if ("subjectContains" in scope)
    return `${own} AND w."subject" ILIKE ${params.add(containsPattern(scope.subjectContains))}`;
  if ("startsWithin" in scope) return `${own} AND ${periodSql(`w."startsAt"`, scope.startsWithin, params)}`;
  return own;
}

function registrationExists(scope: WebinarScope, state: string, ctx: Ctx): string {
  return `EXISTS (SELECT 1 FROM "WebinarRegistration" r JOIN "Webinar" w ON w."id" = r."webinarId"
    WHERE r."prospectId" = p."id" AND ${webinarScope(scope, ctx)} AND ${state})`;
}

function periodSql(column: string, period: Period, params: SqlParams): string {
  // "The last N days" ends now: a webinar scheduled for next week was not held in the last 7 days.
  if ("lastDays" in period)
    return `(${column} >= now() - make_interval(days => ${params.add(period.lastDays)}::int) AND ${column} <= now())`;
  const parts: string[] = [];
  if (period.from) parts.push(`${column} >= ${params.add(period.from)}::timestamptz`);
  if (period.to) parts.push(`${column} <= ${params.add(period.to)}::timestamptz`);
  return `(${parts.join(" AND ")})`;
}

function fieldCondition(c: Extract<Condition, { type: "field" }>, ctx: Ctx): string {
  const { params } = ctx;
  // `field` is one of CRITERIA_FIELDS (the schema's enum); a custom field is a parameter.
  const column = c.field ? `p."${c.field}"` : `(p."customFields" ->> ${params.add(c.customField)})`;
  const value = (c.value ?? "").trim();
  switch (c.op) {
    case "isEmpty":
      return `(${column} IS NULL OR btrim(${column}) = '')`;
    case "equals":
      return `lower(btrim(${column})) = lower(${params.add(value)})`;
    case "contains":
      return `${column} ILIKE ${params.add(containsPattern(value))}`;
    case "startsWith":
      return `${column} ILIKE ${params.add(`${containsPattern(value).slice(1)}`)}`;
  }
}
