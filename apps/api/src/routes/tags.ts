import {
  collectionQuery,
  errorBody,
  errors,
  idParams,
  memberPage,
  memberParams,
  nameBody,
  noContent,
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
import { authOf } from "../plugins/auth";

/** Tags on prospects: view, create, rename, delete, and the prospects carrying each. */
export const tagRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", app.requireAuth);
    const { db } = deps;
    const tags = ["tags"];

    app.get(
      "/api/tags",
      {
        schema: {
          tags,
          summary: "The account's tags by name, with how many prospects carry each",
          querystring: collectionQuery,
          response: { 200: tagPage, ...errors },
        },
      },
      async (request) => listTags({ db, accountId: authOf(request).accountId, ...request.query }),
    );

    app.post(
      "/api/tags",
      {
        schema: {
          tags,
          summary: "Create a tag (names are unique per account, ignoring case)",
          body: nameBody,
          response: { 201: tag, ...errors, 409: errorBody },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createTag({ db, accountId: authOf(request).accountId, name: request.body.name })),
    );

    app.get(
      "/api/tags/:id",
      {
        schema: { tags, summary: "A tag with its prospect count", params: idParams, response: { 200: tag, ...errors } },
      },
      async (request) => getTag({ db, accountId: authOf(request).accountId, tagId: request.params.id }),
    );

    app.patch(
      "/api/tags/:id",
      {
        schema: {
          tags,
          summary: "Rename a tag",
          params: idParams,
          body: nameBody,
          response: { 200: tag, ...errors, 409: errorBody },
        },
      },
      async (request) =>
        renameTag({ db, accountId: authOf(request).accountId, tagId: request.params.id, name: request.body.name }),
    );

    app.delete(
      "/api/tags/:id",
      {
        schema: {
          tags,
          summary: "Delete a tag (its prospects stay)",
          params: idParams,
          response: { 204: noContent, ...errors },
        },
      },
      async (request, reply) => {
        await deleteTag({ db, accountId: authOf(request).accountId, tagId: request.params.id });
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/api/tags/:id/prospects",
      {
        schema: {
          tags,
          summary: "The prospects carrying a tag, most recently tagged first",
          params: idParams,
          querystring: collectionQuery,
          response: { 200: memberPage, ...errors },
        },
      },
      async (request) =>
        listTaggedProspects({ db, accountId: authOf(request).accountId, tagId: request.params.id, ...request.query }),
    );

    app.post(
      "/api/tags/:id/prospects",
      {
        schema: {
          tags,
          summary: "Tag prospects (idempotent; a merged-away prospect tags its master)",
          params: idParams,
          body: prospectIdsBody,
          response: { 200: prospectsTagged, ...errors },
        },
      },
      async (request) =>
        tagProspects({
          db,
          accountId: authOf(request).accountId,
          tagId: request.params.id,
          prospectIds: request.body.prospectIds,
        }),
    );

    app.delete(
      "/api/tags/:id/prospects/:prospectId",
      {
        schema: {
          tags,
          summary: "Untag a prospect (idempotent)",
          params: memberParams,
          response: { 204: noContent, ...errors },
        },
      },
      async (request, reply) => {
        const { id, prospectId } = request.params;
        await untagProspect({ db, accountId: authOf(request).accountId, tagId: id, prospectId });
        return reply.status(204).send(null);
      },
    );
  };
