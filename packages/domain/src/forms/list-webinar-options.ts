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
  /** Set when the webinar is a session of a series: the form's register action may take them all. */
  series: { id: string; subject: string; upcomingSessions: number } | null;
}

/**
 * The webinar picker of the form editor: upcoming webinars (not started, not cancelled) of
 * verified connectors only. Past webinars are never offered, as in Pardot.
 */
export async function listWebinarOptions(options: ListWebinarOptionsOptions): Promise<WebinarOption[]> {
  const now = options.now ?? new Date();
  const upcoming = {
    accountId: options.accountId,
    status: "SCHEDULED" as const,
    cancelledAt: null,
    startsAt: { gt: now },
    connector: { status: "VERIFIED" as const },
  };
  const webinars = await options.db.webinar.findMany({
    where: upcoming,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      subject: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      connector: { select: { id: true, name: true } },
      program: { select: { id: true, subject: true } },
    },
  });
  // Counted over every upcoming session, not only the 500 listed, as registering for "all" does.
  const programIds = [...new Set(webinars.flatMap((w) => (w.program ? [w.program.id] : [])))];
  const counts = programIds.length
    ? await options.db.webinar.groupBy({
        by: ["programId"],
        where: { ...upcoming, programId: { in: programIds } },
        _count: { _all: true },
      })
    : [];
  const sessionsOf = new Map(counts.map((c) => [c.programId, c._count._all]));
  return webinars.map(({ program, ...webinar }) => ({
    ...webinar,
    series: program ? { ...program, upcomingSessions: sessionsOf.get(program.id) ?? 1 } : null,
  }));
}
