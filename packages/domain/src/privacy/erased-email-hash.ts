import { createHash } from "node:crypto";
import { emailKey } from "../prospects/normalize-email";

/**
 * What is kept of an erased person's e-mail: a SHA-256 of the account and the normalised address,
 * enough to recognise the address when GoTo reports it again, not to read it back.
 */
export const erasedEmailHash = (accountId: string, email: string) =>
  createHash("sha256")
    .update(`${accountId}:${emailKey(email)}`)
    .digest("hex");
