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
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

/** Prospect search, the prospect page, edits and merges. */
export const prospectRoutes = ({ db }: ApiDeps) =>
  accountPlugin({ tags: ["prospects"], errors }, (route) => {
    const withConflict = { ...errors, 409: errorBody };

    route.get(
      "/api/prospects",
      {
        summary:
          "Search prospects by e-mail, name or company, filtered by list, tag, campaign, webinar status or score",
        querystring: prospectsQuery,
        reply: prospectPage,
      },
      async ({ accountId, query }) => {
        await checkProspectFilters({ db, accountId, filters: query });
        return searchProspects({ db, accountId, ...query });
      },
    );

    route.post(
      "/api/prospects/actions",
      {
        summary: "Add chosen prospects, or all that a search and filters select, to a list or a tag",
        description: 'API tokens: needs the write scope. "all" honours q and filters exactly as GET /api/prospects.',
        body: prospectsActionBody,
        reply: webinarProspectsActionResult,
        errors: withConflict,
      },
      async ({ accountId, body, request }) => {
        const filters = body.filters ?? {};
        await checkProspectFilters({ db, accountId, filters, fieldPrefix: "filters." });
        const result = await applyProspectsAction({ db, accountId, ...body, filters });
        request.log.info({ action: body.action, ...result }, "prospects bulk action");
        return result;
      },
    );

    route.get(
      "/api/prospects/:id",
      {
        summary: "A prospect with campaign, lists, tags, webinar timeline, registrations and registration requests",
        params: idParams,
        reply: prospectDetail,
      },
      ({ accountId, params }) => getProspectDetail({ db, accountId, prospectId: params.id }),
    );

    route.patch(
      "/api/prospects/:id",
      {
        summary: "Edit a prospect's basic fields, e-mail or filtered flag",
        params: idParams,
        body: prospectChanges,
        reply: prospectDetail,
        errors: withConflict,
      },
      ({ accountId, params, body }) => updateProspect({ db, accountId, prospectId: params.id, changes: body }),
    );

    route.post(
      "/api/prospects/:id/merge",
      {
        summary: "Merge this prospect into a master prospect",
        description:
          "The record stays, marked merged, so GoTo registrants with its e-mail reach the master. Its registrations and " +
          "activities move to the master unless the master already has one for that webinar (and type); its score is " +
          "added to the master's; list and tag memberships move; the master's blank fields are filled from it.",
        params: idParams,
        body: mergeProspectBody,
        reply: prospectDetail,
        errors: withConflict,
      },
      async ({ accountId, params, body, request }) => {
        const result = await mergeProspects({ db, accountId, prospectId: params.id, intoId: body.intoId });
        request.log.info({ prospectId: params.id, intoId: body.intoId, moved: result.moved }, "prospects merged");
        return result.master;
      },
    );
  });
