export { createUser, type CreateUserOptions, MIN_PASSWORD_LENGTH, normalizeEmail } from "./create-user";
export { endSession } from "./end-session";
export { findSession, type FindSessionOptions, type SessionContext } from "./find-session";
export { getCurrentUser } from "./get-current-user";
export { dummyPasswordHash, hashPassword, verifyPassword } from "./hash-password";
export { logIn, type LogInOptions } from "./log-in";
export { nextSessionExpiry, SESSION_IDLE_MS, SESSION_MAX_AGE_MS } from "./session-policy";
export { csrfTokenFor, csrfTokenMatches, hashSessionToken, newCsrfSecret, newSessionToken } from "./session-token";
