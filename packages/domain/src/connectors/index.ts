export {
  type CompleteConnectorVerificationOptions,
  completeConnectorVerification,
} from "./complete-connector-verification";
export { type ConnectorConfig, oauthRedirectUri } from "./connector-config";
export {
  budgetKeyOf,
  type CreateConnectorGotoClientOptions,
  connectorLimiterRegistry,
  createConnectorGotoClient,
} from "./connector-goto-client";
export {
  createReachabilityTracker,
  DEFAULT_UNREACHABLE_AFTER_MS,
  type ReachabilityTracker,
  type ReachabilityTrackerOptions,
  reachabilityOf,
} from "./connector-reachability";
export type { ConnectorSettingsInput } from "./connector-settings";
export {
  type ConnectorTokenSourceOptions,
  createConnectorTokenSource,
  REFRESH_AHEAD_MS,
} from "./connector-token-source";
export { type ConnectorView, connectorViewSelect, toConnectorView } from "./connector-view";
export { type CreateConnectorOptions, createConnector } from "./create-connector";
export { type CreateConnectorOAuthOptions, createConnectorOAuth } from "./create-connector-oauth";
export { type DeleteConnectorOptions, deleteConnector } from "./delete-connector";
export { getConnector } from "./get-connector";
export {
  createUsageLedger,
  processUsageLedger,
  USAGE_PURPOSES,
  type UsageLedger,
  type UsagePurpose,
  type UsageWindow,
  usagePurposeOf,
} from "./goto-usage";
export {
  budgetSpacingMs,
  closeProcessLimiterRegistries,
  createLimiterRegistry,
  type LimiterRegistry,
  type LimiterRegistryOptions,
  processLimiterRegistry,
} from "./limiter-registry";
export { type ApiBudget, type ListApiBudgetsOptions, listApiBudgets } from "./list-api-budgets";
export { listConnectors } from "./list-connectors";
export { type SetConnectorEnabledOptions, setConnectorEnabled } from "./set-connector-enabled";
export {
  hashOAuthState,
  OAUTH_STATE_TTL_MS,
  type StartConnectorVerificationOptions,
  startConnectorVerification,
} from "./start-connector-verification";
export { type UpdateConnectorOptions, updateConnector } from "./update-connector";
export { VerificationFailure, type VerificationFailureReason } from "./verification-failure";
export { withConnectorLock } from "./with-connector-lock";
