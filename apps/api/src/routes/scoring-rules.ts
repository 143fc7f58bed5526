import { ActivityType } from "@gw/db";
import { getScoringRules, MAX_ACTIVITY_POINTS, updateScoringRules } from "@gw/domain/scoring";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { errorBody } from "./auth-schemas";

const activityType = z.enum(ActivityType);
const rule = z
  .object({
    activityType,
    points: z.number().int(),
    isDefault: z.boolean().describe("true while the account has not set this type and the default applies"),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: "ScoringRule" });
const rules = z.object({ rules: z.array(rule) });

/** Points per activity type. New values apply to activities recorded from then on. */
export const scoringRuleRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const tags = ["scoring"];

    app.get(
      "/api/scoring-rules",
      {
        schema: {
          tags,
          summary: "Points per webinar activity type (the account's own or the default)",
          response: { 200: rules, 401: errorBody },
        },
      },
      async (request) => ({ rules: await getScoringRules({ db: deps.db, accountId: authOf(request).accountId }) }),
    );

    app.put(
      "/api/scoring-rules",
      {
        schema: {
          tags,
          summary: "Set the points of some activity types; activities already recorded keep the points they earned",
          body: z.object({
            rules: z
              .array(
                z.object({
                  activityType,
                  points: z.number().int().min(-MAX_ACTIVITY_POINTS).max(MAX_ACTIVITY_POINTS),
                }),
              )
              .min(1)
              .max(4),
          }),
          response: { 200: rules, 400: errorBody, 401: errorBody, 403: errorBody },
        },
      },
      async (request) => ({
        rules: await updateScoringRules({
          db: deps.db,
          accountId: authOf(request).accountId,
          rules: request.body.rules,
        }),
      }),
    );
  };
