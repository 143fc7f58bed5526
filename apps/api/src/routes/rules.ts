import {
  errorBody,
  errors,
  idParams,
  noContent,
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
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

/** Automation rules: criteria + actions, previewed, enabled, paused, with a log per rule. */
export const ruleRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const { db } = deps;
    const tags = ["rules"];
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

    app.get(
      "/api/rules",
      {
        schema: {
          tags,
          summary: "The account's automation rules",
          querystring: rulePageQuery,
          response: { 200: rulePage, ...errors },
        },
      },
      async (request) => listRules({ db, accountId: authOf(request).accountId, ...request.query }),
    );

    app.post(
      "/api/rules",
      {
        schema: {
          tags,
          summary: "Create a rule (as a draft: preview it, then enable it)",
          body: ruleBody,
          response: { 201: rule, ...errors, 409: errorBody },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createRule({ db, accountId: authOf(request).accountId, ...request.body })),
    );

    app.get(
      "/api/rules/:id",
      {
        schema: {
          tags,
          summary: "A rule with its criteria in words",
          params: idParams,
          response: { 200: rule, ...errors },
        },
      },
      async (request) => getRule({ db, accountId: authOf(request).accountId, ruleId: request.params.id }),
    );

    app.patch(
      "/api/rules/:id",
      {
        schema: {
          tags,
          summary: "Change a rule (applies to matches from now on)",
          params: idParams,
          body: ruleUpdateBody,
          response: { 200: rule, ...errors, 409: errorBody },
        },
      },
      async (request) =>
        updateRule({ db, accountId: authOf(request).accountId, ruleId: request.params.id, ...request.body }),
    );

    app.delete(
      "/api/rules/:id",
      {
        schema: {
          tags,
          summary: "Delete a rule and its log",
          params: idParams,
          response: { 204: noContent, ...errors },
        },
      },
      async (request, reply) => {
        await deleteRule({ db, accountId: authOf(request).accountId, ruleId: request.params.id });
        return reply.status(204).send(null);
      },
    );

    app.post(
      "/api/rules/:id/preview",
      {
        schema: {
          tags,
          summary: "What enabling the rule would do now: how many match, how many it would run on, a sample",
          params: idParams,
          body: rulePreviewBody,
          response: { 200: rulePreview, ...errors },
        },
      },
      async (request) =>
        previewRule({ db, accountId: authOf(request).accountId, ruleId: request.params.id, ...request.body }),
    );

    app.post(
      "/api/rules/:id/enable",
      {
        schema: {
          tags,
          summary: "Enable (or resume) a rule: it runs now on every current match, then on new matches as they happen",
          params: idParams,
          response: { 200: ruleRunSummary, ...errors },
        },
      },
      async (request) => {
        const summary = await enableRule({
          db,
          accountId: authOf(request).accountId,
          ruleId: request.params.id,
          giveUpAfterMs,
        });
        await pushAll(summary.registrationRequestIds, request.id);
        request.log.info({ ruleId: request.params.id, matched: summary.matched, acted: summary.acted }, "rule enabled");
        return summary;
      },
    );

    app.post(
      "/api/rules/:id/pause",
      {
        schema: {
          tags,
          summary: "Pause a rule (resume with enable)",
          params: idParams,
          response: { 204: noContent, ...errors, 409: errorBody },
        },
      },
      async (request, reply) => {
        await pauseRule({ db, accountId: authOf(request).accountId, ruleId: request.params.id });
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/rules/:id/runs",
      {
        schema: {
          tags,
          summary: "The rule's log: which prospect, which actions, when and the outcome, newest first",
          params: idParams,
          querystring: rulePageQuery,
          response: { 200: ruleRunPage, ...errors },
        },
      },
      async (request) =>
        listRuleRuns({ db, accountId: authOf(request).accountId, ruleId: request.params.id, ...request.query }),
    );
  };
