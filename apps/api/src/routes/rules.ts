import {
  errorBody,
  errors,
  idParams,
  rule,
  ruleBody,
  rulePage,
  rulePageQuery,
  rulePreview,
  rulePreviewBody,
  ruleRunPage,
  ruleRunSummary,
  ruleUpdateBody,
} from "@gw/api-contract";
import {
  createRule,
  deleteRule,
  enableRule,
  getRule,
  listRuleRuns,
  listRules,
  pauseRule,
  previewRule,
  updateRule,
} from "@gw/domain/rules";
import { enqueue, pushRegistrationJob } from "@gw/queues";
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

/** Automation rules: criteria + actions, previewed, enabled, paused, with a log per rule. */
export const ruleRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["rules"], errors }, (route) => {
    const { db } = deps;
    const giveUpAfterMs = deps.config.registrations.giveUpAfterMs;
    const pushAll = async (ids: string[], reqId: string) => {
      for (const requestId of ids) {
        // After commit; a lost enqueue costs a sweeper interval, never the registration.
        await enqueue(deps.queues, pushRegistrationJob, { requestId, attempt: 0 }, { requestId: reqId }).catch(
          (error) =>
            deps.log.warn({ err: error, requestId }, "could not enqueue a rule's registration; the sweeper will"),
        );
      }
    };

    route.get(
      "/api/rules",
      {
        summary: "The account's automation rules",
        querystring: rulePageQuery,
        reply: rulePage,
      },
      async ({ accountId, query }) => listRules({ db, accountId, ...query }),
    );

    route.post(
      "/api/rules",
      {
        summary: "Create a rule (as a draft: preview it, then enable it)",
        body: ruleBody,
        reply: rule,
        status: 201,
        errors: { ...errors, 409: errorBody },
      },
      async ({ accountId, body }) => createRule({ db, accountId, ...body }),
    );

    route.get(
      "/api/rules/:id",
      {
        summary: "A rule with its criteria in words",
        params: idParams,
        reply: rule,
      },
      async ({ accountId, params }) => getRule({ db, accountId, ruleId: params.id }),
    );

    route.patch(
      "/api/rules/:id",
      {
        summary: "Change a rule (applies to matches from now on)",
        params: idParams,
        body: ruleUpdateBody,
        reply: rule,
        errors: { ...errors, 409: errorBody },
      },
      async ({ accountId, params, body }) => updateRule({ db, accountId, ruleId: params.id, ...body }),
    );

    route.noContent(
      "DELETE",
      "/api/rules/:id",
      {
        summary: "Delete a rule and its log",
        params: idParams,
      },
      async ({ accountId, params }) => deleteRule({ db, accountId, ruleId: params.id }),
    );

    route.post(
      "/api/rules/:id/preview",
      {
        summary: "What enabling the rule would do now: how many match, how many it would run on, a sample",
        params: idParams,
        body: rulePreviewBody,
        reply: rulePreview,
      },
      async ({ accountId, params, body }) => previewRule({ db, accountId, ruleId: params.id, ...body }),
    );

    route.post(
      "/api/rules/:id/enable",
      {
        summary: "Enable (or resume) a rule: it runs now on every current match, then on new matches as they happen",
        params: idParams,
        reply: ruleRunSummary,
      },
      async ({ accountId, params, request }) => {
        const summary = await enableRule({ db, accountId, ruleId: params.id, giveUpAfterMs });
        await pushAll(summary.registrationRequestIds, request.id);
        request.log.info({ ruleId: params.id, matched: summary.matched, acted: summary.acted }, "rule enabled");
        return summary;
      },
    );

    route.noContent(
      "POST",
      "/api/rules/:id/pause",
      {
        summary: "Pause a rule (resume with enable)",
        params: idParams,
        errors: { ...errors, 409: errorBody },
      },
      async ({ accountId, params }) => pauseRule({ db, accountId, ruleId: params.id }),
    );

    route.get(
      "/api/rules/:id/runs",
      {
        summary: "The rule's log: which prospect, which actions, when and the outcome, newest first",
        params: idParams,
        querystring: rulePageQuery,
        reply: ruleRunPage,
      },
      async ({ accountId, params, query }) => listRuleRuns({ db, accountId, ruleId: params.id, ...query }),
    );
  });
