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
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

/** Criteria shared by dynamic lists and automation rules: what may be used, and a live preview. */
export const segmentRoutes = ({ db }: ApiDeps) =>
  accountPlugin({ tags: ["segments"], errors }, (route) => {
    route.get(
      "/api/segments/reference",
      {
        summary: "What criteria may use: condition types, fields, operators, statuses and limits",
        reply: segmentReference,
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

    route.post(
      "/api/segments/preview",
      {
        summary: "How many prospects match criteria now, a sample of them, and the criteria in words",
        description: "Merged-away and filtered prospects never match.",
        body: segmentPreviewBody,
        reply: segmentPreview,
      },
      async ({ accountId, body }) => previewCriteria({ db, accountId, ...body }),
    );

    route.get(
      "/api/prospects/:id/segments",
      {
        tags: ["prospects"],
        summary: "Which dynamic lists and automation rules touched a prospect",
        params: idParams,
        reply: prospectSegments,
      },
      async ({ accountId, params }) => getProspectSegments({ db, accountId, prospectId: params.id }),
    );
  });
