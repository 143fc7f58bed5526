import type { Db } from "@gw/db";
import { invalid } from "../errors/index";

/** The account with this name, created when there is none (the first-admin command uses it). */
export async function findOrCreateAccount(options: { db: Pick<Db, "account">; name: string }) {
  const name = options.name.trim();
  if (!name) throw invalid("account", 'account must name the account (tenant), e.g. "Acme"');
  const existing = await options.db.account.findFirst({ where: { name }, orderBy: { createdAt: "asc" } });
  if (existing) return { account: existing, created: false };
  return { account: await options.db.account.create({ data: { name } }), created: true };
}
