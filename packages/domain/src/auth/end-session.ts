import type { Db } from "@gw/db";

/** Logs out: the session row goes, so the cookie is worthless even if kept. */
export async function endSession(options: { db: Pick<Db, "userSession">; sessionId: string }): Promise<void> {
  await options.db.userSession.deleteMany({ where: { id: options.sessionId } });
}
