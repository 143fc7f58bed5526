import { errors } from "@gw/api-contract";
import { EXCLUSION_KINDS, listExclusionRules, MAX_EXCLUSION_RULES, setExclusionRules } from "@gw/domain/exclusions";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

const rule = z.object({
  kind: z
    .enum(EXCLUSION_KINDS)
    .describe(
      "EMAIL_DOMAIN (example.com), EMAIL (one address) or GOTO_ROLE (ORGANIZER; PANELIST or CO_ORGANIZER of any of the account's webinars, read by the sync)",
    ),
  value: z.string().trim().min(1).max(254),
});

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
          response: { 200: z.object({ rules: z.array(rule) }), ...errors },
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
          body: z.object({ rules: z.array(rule).max(MAX_EXCLUSION_RULES) }),
          response: {
            200: z.object({
              rules: z.array(rule),
              filteredByRules: z.number().int(),
              newlyFiltered: z.number().int(),
              released: z.number().int(),
            }),
            ...errors,
          },
        },
      },
      async (request) => setExclusionRules({ db, accountId: authOf(request).accountId, rules: request.body.rules }),
    );
  };
