export { type CreateUserOptions, createUser, MIN_PASSWORD_LENGTH, normalizeEmail } from "./create-user";
export { endSession } from "./end-session";
export { type FindSessionOptions, findSession, type SessionContext } from "./find-session";
export { getCurrentUser } from "./get-current-user";
export { dummyPasswordHash, hashPassword, verifyPassword } from "./hash-password";
export { type LogInOptions, logIn } from "./log-in";
export { nextSessionExpiry, SESSION_IDLE_MS, SESSION_MAX_AGE_MS } from "./session-policy";
export { csrfTokenFor, csrfTokenMatches, hashSessionToken, newCsrfSecret, newSessionToken } from "./session-token";
