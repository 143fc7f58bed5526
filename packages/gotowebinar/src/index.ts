// Client

export {
  SIGNATURE_HEADER,
  SIGNATURE_SCHEMES,
  type SignatureScheme,
  TIMESTAMP_HEADER,
  type VerifyOptions,
  type VerifyResult,
  verifyWebhook,
} from "@gw/webhook-signature";
export { createGotoClient, DEFAULT_API_BASE_URL, DEFAULT_IDENTITY_BASE_URL, type GotoClient } from "./client";
export type { PicklistRangeOptions } from "./data-sources/default-range";
export type { SessionDetails } from "./engagement/session-engagement";
export type { EngagementOperations, WebinarExtrasOperations } from "./engagement-operations";
export { type BackoffPolicy, backoffDelayMs, parseRetryAfter } from "./http/backoff";
export {
  GotoApiError,
  GotoConflictError,
  GotoForbiddenError,
  GotoInputError,
  GotoNetworkError,
  GotoNotFoundError,
  GotoRateLimitedError,
  GotoServerError,
  GotoTimeoutError,
  GotoUnauthorizedError,
  GotoValidationError,
} from "./http/errors";
export { parseJsonLossless, stringifyJson } from "./http/json";
// HTTP building blocks callers share or test
export {
  createRequestLimiter,
  type RequestLimiter,
  type RequestLimiterOptions,
  type RequestPriority,
  unlimited,
} from "./http/limiter";
export { MAX_PAGE_SIZE, type PageInfo } from "./http/paging";
export { checkBaseUrl, isLoopbackHost } from "./http/secure-url";
export type { HttpMethod, ResponseType } from "./http/transport";
// OAuth
export {
  type AuthorizationRequest,
  createGotoOAuth,
  DEFAULT_AUTH_BASE_URL,
  type ExchangeCodeOptions,
  type GotoOAuth,
  type GotoOAuthOptions,
} from "./oauth/create-goto-oauth";
export { GotoOAuthError, type GotoOAuthErrorCode } from "./oauth/errors";
export type { GotoTokenSet } from "./oauth/token-set";
export { staticTokenSource } from "./oauth/token-source";
// Types
export type { FormValue, KeyValueList, RawRequestOptions, RawResponse } from "./raw-request";
export type * from "./types/common";
export type * from "./types/engagement";
export type * from "./types/identity";
export type {
  GotoClientOptions,
  GotoLogger,
  RequestEvent,
  RequestStats,
  RetryOptions,
  TokenSource,
} from "./types/options";
export type * from "./types/registrants";
export type * from "./types/sessions";
export type * from "./types/webhook-events";
export type * from "./types/webhooks";
export type * from "./types/webinar-extras";
export type * from "./types/webinars";
// Webhook receiver helpers
export { GotoWebhookPayloadError, parseWebhookEvent } from "./webhooks/parse-webhook-event";
export type { WebinarRef } from "./webinars/get-webinar";
