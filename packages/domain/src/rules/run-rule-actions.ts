import type { PgTransactionQuery } from "@gw/db";
import { RULE_MATCHED_EVENT } from "../events/event-types";
import type { RuleAction } from "./rule-actions";
import type { RunnableRule } from "./run-rule";

/** What one action did for one prospect, as the rule log shows it. */
export interface ActionOutcome {
  type: RuleAction["type"];
  outcome: "done" | "queued" | "skipped";
  reason?: string;
  registrationRequestId?: string;
}

/** GoTo's registrant fields from the prospect's columns (GoTo's `organization` is our company). */
const GOTO_FIELDS_FROM_PROSPECT: Record<string, string> = {
  organization: "company",
  jobTitle: "jobTitle",
  phone: "phone",
  address: "address",
  city: "city",
  state: "state",
  zipCode: "zipCode",
  country: "country",
  industry: "industry",
  numberOfEmployees: "numberOfEmployees",
  purchasingRole: "purchasingRole",
  purchasingTimeFrame: "purchasingTimeFrame",
  questionsAndComments: "questionsAndComments",
};

/**
 * Runs a rule's actions on `ids`, each action one set-based statement, then writes one log row
 * per prospect with every action's outcome. Returns the registration requests written.
 */
export async function runRuleActions(
  query: PgTransactionQuery,
  rule: RunnableRule,
  ids: string[],
  giveUpAfterMs: number,
): Promise<string[]> {
  const account = rule.accountId;
  const perProspect = new Map<string, ActionOutcome[]>(ids.map((id) => [id, []]));
  const everyone = (outcome: ActionOutcome) => {
    for (const list of perProspect.values()) list.push({ ...outcome });
  };
  const requestIds: string[] = [];

  for (const action of rule.actions) {
    switch (action.type) {
      case "ADD_TO_LIST":
      case "REMOVE_FROM_LIST": {
        const [list] = await query<{ id: string }>(
          `SELECT "id" FROM "List" WHERE "id" = $1::uuid AND "accountId" = $2::uuid AND "kind" = 'STATIC'`,
          [action.listId, account],
        );
        if (!list) {
          everyone({ type: action.type, outcome: "skipped", reason: "the list no longer exists" });
          break;
        }
        await query(
          action.type === "ADD_TO_LIST"
            ? `INSERT INTO "ListMembership" ("listId", "prospectId") SELECT $1::uuid, unnest($2::uuid[]) ON CONFLICT DO NOTHING`
            : `DELETE FROM "ListMembership" WHERE "listId" = $1::uuid AND "prospectId" = ANY($2::uuid[])`,
          [list.id, ids],
        );
        everyone({ type: action.type, outcome: "done" });
        break;
      }
      case "ADD_TAG": {
        // Tag names are unique per account ignoring case: reuse "vip" for "VIP".
        const [tag] = await query<{ id: string }>(
          `WITH found AS (SELECT "id" FROM "Tag" WHERE "accountId" = $1::uuid AND lower("name") = lower($2) LIMIT 1),
           made AS (INSERT INTO "Tag" ("accountId", "name") SELECT $1::uuid, $2 WHERE NOT EXISTS (SELECT 1 FROM found)
                    ON CONFLICT ("accountId", "name") DO UPDATE SET "name" = EXCLUDED."name" RETURNING "id")
           SELECT "id" FROM found UNION ALL SELECT "id" FROM made`,
          [account, action.tag],
        );
        await query(
          `INSERT INTO "ProspectTag" ("tagId", "prospectId") SELECT $1::uuid, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
          [tag!.id, ids],
        );
        everyone({ type: action.type, outcome: "done" });
        break;
      }
      case "REMOVE_TAG":
        await query(
          `DELETE FROM "ProspectTag" pt USING "Tag" t
           WHERE t."id" = pt."tagId" AND t."accountId" = $1::uuid AND lower(t."name") = lower($2) AND pt."prospectId" = ANY($3::uuid[])`,
          [account, action.tag, ids],
        );
        everyone({ type: action.type, outcome: "done" });
        break;
      case "ADJUST_SCORE":
        await query(
          `UPDATE "Prospect" SET "score" = "score" + $1::int, "updatedAt" = now() WHERE "id" = ANY($2::uuid[]) AND "accountId" = $3::uuid`,
          [action.points, ids, account],
        );
        everyone({ type: action.type, outcome: "done" });
        break;
      case "SET_CAMPAIGN": {
        const updated = await query(
          `UPDATE "Prospect" SET "campaignId" = c."id", "updatedAt" = now() FROM "Campaign" c
           WHERE c."id" = $1::uuid AND c."accountId" = $3::uuid AND "Prospect"."id" = ANY($2::uuid[]) AND "Prospect"."accountId" = $3::uuid
           RETURNING "Prospect"."id"`,
          [action.campaignId, ids, account],
        );
        everyone(
          updated.length
            ? { type: action.type, outcome: "done" }
            : { type: action.type, outcome: "skipped", reason: "the campaign no longer exists" },
        );
        break;
      }
      case "SET_FIELD":
        // `field` is one of PROSPECT_PROFILE_FIELDS (the action schema's enum), never free text.
        await query(
          `UPDATE "Prospect" SET "${action.field}" = $1, "updatedAt" = now() WHERE "id" = ANY($2::uuid[]) AND "accountId" = $3::uuid`,
          [action.value || null, ids, account],
        );
        everyone({ type: action.type, outcome: "done" });
        break;
      case "EMIT_EVENT":
        // Into the change log in this transaction: the outbound fan-out delivers it to every
        // endpoint that wants rule.matched, and only if the rule's run commits.
        await query(
          `INSERT INTO "ChangeEvent" ("accountId", "type", "prospectId", "data")
           SELECT $1::uuid, $2, p."id", $3::jsonb FROM "Prospect" p WHERE p."id" = ANY($4::uuid[]) AND p."accountId" = $1::uuid`,
          [account, RULE_MATCHED_EVENT, JSON.stringify({ rule: { id: rule.id, name: rule.name } }), ids],
        );
        everyone({ type: action.type, outcome: "done" });
        break;
      case "REGISTER_WEBINAR": {
        const outcomes = await registerForWebinar(query, rule, action.webinarId, ids, giveUpAfterMs);
        for (const [id, list] of perProspect) {
          const outcome = outcomes.get(id)!;
          if (outcome.registrationRequestId) requestIds.push(outcome.registrationRequestId);
          list.push(outcome);
        }
        break;
      }
    }
  }

  const prospects = [...perProspect.keys()];
  const logged = prospects.map((id) => JSON.stringify(perProspect.get(id)));
  const outcomes = prospects.map((id) => summarize(perProspect.get(id)!));
  await query(
    `INSERT INTO "AutomationRuleRun" ("ruleId", "prospectId", "actions", "outcome")
     SELECT $1::uuid, l."prospectId", l."actions", l."outcome"
     FROM unnest($2::uuid[], $3::jsonb[], $4::text[]) AS l("prospectId", "actions", "outcome")`,
    [rule.id, prospects, logged, outcomes],
  );
  return requestIds;
}

function summarize(outcomes: ActionOutcome[]): string {
  if (outcomes.every((o) => o.outcome === "skipped")) return "skipped";
  return outcomes.some((o) => o.outcome === "skipped") ? "partial" : "done";
}

/**
 * Writes one RegistrationRequest (the forms' outbox) per prospect who can be registered: GoTo
 * needs a first and last name, and someone already registered (or on the way) is left alone.
 * The push job sends it to GoTo after commit; its outcome (including GoTo's refusal) is on the
 * request, which the rule log shows.
 */
async function registerForWebinar(
  query: PgTransactionQuery,
  rule: RunnableRule,
  webinarId: string,
  ids: string[],
  giveUpAfterMs: number,
): Promise<Map<string, ActionOutcome>> {
  const fields = Object.entries(GOTO_FIELDS_FROM_PROSPECT)
    .map(([goto, column]) => `'${goto}', NULLIF(btrim(p."${column}"), '')`)
    .join(", ");
  const rows = await query<{ id: string; reason: string | null; requestId: string | null }>(
    `WITH c AS MATERIALIZED (
       SELECT p.*,
         CASE
           WHEN NOT EXISTS (SELECT 1 FROM "Webinar" w WHERE w."id" = $2::uuid AND w."accountId" = $1::uuid)
             THEN 'the webinar no longer exists'
           WHEN COALESCE(btrim(p."firstName"), '') = '' OR COALESCE(btrim(p."lastName"), '') = ''
             THEN 'GoTo needs a first and a last name to register'
           WHEN EXISTS (SELECT 1 FROM "WebinarRegistration" r WHERE r."webinarId" = $2::uuid AND r."prospectId" = p."id" AND r."status" <> 'CANCELLED')
             THEN 'already registered'
           WHEN EXISTS (SELECT 1 FROM "RegistrationRequest" q WHERE q."webinarId" = $2::uuid AND q."prospectId" = p."id" AND q."status" = 'PENDING')
             THEN 'a registration is already on its way'
         END AS "reason"
       FROM "Prospect" p WHERE p."id" = ANY($3::uuid[]) AND p."accountId" = $1::uuid
     ), made AS (
       INSERT INTO "RegistrationRequest" ("accountId", "prospectId", "webinarId", "source", "payload", "nextAttemptAt", "giveUpAt", "updatedAt")
       SELECT $1::uuid, p."id", $2::uuid, 'RULE',
         jsonb_build_object('email', p."email", 'firstName', btrim(p."firstName"), 'lastName', btrim(p."lastName"),
           'fields', jsonb_strip_nulls(jsonb_build_object(${fields})), 'responses', '[]'::jsonb, 'source', $4::text),
         now(), now() + make_interval(secs => $5::double precision / 1000), now()
       FROM c p WHERE p."reason" IS NULL
       RETURNING "id", "prospectId"
     )
     SELECT c."id", c."reason", m."id" AS "requestId" FROM c LEFT JOIN made m ON m."prospectId" = c."id"`,
    [rule.accountId, webinarId, ids, rule.name.slice(0, 128), giveUpAfterMs],
  );
  const outcomes = new Map<string, ActionOutcome>();
  for (const row of rows) {
    outcomes.set(
      row.id,
      row.requestId
        ? { type: "REGISTER_WEBINAR", outcome: "queued", registrationRequestId: row.requestId }
        : { type: "REGISTER_WEBINAR", outcome: "skipped", reason: row.reason ?? "not registered" },
    );
  }
  for (const id of ids) {
    if (!outcomes.has(id))
      outcomes.set(id, { type: "REGISTER_WEBINAR", outcome: "skipped", reason: "the prospect no longer exists" });
  }
  return outcomes;
}
