import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SimContext } from "../context";
import { sendJson } from "../http/reply";
import { DEFAULT_SCOPE } from "./clients";

export function baseUrl(ctx: SimContext, request: FastifyRequest): string {
  return ctx.settings.publicUrl ?? `${request.protocol}://${request.host}`;
}

/**
 * RFC 8414 metadata. Served at the OIDC path too, because openid-client's discovery() asks for
 * /.well-known/openid-configuration unless told to use the OAuth 2.0 path.
 */
export function registerMetadataRoutes(app: FastifyInstance, ctx: SimContext): void {
  const handler = async (request: FastifyRequest, reply: import("fastify").FastifyReply) => {
    const issuer = baseUrl(ctx, request);
    return sendJson(reply, 200, {
      issuer,
      authorization_endpoint: `${issuer}/oauth/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      scopes_supported: DEFAULT_SCOPE.split(" "),
    });
  };
  app.get("/.well-known/oauth-authorization-server", handler);
  app.get("/.well-known/openid-configuration", handler);
}
