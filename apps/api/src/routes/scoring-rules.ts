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
import { accountRoute } from "./account-route";

/** Points per activity type. New values apply to activities recorded from then on. */
export const scoringRuleRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const tags = ["scoring"];
    const { db } = deps;
    const read = { 401: errorBody };
    const write = { 400: errorBody, 401: errorBody, 403: errorBody };

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/scoring-rules",
        tags,
        summary: "Points per webinar activity type (the account's own or the default)",
        reply: scoringRules,
        errors: read,
      },
      async ({ accountId }) => ({ rules: await getScoringRules({ db, accountId }) }),
    );

    accountRoute(
      app,
      {
        method: "PUT",
        url: "/api/scoring-rules",
        // Scores drive every account-wide list and rule: an admin decision, as documented.
        preHandler: app.requireAdmin,
        tags,
        summary: "Set the points of some activity types; activities already recorded keep the points they earned",
        body: scoringRulesBody,
        reply: scoringRules,
        errors: write,
      },
      async ({ accountId, body }) => ({ rules: await updateScoringRules({ db, accountId, rules: body.rules }) }),
    );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/scoring-rules/attendance",
        tags,
        summary: "Attendance threshold rules: points for attending at least N minutes or P % of the session",
        reply: attendanceScoringRules,
        errors: read,
      },
      async ({ accountId }) => ({ rules: await listAttendanceScoringRules({ db, accountId }) }),
    );

    accountRoute(
      app,
      {
        method: "PUT",
        url: "/api/scoring-rules/attendance",
        // Like the points per activity: scores drive every account-wide list and rule.
        preHandler: app.requireAdmin,
        tags,
        summary:
          "Replace the attendance threshold rules; each pays once per prospect and webinar, from the next attendance sync",
        body: attendanceScoringRulesBody,
        reply: attendanceScoringRules,
        errors: write,
      },
      async ({ accountId, body }) => ({ rules: await setAttendanceScoringRules({ db, accountId, rules: body.rules }) }),
    );
  };
