import {
  errors,
  idParams,
  prospectSegments,
  segmentPreview,
  segmentPreviewBody,
  segmentReference,
} from "@gw/api-contract";
import {
  CONDITION_TYPES,
  CRITERIA_FIELDS,
  ENGAGEMENT_METRICS,
  FIELD_OPERATORS,
  getProspectSegments,
  MAX_CONDITIONS,
  MAX_DEPTH,
  NUMBER_OPERATORS,
  PROSPECT_SOURCES,
  previewCriteria,
  WEBINAR_STATUSES,
} from "@gw/domain/segments";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

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
            200: segmentReference,
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
          body: segmentPreviewBody,
          response: { 200: segmentPreview, ...errors },
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
          response: { 200: prospectSegments, ...errors },
        },
      },
      async (request) =>
        getProspectSegments({ db: deps.db, accountId: authOf(request).accountId, prospectId: request.params.id }),
    );
  };
