import type { Db } from "@gw/db";

export interface ListWebinarOptionsOptions {
  db: Db;
  accountId: string;
  now?: Date;
}

export interface WebinarOption {
  id: string;
  subject: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string | null;
  connector: { id: string; name: string };
}

/**
 * The webinar picker of the form editor: upcoming webinars (not started, not cancelled) of
 * verified connectors only. Past webinars are never offered, as in Pardot.
 */
export async function listWebinarOptions(options: ListWebinarOptionsOptions): Promise<WebinarOption[]> {
  const now = options.now ?? new Date();
  return options.db.webinar.findMany({
    where: {
      accountId: options.accountId,
      status: "SCHEDULED",
      cancelledAt: null,
      startsAt: { gt: now },
      connector: { status: "VERIFIED" },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      subject: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      connector: { select: { id: true, name: true } },
    },
  });
}
