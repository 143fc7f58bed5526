import { errors, exclusionRules, exclusionRulesBody, exclusionsApplied } from "@gw/api-contract";
import { listExclusionRules, setExclusionRules } from "@gw/domain/exclusions";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

/** Admin > Exclusions: who the account keeps out of automation (filtered prospects). */
export const exclusionRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const { db } = deps;
    const tags = ["exclusions"];

    app.get(
      "/api/exclusions",
      {
        schema: {
          tags,
          summary: "The account's exclusion rules",
          response: { 200: exclusionRules, ...errors },
        },
      },
      async (request) => ({ rules: await listExclusionRules({ db, accountId: authOf(request).accountId }) }),
    );

    app.put(
      "/api/exclusions",
      {
        preHandler: app.requireAdmin,
        schema: {
          tags,
          summary: "Replace the exclusion rules and re-apply them to every prospect now (admins)",
          description:
            "Matching prospects become filtered: the sync still records their activities, but they get no completion or rule " +
            "actions, leave dynamic lists, and the reports hide them unless includeFiltered=true. Prospects only the old rules " +
            "filtered are released; prospects filtered by hand stay filtered.",
          body: exclusionRulesBody,
          response: { 200: exclusionsApplied, ...errors },
        },
      },
      async (request) => setExclusionRules({ db, accountId: authOf(request).accountId, rules: request.body.rules }),
    );
  };
