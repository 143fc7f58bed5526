import { createHash, randomBytes } from "node:crypto";

/** Tokens say what they are (secret scanners look for such prefixes). */
export const API_TOKEN_PREFIX = "gwt_";

export const newApiToken = () => `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;

export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");
