import type { Db } from "@gw/db";
import { DomainError } from "../errors/index";
import { normalizeEmail } from "./create-user";
import { dummyPasswordHash, verifyPassword } from "./hash-password";
import { nextSessionExpiry } from "./session-policy";
import { csrfTokenFor, hashSessionToken, newCsrfSecret, newSessionToken } from "./session-token";

export interface LogInOptions {
  db: Pick<Db, "user" | "userSession">;
  sessionSecret: string;
  email: string;
  password: string;
  now?: Date;
}

/**
 * Checks the password and opens a session. The answer to a wrong e-mail and a wrong password is
 * the same, and costs the same time, so logins cannot be used to find out who has an account.
 */
export async function logIn(options: LogInOptions) {
  const now = options.now ?? new Date();
  const user = await options.db.user.findUnique({
    where: { email: normalizeEmail(options.email) },
    include: { account: { select: { id: true, name: true } } },
  });
  const ok = await verifyPassword(options.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) throw new DomainError("UNAUTHORIZED", "The e-mail or password is wrong.");

  // Expired sessions are otherwise removed only when their cookie comes back; tidy them here.
  await options.db.userSession.deleteMany({ where: { userId: user.id, expiresAt: { lte: now } } });
  const token = newSessionToken();
  const csrfSecret = newCsrfSecret();
  const session = await options.db.userSession.create({
    data: {
      userId: user.id,
      tokenHash: hashSessionToken(token),
      csrfSecret,
      createdAt: now,
      expiresAt: nextSessionExpiry(now, now),
    },
  });
  return {
    token,
    expiresAt: session.expiresAt,
    csrfToken: csrfTokenFor(options.sessionSecret, csrfSecret),
    session: { id: session.id, csrfSecret },
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      operator: user.isOperator,
      accountId: user.accountId,
    },
    account: user.account,
  };
}
