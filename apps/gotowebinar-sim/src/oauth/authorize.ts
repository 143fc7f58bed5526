import type { FastifyInstance, FastifyReply } from "fastify";
import type { SimContext } from "../context";
import { createOrganizer } from "../state/organizers";
import { newOpaqueToken } from "../state/tokens";
import type { OAuthClient, Organizer, PendingAuthorization } from "../state/types";
import { DEFAULT_SCOPE, redirectAllowed } from "./clients";
import { consentPage, errorPage } from "./pages";

const CODE_TTL_MS = 10 * 60_000;

type Params = Record<string, string | string[] | undefined>;

function first(params: Params, name: string): string | undefined {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply.code(status).header("content-type", "text/html; charset=utf-8").send(html);
}

function redirectWith(
  reply: FastifyReply,
  redirectUri: string,
  params: Record<string, string | undefined>,
): FastifyReply {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return reply.redirect(url.toString(), 302);
}

/** GET /oauth/authorize shows the consent page; its form posts to /oauth/authorize/decision. */
export function registerAuthorizeRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.get("/oauth/authorize", async (request, reply) => {
    const query = request.query as Params;
    const clientId = first(query, "client_id");
    const client = clientId ? ctx.state.clients.get(clientId) : undefined;
    if (!client) return sendPage(reply, 400, errorPage(`Unknown client_id ${JSON.stringify(clientId ?? "")}.`));
    const sentRedirect = first(query, "redirect_uri");
    const redirectUri = sentRedirect ?? (client.redirectUris.length === 1 ? client.redirectUris[0] : undefined);
    if (!redirectUri) return sendPage(reply, 400, errorPage("redirect_uri is required."));
    if (!redirectAllowed(client, redirectUri)) {
      return sendPage(reply, 400, errorPage(`redirect_uri ${redirectUri} is not registered for this client.`));
    }
    const state = first(query, "state");
    if (first(query, "response_type") !== "code") {
      return redirectWith(reply, redirectUri, { error: "unsupported_response_type", state });
    }
    const codeChallenge = first(query, "code_challenge");
    const method = first(query, "code_challenge_method");
    if (codeChallenge !== undefined && method !== "S256") {
      return redirectWith(reply, redirectUri, {
        error: "invalid_request",
        error_description: "code_challenge_method must be S256",
        state,
      });
    }
    const pending: PendingAuthorization = {
      id: newOpaqueToken(16),
      clientId: client.clientId,
      redirectUri,
      redirectUriSent: sentRedirect !== undefined,
      state,
      scope: first(query, "scope") ?? client.scope,
      codeChallenge,
      createdAt: ctx.clock.now(),
    };
    const hinted = findOrganizer(ctx, first(query, "login_hint"));
    const auto = ctx.settings.autoApprove;
    if (auto) {
      const organizer =
        hinted ??
        (typeof auto === "object" ? ctx.state.organizers.get(auto.organizerKey) : undefined) ??
        ctx.state.organizers.get(ctx.state.defaultOrganizerKey);
      if (!organizer) return sendPage(reply, 400, errorPage("The auto-approve organizer does not exist."));
      return redirectWith(reply, redirectUri, { code: issueCode(ctx, pending, organizer), state });
    }
    ctx.state.pendingAuthorizations.set(pending.id, pending);
    const organizers = [...ctx.state.organizers.values()];
    return sendPage(reply, 200, consentPage(pending, client, organizers, hinted?.organizerKey));
  });

  app.post("/oauth/authorize/decision", async (request, reply) => {
    const body = (request.body ?? {}) as Params;
    const pending = ctx.state.pendingAuthorizations.get(first(body, "request_id") ?? "");
    if (!pending || pending.createdAt + CODE_TTL_MS < ctx.clock.now()) {
      return sendPage(reply, 400, errorPage("This sign-in request is unknown or has expired. Start again."));
    }
    ctx.state.pendingAuthorizations.delete(pending.id);
    if (first(body, "decision") !== "allow") {
      return redirectWith(reply, pending.redirectUri, { error: "access_denied", state: pending.state });
    }
    const newEmail = first(body, "newEmail")?.trim();
    let organizer: Organizer | undefined;
    if (newEmail || first(body, "organizerKey") === "new") {
      // A person of the demo who is not yet a GoTo organizer: created here, as signing up would.
      if (!newEmail) return sendPage(reply, 400, errorPage("Enter the new organizer's e-mail address."));
      try {
        organizer =
          findOrganizer(ctx, newEmail) ??
          createOrganizer(ctx.state, ctx.clock.now(), {
            email: newEmail,
            firstName: first(body, "newFirstName")?.trim() || newEmail.split("@")[0] || "New",
            lastName: first(body, "newLastName")?.trim() || "Organizer",
          });
      } catch (error) {
        return sendPage(reply, 400, errorPage(error instanceof Error ? error.message : String(error)));
      }
    } else {
      organizer = ctx.state.organizers.get(first(body, "organizerKey") ?? "");
    }
    if (!organizer) return sendPage(reply, 400, errorPage("Choose who is signing in."));
    return redirectWith(reply, pending.redirectUri, { code: issueCode(ctx, pending, organizer), state: pending.state });
  });
}

function findOrganizer(ctx: SimContext, hint: string | undefined): Organizer | undefined {
  if (!hint) return undefined;
  return (
    ctx.state.organizers.get(hint) ??
    [...ctx.state.organizers.values()].find((o) => o.email.toLowerCase() === hint.toLowerCase())
  );
}

function issueCode(ctx: SimContext, pending: PendingAuthorization, organizer: Organizer): string {
  const code = newOpaqueToken(24);
  ctx.state.codes.set(code, {
    code,
    clientId: pending.clientId,
    // An omitted redirect_uri must also be omitted (or be the registered one) at the token endpoint.
    redirectUri: pending.redirectUriSent ? pending.redirectUri : "",
    organizerKey: organizer.organizerKey,
    scope: pending.scope,
    codeChallenge: pending.codeChallenge,
    expiresAt: ctx.clock.now() + CODE_TTL_MS,
    used: false,
    issuedAccessTokens: [],
    issuedRefreshTokens: [],
  });
  return code;
}

export function newClient(clientId: string, clientSecret: string, redirectUris: string[], name?: string): OAuthClient {
  return { clientId, clientSecret, name: name ?? "Webinar Sync (demo)", redirectUris, scope: DEFAULT_SCOPE };
}
