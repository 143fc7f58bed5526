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
import type { ApiDeps } from "../deps";
import { accountPlugin } from "./account-routes";

/** Tags on prospects: view, create, rename, delete, and the prospects carrying each. */
export const tagRoutes = ({ db }: ApiDeps) =>
  accountPlugin({ tags: ["tags"], errors }, (route) => {
    route.get(
      "/api/tags",
      {
        summary: "The account's tags by name, with how many prospects carry each",
        querystring: collectionQuery,
        reply: tagPage,
      },
      async ({ accountId, query }) => listTags({ db, accountId, ...query }),
    );

    route.post(
      "/api/tags",
      {
        summary: "Create a tag (names are unique per account, ignoring case)",
        body: nameBody,
        reply: tag,
        status: 201,
        errors: { ...errors, 409: errorBody },
      },
      async ({ accountId, body }) => createTag({ db, accountId, name: body.name }),
    );

    route.get(
      "/api/tags/:id",
      {
        summary: "A tag with its prospect count",
        params: idParams,
        reply: tag,
      },
      async ({ accountId, params }) => getTag({ db, accountId, tagId: params.id }),
    );

    route.patch(
      "/api/tags/:id",
      {
        summary: "Rename a tag",
        params: idParams,
        body: nameBody,
        reply: tag,
        errors: { ...errors, 409: errorBody },
      },
      async ({ accountId, params, body }) => renameTag({ db, accountId, tagId: params.id, name: body.name }),
    );

    route.noContent(
      "DELETE",
      "/api/tags/:id",
      {
        summary: "Delete a tag (its prospects stay)",
        params: idParams,
      },
      async ({ accountId, params }) => deleteTag({ db, accountId, tagId: params.id }),
    );

    route.get(
      "/api/tags/:id/prospects",
      {
        summary: "The prospects carrying a tag, most recently tagged first",
        params: idParams,
        querystring: collectionQuery,
        reply: memberPage,
      },
      async ({ accountId, params, query }) => listTaggedProspects({ db, accountId, tagId: params.id, ...query }),
    );

    route.post(
      "/api/tags/:id/prospects",
      {
        summary: "Tag prospects (idempotent; a merged-away prospect tags its master)",
        params: idParams,
        body: prospectIdsBody,
        reply: prospectsTagged,
      },
      async ({ accountId, params, body }) =>
        tagProspects({ db, accountId, tagId: params.id, prospectIds: body.prospectIds }),
    );

    route.noContent(
      "DELETE",
      "/api/tags/:id/prospects/:prospectId",
      {
        summary: "Untag a prospect (idempotent)",
        params: memberParams,
      },
      async ({ accountId, params }) =>
        untagProspect({ db, accountId, tagId: params.id, prospectId: params.prospectId }),
    );
  });
