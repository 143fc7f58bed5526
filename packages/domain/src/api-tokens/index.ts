export { API_TOKEN_PREFIX, hashApiToken } from "./api-token-secret";
export { API_TOKEN_SCOPES, type ApiTokenScope, type ApiTokenView } from "./api-token-view";
export { type ApiTokenContext, authenticateApiToken } from "./authenticate-api-token";
export { type CreateApiTokenOptions, createApiToken } from "./create-api-token";
export { listApiTokens } from "./list-api-tokens";
export { revokeApiToken } from "./revoke-api-token";
