import { errors, idParams, prospectSummary } from "@gw/api-contract";
import {
  CONDITION_TYPES,
  CRITERIA_FIELDS,
  ENGAGEMENT_METRICS,
  FIELD_OPERATORS,
  getProspectSegments,
  MAX_CONDITIONS,
  MAX_DEPTH,
  MAX_SAMPLE,
  NUMBER_OPERATORS,
  PROSPECT_SOURCES,
  previewCriteria,
  WEBINAR_STATUSES,
} from "@gw/domain/segments";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

/**
 * A criteria tree. Checked node by node by the domain (a mistake is a 400 naming the exact
 * condition), so the route only documents it; GET /api/segments/reference lists what is allowed.
 */
export const criteriaInput = z
  .any()
  .refine((value) => value !== undefined, "criteria is required")
  .describe(
    'An AND/OR tree: { type: "group", match: "all" | "any", conditions: [condition | group], not? }. ' +
      "Conditions: webinarStatus { status, webinar }, engagement { metric, op?, value?, webinar }, score { op, value }, " +
      "field { field | customField, op, value? }, campaign { campaignId }, createdBy { source }, listMember { listId }, " +
      "hasTag { tagId }, submittedForm { formId, within? }, createdWithin { period }, lastActivityWithin { period }; each may set not: true. " +
      "webinar: { webinarId } | { connectorId } | { subjectContains } | { startsWithin: period } | { anyWebinar: true }. " +
      "period: { lastDays } | { from?, to? } (ISO 8601).",
  );

/** Criteria shared by dynamic lists and automation rules: what may be used, and a live preview. */
export const segmentRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const tags = ["segments"];

    app.get(
      "/api/segments/reference",
      {
        schema: {
          tags,
          summary: "What criteria may use: condition types, fields, operators, statuses and limits",
          response: {
            200: z.object({
              conditionTypes: z.array(z.string()),
              webinarStatuses: z.array(z.string()),
              engagementMetrics: z.array(z.string()),
              fields: z.array(z.string()),
              fieldOperators: z.array(z.string()),
              numberOperators: z.array(z.string()),
              sources: z.array(z.string()),
              maxConditions: z.number().int(),
              maxDepth: z.number().int(),
            }),
            ...errors,
          },
        },
      },
      async () => ({
        conditionTypes: [...CONDITION_TYPES],
        webinarStatuses: [...WEBINAR_STATUSES],
        engagementMetrics: [...ENGAGEMENT_METRICS],
        fields: [...CRITERIA_FIELDS],
        fieldOperators: [...FIELD_OPERATORS],
        numberOperators: [...NUMBER_OPERATORS],
        sources: [...PROSPECT_SOURCES],
        maxConditions: MAX_CONDITIONS,
        maxDepth: MAX_DEPTH,
      }),
    );

    app.post(
      "/api/segments/preview",
      {
        schema: {
          tags,
          summary: "How many prospects match criteria now, a sample of them, and the criteria in words",
          description: "Merged-away and filtered prospects never match.",
          body: z.object({ criteria: criteriaInput, sampleSize: z.number().int().min(0).max(MAX_SAMPLE).default(10) }),
          response: {
            200: z.object({ count: z.number().int(), sample: z.array(prospectSummary), description: z.string() }),
            ...errors,
          },
        },
      },
      async (request) => previewCriteria({ db: deps.db, accountId: authOf(request).accountId, ...request.body }),
    );

    app.get(
      "/api/prospects/:id/segments",
      {
        schema: {
          tags: ["prospects"],
          summary: "Which dynamic lists and automation rules touched a prospect",
          params: idParams,
          response: {
            200: z.object({
              dynamicLists: z.array(
                z.object({
                  id: z.uuid(),
                  name: z.string(),
                  member: z.boolean(),
                  joinedAt: z.date().nullable(),
                  leftAt: z.date().nullable(),
                }),
              ),
              ruleRuns: z.array(
                prospectSummary.extend({
                  runId: z.string(),
                  ruleId: z.uuid(),
                  ruleName: z.string(),
                  at: z.date(),
                  outcome: z.string(),
                  actions: z.array(z.any()),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) =>
        getProspectSegments({ db: deps.db, accountId: authOf(request).accountId, prospectId: request.params.id }),
    );
  };
