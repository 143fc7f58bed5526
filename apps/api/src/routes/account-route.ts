import { type errorBody, noContent } from "@gw/api-contract";
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { authOf } from "../plugins/auth";

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];
type Schema = z.ZodType | undefined;
type Output<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface AccountRouteSpec<
  Reply extends z.ZodType,
  Params extends Schema,
  Query extends Schema,
  Body extends Schema,
> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  tags: string[];
  summary: string;
  description?: string;
  /** The OpenAPI security requirement when it is narrower than the document's (session only, say). */
  security?: Record<string, string[]>[];
  /** `app.requireAdmin` for admin-only routes (the route table and the token check read it there). */
  preHandler?: preHandlerAsyncHookHandler;
  /** Content types of the success reply other than JSON (`csvRoute` sets text/csv). */
  produces?: string[];
  params?: Params;
  querystring?: Query;
  body?: Body;
  /** The success reply's schema, sent with `status` (200 unless said). */
  reply: Reply;
  status?: 200 | 201 | 202 | 204;
  /** The error replies the document lists (`errors` from the contract, or some of its statuses). */
  errors: Partial<Record<400 | 401 | 403 | 404 | 409 | 410 | 422 | 429 | 502, typeof errorBody>>;
}

export interface AccountRouteInput<Params extends Schema, Query extends Schema, Body extends Schema> {
  accountId: string;
  params: Output<Params>;
  query: Output<Query>;
  body: Output<Body>;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Declares a route of the caller's account: the schemas (validation, serialisation, OpenAPI) in
 * one spec, and a handler that gets the account and the parsed input. The common shape of most
 * routes here; a route that does more with the request or reply declares itself as usual.
 */
export function accountRoute<
  Reply extends z.ZodType,
  Params extends Schema = undefined,
  Query extends Schema = undefined,
  Body extends Schema = undefined,
>(
  app: ZodApp,
  spec: AccountRouteSpec<Reply, Params, Query, Body>,
  handler: (input: AccountRouteInput<Params, Query, Body>) => Promise<z.input<Reply>>,
): void {
  const { method, url, preHandler, reply, status = 200, errors, ...described } = spec;
  // Untyped registration: generic schemas are beyond the type provider's inference; the spec's
  // types hold the handler to them, and the schemas still validate and serialise at run time.
  (app as unknown as FastifyInstance).route({
    method,
    url,
    ...(preHandler ? { preHandler } : {}),
    schema: { ...described, response: { [status]: reply, ...errors } },
    handler: async (request: FastifyRequest, response: FastifyReply) => {
      const result = await handler({
        accountId: authOf(request).accountId,
        params: request.params as Output<Params>,
        query: request.query as Output<Query>,
        body: request.body as Output<Body>,
        request,
        reply: response,
      });
      return status === 200 ? result : response.status(status).send(result);
    },
  });
}

/** An account route that answers 204, no body, once its handler is done (deletes, pauses). */
export function noContentRoute<
  Params extends Schema = undefined,
  Query extends Schema = undefined,
  Body extends Schema = undefined,
>(
  app: ZodApp,
  spec: Omit<AccountRouteSpec<typeof noContent, Params, Query, Body>, "reply" | "status">,
  handler: (input: AccountRouteInput<Params, Query, Body>) => Promise<unknown>,
): void {
  accountRoute(app, { ...spec, reply: noContent, status: 204 }, async (input) => {
    await handler(input);
    return null;
  });
}
