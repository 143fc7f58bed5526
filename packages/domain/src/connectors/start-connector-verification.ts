import { createHash } from "node:crypto";
import type { Db } from "@gw/db";
import { DomainError } from "../errors/index";
import type { SecretBox } from "../security/index";
import type { ConnectorConfig } from "./connector-config";
import { liveConnector } from "./connector-view";
import { createConnectorOAuth } from "./create-connector-oauth";
import { getConnector } from "./get-connector";

/** How long the admin has to come back from GoTo's consent page. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;

export const hashOAuthState = (state: string) => createHash("sha256").update(state).digest("hex");

export interface StartConnectorVerificationOptions {
  db: Pick<Db, "connector" | "oAuthState">;
  config: Pick<ConnectorConfig, "http" | "goto">;
  secretBox: SecretBox;
  accountId: string;
  connectorId: string;
  /** The admin's login session: only it can complete this verification. */
  sessionId: string;
  now?: Date;
}

/**
 * Starts GoTo's authorization-code flow for a connector: a state bound to the admin's session and
 * the connector (stored hashed, single use, 10 minutes) and a PKCE verifier (stored sealed).
 * Returns the consent URL the browser goes to.
 */
export async function startConnectorVerification(
  options: StartConnectorVerificationOptions,
): Promise<{ authorizationUrl: string }> {
  const { db, accountId, connectorId } = options;
  const now = options.now ?? new Date();
  const connector = await getConnector({ db, accountId, connectorId });
  if (connector.status === "DISABLED") {
    throw new DomainError("PRECONDITION", `Connector "${connector.name}" is disabled; enable it before verifying.`);
  }
  const own = await db.connector.findFirstOrThrow({
    where: liveConnector(accountId, connectorId),
    select: { oauthClientId: true, oauthClientSecretEnc: true },
  });
  const request = await createConnectorOAuth({
    config: options.config,
    secretBox: options.secretBox,
    connector: own,
  }).createAuthorizationRequest();
  await db.oAuthState.deleteMany({ where: { expiresAt: { lt: now } } });
  await db.oAuthState.create({
    data: {
      stateHash: hashOAuthState(request.state),
      sessionId: options.sessionId,
      connectorId,
      codeVerifierEnc: options.secretBox.encrypt(request.codeVerifier),
      createdAt: now,
      expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS),
    },
  });
  // Pre-selects the connector user at GoTo's sign-in where supported; ignored otherwise.
  const url = new URL(request.url);
  url.searchParams.set("login_hint", connector.connectorUserEmail);
  return { authorizationUrl: url.toString() };
}
