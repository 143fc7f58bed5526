import type { Db } from "@gw/db";
import { notFound } from "../errors/index";

/** The logged-in user and their account, as the UI shows them. */
export async function getCurrentUser(options: { db: Pick<Db, "user">; userId: string }) {
  const user = await options.db.user.findUnique({
    where: { id: options.userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isOperator: true,
      accountId: true,
      account: { select: { id: true, name: true } },
    },
  });
  if (!user) throw notFound("User", options.userId);
  return user;
}
