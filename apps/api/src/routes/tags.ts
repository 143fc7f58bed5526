import {
  collectionQuery,
  errorBody,
  errors,
  idParams,
  memberPage,
  memberParams,
  nameBody,
  prospectIdsBody,
  prospectsTagged,
  tag,
  tagPage,
} from "@gw/api-contract";
import {
  createTag,
  deleteTag,
  getTag,
  listTaggedProspects,
  listTags,
  renameTag,
  tagProspects,
  untagProspect,
} from "@gw/domain/tags";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";
import { accountRoute, noContentRoute } from "./account-route";

/** Tags on prospects: view, create, rename, delete, and the prospects carrying each. */
export const tagRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const { db } = deps;
    const tags = ["tags"];

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/tags",
        tags,
        summary: "The account's tags by name, with how many prospects carry each",
        querystring: collectionQuery,
        reply: tagPage,
        errors,
      },
      async ({ accountId, query }) => listTags({ db, accountId, ...query }),
    );

    accountRoute(
      app,
      {
        method: "POST",
        url: "/api/tags",
        tags,
        summary: "Create a tag (names are unique per account, ignoring case)",
        body: nameBody,
        reply: tag,
        status: 201,
        errors: { ...errors, 409: errorBody },
      },
      async ({ accountId, body }) => createTag({ db, accountId, name: body.name }),
    );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/tags/:id",
        tags,
        summary: "A tag with its prospect count",
        params: idParams,
        reply: tag,
        errors,
      },
      async ({ accountId, params }) => getTag({ db, accountId, tagId: params.id }),
    );

    accountRoute(
      app,
      {
        method: "PATCH",
        url: "/api/tags/:id",
        tags,
        summary: "Rename a tag",
        params: idParams,
        body: nameBody,
        reply: tag,
        errors: { ...errors, 409: errorBody },
      },
      async ({ accountId, params, body }) => renameTag({ db, accountId, tagId: params.id, name: body.name }),
    );

    noContentRoute(
      app,
      {
        method: "DELETE",
        url: "/api/tags/:id",
        tags,
        summary: "Delete a tag (its prospects stay)",
        params: idParams,
        errors,
      },
      async ({ accountId, params }) => deleteTag({ db, accountId, tagId: params.id }),
    );

    accountRoute(
      app,
      {
        method: "GET",
        url: "/api/tags/:id/prospects",
        tags,
        summary: "The prospects carrying a tag, most recently tagged first",
        params: idParams,
        querystring: collectionQuery,
        reply: memberPage,
        errors,
      },
      async ({ accountId, params, query }) => listTaggedProspects({ db, accountId, tagId: params.id, ...query }),
    );

    accountRoute(
      app,
      {
        method: "POST",
        url: "/api/tags/:id/prospects",
        tags,
        summary: "Tag prospects (idempotent; a merged-away prospect tags its master)",
        params: idParams,
        body: prospectIdsBody,
        reply: prospectsTagged,
        errors,
      },
      async ({ accountId, params, body }) =>
        tagProspects({ db, accountId, tagId: params.id, prospectIds: body.prospectIds }),
    );

    noContentRoute(
      app,
      {
        method: "DELETE",
        url: "/api/tags/:id/prospects/:prospectId",
        tags,
        summary: "Untag a prospect (idempotent)",
        params: memberParams,
        errors,
      },
      async ({ accountId, params }) =>
        untagProspect({ db, accountId, tagId: params.id, prospectId: params.prospectId }),
    );
  };
