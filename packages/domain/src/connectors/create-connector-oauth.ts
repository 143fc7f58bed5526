import { createGotoOAuth, type GotoOAuth } from "@gw/gotowebinar";
import { DomainError } from "../errors/index";
import type { SecretBox } from "../security/index";
import { type ConnectorConfig, oauthRedirectUri } from "./connector-config";

export interface CreateConnectorOAuthOptions {
  config: Pick<ConnectorConfig, "http" | "goto">;
  secretBox: SecretBox;
  /** The connector's own OAuth client, when it has one; the service-wide one is used otherwise. */
  connector: { oauthClientId: string | null; oauthClientSecretEnc: string | null };
}

/**
 * The OAuth client for one connector: its own `oauthClientId` + encrypted secret when set,
 * else GOTO_CLIENT_ID / GOTO_CLIENT_SECRET. The only place openid-client is configured.
 */
export function createConnectorOAuth(options: CreateConnectorOAuthOptions): GotoOAuth {
  const { config, connector } = options;
  const own = connector.oauthClientId && connector.oauthClientSecretEnc;
  const clientId = own ? connector.oauthClientId : config.goto.clientId;
  const clientSecret = own
    ? options.secretBox.decrypt(connector.oauthClientSecretEnc as string)
    : config.goto.clientSecret;
  if (!clientId || !clientSecret) {
    throw new DomainError(
      "PRECONDITION",
      "No GoTo OAuth client is configured: set GOTO_CLIENT_ID and GOTO_CLIENT_SECRET (or give this connector its own OAuth client id and secret).",
    );
  }
  try {
    return createGotoOAuth({
      authBaseUrl: config.goto.authUrl,
      clientId,
      clientSecret,
      redirectUri: oauthRedirectUri(config),
      scopes: config.goto.scopes,
    });
  } catch (cause) {
    throw new DomainError(
      "PRECONDITION",
      `The GoTo OAuth settings are unusable: ${(cause as Error).message}`,
      {},
      { cause },
    );
  }
}
