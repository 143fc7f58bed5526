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
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

/** Points per activity type. New values apply to activities recorded from then on. */
export const scoringRuleRoutes = ({ db }: ApiDeps) =>
  accountPlugin({ tags: ["scoring"], errors: { 401: errorBody } }, (route, app) => {
    const write = { 400: errorBody, 401: errorBody, 403: errorBody };

    route.get(
      "/api/scoring-rules",
      {
        summary: "Points per webinar activity type (the account's own or the default)",
        reply: scoringRules,
      },
      async ({ accountId }) => ({ rules: await getScoringRules({ db, accountId }) }),
    );

    route.put(
      "/api/scoring-rules",
      {
        // Scores drive every account-wide list and rule: an admin decision, as documented.
        preHandler: app.requireAdmin,
        summary: "Set the points of some activity types; activities already recorded keep the points they earned",
        body: scoringRulesBody,
        reply: scoringRules,
        errors: write,
      },
      async ({ accountId, body }) => ({ rules: await updateScoringRules({ db, accountId, rules: body.rules }) }),
    );

    route.get(
      "/api/scoring-rules/attendance",
      {
        summary: "Attendance threshold rules: points for attending at least N minutes or P % of the session",
        reply: attendanceScoringRules,
      },
      async ({ accountId }) => ({ rules: await listAttendanceScoringRules({ db, accountId }) }),
    );

    route.put(
      "/api/scoring-rules/attendance",
      {
        // Like the points per activity: scores drive every account-wide list and rule.
        preHandler: app.requireAdmin,
        summary:
          "Replace the attendance threshold rules; each pays once per prospect and webinar, from the next attendance sync",
        body: attendanceScoringRulesBody,
        reply: attendanceScoringRules,
        errors: write,
      },
      async ({ accountId, body }) => ({ rules: await setAttendanceScoringRules({ db, accountId, rules: body.rules }) }),
    );
  });
