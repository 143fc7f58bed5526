import {
  errorBody,
  errors,
  idParams,
  mergeProspectBody,
  prospectChanges,
  prospectDetail,
  prospectPage,
  prospectsActionBody,
  prospectsQuery,
  webinarProspectsActionResult,
} from "@gw/api-contract";
import {
  applyProspectsAction,
  checkProspectFilters,
  getProspectDetail,
  mergeProspects,
  searchProspects,
  updateProspect,
} from "@gw/domain/prospects";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { authOf } from "../plugins/auth";

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
          summary:
            "Search prospects by e-mail, name or company, filtered by list, tag, campaign, webinar status or score",
          querystring: prospectsQuery,
          response: { 200: prospectPage, ...errors },
        },
      },
      async (request) => {
        const { accountId } = authOf(request);
        await checkProspectFilters({ db, accountId, filters: request.query });
        return searchProspects({ db, accountId, ...request.query });
      },
    );

    app.post(
      "/api/prospects/actions",
      {
        schema: {
          tags: ["prospects"],
          summary: "Add chosen prospects, or all that a search and filters select, to a list or a tag",
          description: 'API tokens: needs the write scope. "all" honours q and filters exactly as GET /api/prospects.',
          body: prospectsActionBody,
          response: { 200: webinarProspectsActionResult, ...errors, 409: errorBody },
        },
      },
      async (request) => {
        const { accountId } = authOf(request);
        const filters = request.body.filters ?? {};
        await checkProspectFilters({ db, accountId, filters, fieldPrefix: "filters." });
        const result = await applyProspectsAction({ db, accountId, ...request.body, filters });
        request.log.info({ action: request.body.action, ...result }, "prospects bulk action");
        return result;
      },
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
          body: mergeProspectBody,
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
