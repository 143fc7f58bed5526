import { ActivityType } from "@gw/db";
import { MAX_PAGE_SIZE } from "@gw/domain/paging";
import {
  getProspectDetail,
  mergeProspects,
  PROSPECT_SORTS,
  searchProspects,
  updateProspect,
} from "@gw/domain/prospects";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";
import { errorBody } from "./auth-schemas";

// Shared by the marketer routes (reports, prospects, lists, tags).
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).describe("1-based page number"),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(25)
    .describe(`rows per page, at most ${MAX_PAGE_SIZE}`),
};
export const searchQuery = z.string().trim().max(200).optional().describe("contains, ignoring case");
export const orderQuery = z.enum(["asc", "desc"]).optional();
export const booleanQuery = (defaultValue: boolean) =>
  z
    .enum(["true", "false"])
    .default(defaultValue ? "true" : "false")
    .transform((value) => value === "true");
export const idParams = z.object({ id: z.uuid() });
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export const nullableString = z.string().nullable();
export const prospectSummary = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: nullableString,
  lastName: nullableString,
  company: nullableString,
});
export const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody };

const ref = z.object({ id: z.uuid(), name: z.string() });
const webinarRef = z.object({ id: z.uuid(), subject: z.string() });

const prospectListItem = prospectSummary.extend({
  score: z.number().int(),
  filtered: z.boolean(),
  mergedIntoId: z.uuid().nullable(),
  createdAt: z.date(),
});

const prospectDetail = prospectSummary
  .extend({
    jobTitle: nullableString,
    phone: nullableString,
    address: nullableString,
    city: nullableString,
    state: nullableString,
    zipCode: nullableString,
    country: nullableString,
    industry: nullableString,
    numberOfEmployees: nullableString,
    purchasingRole: nullableString,
    purchasingTimeFrame: nullableString,
    questionsAndComments: nullableString,
    customFields: z.record(z.string(), z.unknown()),
    score: z.number().int(),
    source: z.enum(["GOTO_SYNC", "FORM", "MANUAL"]),
    filtered: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
    campaign: ref.nullable(),
    mergedInto: z.object({ id: z.uuid(), email: z.string() }).nullable(),
    mergedFrom: z.array(z.object({ id: z.uuid(), email: z.string() })),
    lists: z.array(ref),
    tags: z.array(ref),
    timeline: z
      .array(
        z.object({
          id: z.uuid(),
          type: z.enum(ActivityType),
          occurredAt: z.date(),
          points: z.number().int(),
          webinar: webinarRef,
          answers: z
            .array(z.object({ question: z.string(), answers: z.array(z.string()) }))
            .describe(
              "survey answers (ANSWERED_SURVEY), poll answers (ANSWERED_POLL), questions asked (ASKED_QUESTION)",
            ),
        }),
      )
      .describe("webinar activities, newest first"),
    registrations: z.array(
      z.object({
        id: z.uuid(),
        webinar: webinarRef.extend({ startsAt: z.date() }),
        status: z.enum(["WAITING", "APPROVED", "DENIED", "CANCELLED"]),
        source: z.enum(["GOTO", "FORM", "WEBHOOK"]),
        attended: z.boolean(),
        minutesAttended: z.number().int(),
        registeredAt: z.date(),
        cancelledAt: z.date().nullable(),
      }),
    ),
    registrationRequests: z
      .array(
        z.object({
          id: z.uuid(),
          webinar: webinarRef,
          status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
          lastError: nullableString,
          attempts: z.number().int(),
          createdAt: z.date(),
          completedAt: z.date().nullable(),
        }),
      )
      .describe(
        "form registrations on their way to GoTo; retry a failed one with POST /api/registration-requests/:id/retry",
      ),
  })
  .meta({ id: "ProspectDetail" });

const editable = z.string().trim().max(1000).nullable().optional();
const prospectChanges = z
  .strictObject({
    email: z.email().max(320).optional(),
    filtered: z.boolean().optional(),
    firstName: editable,
    lastName: editable,
    company: editable,
    jobTitle: editable,
    phone: editable,
    address: editable,
    city: editable,
    state: editable,
    zipCode: editable,
    country: editable,
    industry: editable,
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: "send at least one field to change",
  });

/** Prospect search, the prospect page, edits and merges. */
export const prospectRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const { db } = deps;

    app.get(
      "/api/prospects",
      {
        schema: {
          tags: ["prospects"],
          summary: "Search prospects by e-mail, name or company",
          querystring: z.object({
            q: searchQuery,
            includeMerged: booleanQuery(false).describe("include merged-away records"),
            sort: z.enum(PROSPECT_SORTS).optional(),
            order: orderQuery,
            ...pageQuery,
          }),
          response: { 200: pageOf(prospectListItem), ...errors },
        },
      },
      async (request) => searchProspects({ db, accountId: authOf(request).accountId, ...request.query }),
    );

    app.get(
      "/api/prospects/:id",
      {
        schema: {
          tags: ["prospects"],
          summary: "A prospect with campaign, lists, tags, webinar timeline, registrations and registration requests",
          params: idParams,
          response: { 200: prospectDetail, ...errors },
        },
      },
      async (request) => getProspectDetail({ db, accountId: authOf(request).accountId, prospectId: request.params.id }),
    );

    app.patch(
      "/api/prospects/:id",
      {
        schema: {
          tags: ["prospects"],
          summary: "Edit a prospect's basic fields, e-mail or filtered flag",
          params: idParams,
          body: prospectChanges,
          response: { 200: prospectDetail, ...errors, 409: errorBody },
        },
      },
      async (request) =>
        updateProspect({
          db,
          accountId: authOf(request).accountId,
          prospectId: request.params.id,
          changes: request.body,
        }),
    );

    app.post(
      "/api/prospects/:id/merge",
      {
        schema: {
          tags: ["prospects"],
          summary: "Merge this prospect into a master prospect",
          description:
            "The record stays, marked merged, so GoTo registrants with its e-mail reach the master. Its registrations and " +
            "activities move to the master unless the master already has one for that webinar (and type); its score is " +
            "added to the master's; list and tag memberships move; the master's blank fields are filled from it.",
          params: idParams,
          body: z.object({ intoId: z.uuid() }),
          response: { 200: prospectDetail, ...errors, 409: errorBody },
        },
      },
      async (request) => {
        const { accountId } = authOf(request);
        const result = await mergeProspects({
          db,
          accountId,
          prospectId: request.params.id,
          intoId: request.body.intoId,
        });
        request.log.info(
          { prospectId: request.params.id, intoId: request.body.intoId, moved: result.moved },
          "prospects merged",
        );
        return result.master;
      },
    );
  };
