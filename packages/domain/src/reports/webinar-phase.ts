import { Prisma, type WebinarStatus } from "@gw/db";

export type ReportTab = "upcoming" | "finished";

/**
 * Where a webinar sits in the report. A webinar whose end has passed counts as finished even
 * while the sync has not yet marked it ENDED; cancelled webinars are never upcoming and are
 * listed with the finished ones, carrying their status.
 */
export function isFinished(webinar: { status: WebinarStatus; endsAt: Date }, now: Date): boolean {
  if (webinar.status === "CANCELLED") return false;
  return webinar.status === "ENDED" || webinar.endsAt.getTime() <= now.getTime();
}

/** The same rule in SQL over the alias `w`, for one tab. */
export function tabCondition(tab: ReportTab, now: Date, includeCancelled: boolean): Prisma.Sql {
  if (tab === "upcoming") return Prisma.sql`(w."status" IN ('SCHEDULED', 'LIVE') AND w."endsAt" > ${now})`;
  const cancelled = includeCancelled ? Prisma.sql` OR w."status" = 'CANCELLED'` : Prisma.empty;
  return Prisma.sql`(w."status" = 'ENDED' OR (w."status" IN ('SCHEDULED', 'LIVE') AND w."endsAt" <= ${now})${cancelled})`;
}
