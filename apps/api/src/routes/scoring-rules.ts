import {
  attendanceScoringRules,
  attendanceScoringRulesBody,
  errorBody,
  scoringRules,
  scoringRulesBody,
} from "@gw/api-contract";
import {
  getScoringRules,
  listAttendanceScoringRules,
  setAttendanceScoringRules,
  updateScoringRules,
} from "@gw/domain/scoring";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

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
          response: { 200: scoringRules, 401: errorBody },
        },
      },
      async (request) => ({ rules: await getScoringRules({ db: deps.db, accountId: authOf(request).accountId }) }),
    );

    app.put(
      "/api/scoring-rules",
      {
        // Scores drive every account-wide list and rule: an admin decision, as documented.
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Set the points of some activity types; activities already recorded keep the points they earned",
          body: scoringRulesBody,
          response: { 200: scoringRules, 400: errorBody, 401: errorBody, 403: errorBody },
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

    app.get(
      "/api/scoring-rules/attendance",
      {
        schema: {
          tags,
          summary: "Attendance threshold rules: points for attending at least N minutes or P % of the session",
          response: { 200: attendanceScoringRules, 401: errorBody },
        },
      },
      async (request) => ({
        rules: await listAttendanceScoringRules({ db: deps.db, accountId: authOf(request).accountId }),
      }),
    );

    app.put(
      "/api/scoring-rules/attendance",
      {
        schema: {
          tags,
          summary:
            "Replace the attendance threshold rules; each pays once per prospect and webinar, from the next attendance sync",
          body: attendanceScoringRulesBody,
          response: { 200: attendanceScoringRules, 400: errorBody, 401: errorBody, 403: errorBody },
        },
      },
      async (request) => ({
        rules: await setAttendanceScoringRules({
          db: deps.db,
          accountId: authOf(request).accountId,
          rules: request.body.rules,
        }),
      }),
    );
  };
