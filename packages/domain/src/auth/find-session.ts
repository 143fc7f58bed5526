import type { Db, UserRole } from "@gw/db";
import { nextSessionExpiry, SESSION_TOUCH_EVERY_MS } from "./session-policy";
import { hashSessionToken } from "./session-token";

export interface SessionContext {
  sessionId: string;
  userId: string;
  accountId: string;
  role: UserRole;
  /** Runs the installation: may open the shared queue dashboard. */
  operator: boolean;
  csrfSecret: string;
  expiresAt: Date;
}

export interface FindSessionOptions {
  db: Pick<Db, "userSession">;
  token: string;
  now?: Date;
}

/** The live session a cookie names, its expiry slid forward; null when unknown or expired. */
export async function findSession(options: FindSessionOptions): Promise<SessionContext | null> {
  const now = options.now ?? new Date();
  const session = await options.db.userSession.findUnique({
    where: { tokenHash: hashSessionToken(options.token) },
    include: { user: { select: { id: true, accountId: true, role: true, isOperator: true } } },
  });
  if (!session) return null;
  if (session.expiresAt <= now) {
    await options.db.userSession.deleteMany({ where: { id: session.id } });
    return null;
  }
  let expiresAt = session.expiresAt;
  const next = nextSessionExpiry(session.createdAt, now);
  if (next.getTime() - expiresAt.getTime() >= SESSION_TOUCH_EVERY_MS) {
    await options.db.userSession.updateMany({ where: { id: session.id }, data: { expiresAt: next } });
    expiresAt = next;
  }
  return {
    sessionId: session.id,
    userId: session.user.id,
    accountId: session.user.accountId,
    role: session.user.role,
    operator: session.user.isOperator,
    csrfSecret: session.csrfSecret,
    expiresAt,
  };
}
