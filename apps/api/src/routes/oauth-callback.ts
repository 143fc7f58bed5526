import { oauthCallbackQuery, oauthCallbackRedirect } from "@gw/api-contract";
import { completeConnectorVerification, createConnectorGotoClient, VerificationFailure } from "@gw/domain/connectors";
import { refreshConnectorWebhooks } from "@gw/domain/webhook-subscriptions";
import { sanitizeUrl } from "@gw/logger";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { ApiDeps } from "../deps";

/** The web UI's connectors page, where the admin lands after verifying. */
const CONNECTORS_PAGE = "/connectors";

/** The request line is logged without the authorization code and state. */
const requestSerializer = (req: { method: string; url: string }) => ({
  method: req.method,
  url: sanitizeUrl(`http://callback${req.url}`).replace("http://callback", ""),
});

/**
 * Where GoTo sends the browser after consent (PUBLIC_URL + /oauth/callback, the registered
 * redirect URI). Always ends in a redirect to the connectors page, with `verified=<id>` or
 * `error=<reason>&message=<text>`; never shows tokens or codes.
 */
export const oauthCallbackRoutes =
  (deps: ApiDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/oauth/callback",
      {
        logSerializers: { req: requestSerializer },
        schema: {
          tags: ["connectors"],
          summary: "OAuth redirect URI: completes a connector's verification, then redirects to the connectors page",
          querystring: oauthCallbackQuery,
          response: {
            302: oauthCallbackRedirect,
          },
        },
      },
      async (request, reply) => {
        const target = new URLSearchParams();
        try {
          const { connectorId } = await completeConnectorVerification({
            db: deps.db,
            config: deps.config,
            secretBox: deps.secretBox,
            callbackUrl: request.url,
            sessionId: request.auth?.sessionId ?? null,
          });
          request.log.info({ connectorId }, "connector verified");
          // GoTo webhooks (never throws: a GoTo failure is recorded on the connector, polling remains).
          await refreshConnectorWebhooks({
            db: deps.db,
            config: deps.config,
            secretBox: deps.secretBox,
            connectorId,
            log: request.log,
            gotoClientFor: (id) =>
              createConnectorGotoClient({
                db: deps.db,
                config: deps.config,
                secretBox: deps.secretBox,
                connectorId: id,
                log: request.log,
              }),
          });
          target.set("verified", connectorId);
        } catch (error) {
          if (!(error instanceof VerificationFailure)) {
            request.log.error({ err: error }, "connector verification failed");
            target.set("error", "internal");
            target.set("message", "Verification failed on our side; the error has been logged. Try Verify again.");
          } else {
            request.log.info(
              { reason: error.reason, connectorId: error.connectorId },
              "connector verification refused",
            );
            if (error.connectorId) target.set("connector", error.connectorId);
            target.set("error", error.reason);
            target.set("message", error.message);
          }
        }
        return reply.redirect(`${CONNECTORS_PAGE}?${target.toString()}`, 302);
      },
    );
  };
