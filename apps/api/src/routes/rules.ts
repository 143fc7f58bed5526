import { errorBody, errors, idParams, pageOf, pageQuery, prospectSummary } from "@gw/api-contract";
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
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { criteriaInput } from "./segments";

const actionsInput = z
  .any()
  .describe(
    "Non-empty array of actions: ADD_TO_LIST / REMOVE_FROM_LIST { listId } (static lists), ADD_TAG / REMOVE_TAG { tag }, " +
      "ADJUST_SCORE { points }, SET_CAMPAIGN { campaignId }, SET_FIELD { field, value | null }, REGISTER_WEBINAR { webinarId }.",
  );

const rule = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(["DRAFT", "ENABLED", "PAUSED"]),
    repeat: z.boolean().describe("run again each time a prospect newly matches, not only the first time"),
    criteria: z.any(),
    actions: z.any(),
    enabledAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    prospectsActedOn: z.number().int(),
    runs: z.number().int(),
    description: z.string().optional().describe("the criteria in words"),
  })
  .meta({ id: "AutomationRule" });

const runSummary = z.object({
  matched: z.number().int().describe("prospects matching now"),
  acted: z.number().int().describe("prospects the actions ran on now"),
  registrationRequestIds: z.array(z.uuid()),
});

const runView = prospectSummary.extend({
  runId: z.string(),
  ruleId: z.uuid(),
  ruleName: z.string(),
  at: z.date(),
  outcome: z.string().describe("done, partial (some actions skipped) or skipped"),
  actions: z
    .array(z.any())
    .describe("each action's outcome; REGISTER_WEBINAR with the registration's status and GoTo's refusal"),
});

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
          querystring: z.object(pageQuery),
          response: { 200: pageOf(rule), ...errors },
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
          body: z.object({
            name: z.string().trim().min(1, "name must not be blank").max(100),
            criteria: criteriaInput,
            actions: actionsInput,
            repeat: z.boolean().default(false),
          }),
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
          body: z.object({
            name: z.string().trim().min(1, "name must not be blank").max(100).optional(),
            criteria: criteriaInput.optional(),
            actions: actionsInput.optional(),
            repeat: z.boolean().optional(),
          }),
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
          response: { 204: z.null(), ...errors },
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
          body: z.object({ sampleSize: z.number().int().min(0).max(50).default(10) }).default({ sampleSize: 10 }),
          response: {
            200: z.object({ matching: z.number().int(), wouldRun: z.number().int(), sample: z.array(prospectSummary) }),
            ...errors,
          },
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
          response: { 200: runSummary, ...errors },
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
          response: { 204: z.null(), ...errors, 409: errorBody },
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
          querystring: z.object(pageQuery),
          response: { 200: pageOf(runView), ...errors },
        },
      },
      async (request) =>
        listRuleRuns({ db, accountId: authOf(request).accountId, ruleId: request.params.id, ...request.query }),
    );
  };
