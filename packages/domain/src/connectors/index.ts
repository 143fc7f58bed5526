export { type ConnectorConfig, oauthRedirectUri } from "./connector-config";
export { type CreateConnectorGotoClientOptions, createConnectorGotoClient, REFRESH_AHEAD_MS } from "./connector-goto-client";
export { type CreateConnectorOAuthOptions, createConnectorOAuth } from "./create-connector-oauth";
export { createLimiterRegistry, type LimiterRegistry, processLimiterRegistry } from "./limiter-registry";
export { type HeldAccessToken, refreshConnectorTokens, type RefreshConnectorTokensOptions } from "./refresh-connector-tokens";
export { withConnectorLock } from "./with-connector-lock";
