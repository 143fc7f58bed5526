import type { Db } from "@gw/db";
import { invalid, notFound } from "../errors/index";

export interface AbsenteeView {
  prospectId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  score: number;
  registeredAt: Date;
  registrantKey: string | null;
}

export interface ListAbsenteesOptions {
  db: Pick<Db, "webinar" | "webinarRegistration">;
  accountId: string;
  webinarId: string;
  /** 1..500, default 50. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

export interface AbsenteePage {
  /**
   * False until the webinar has ended and one attendance sync has run: before that nobody is
   * absent yet (GoTo has attendance only after a session ends), so the list stays empty.
   */
  attendanceKnown: boolean;
  total: number;
  items: AbsenteeView[];
  nextCursor: string | null;
}

/**
 * The absentees of a finished webinar: prospects registered for it (registration not
 * cancelled) who did not attend any session. Ordered by registration time.
 */
export async function listAbsentees(options: ListAbsenteesOptions): Promise<AbsenteePage> {
  const { db, accountId, webinarId } = options;
  const limit = options.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw invalid("limit", "limit must be a whole number from 1 to 500", limit);
  const webinar = await db.webinar.findFirst({
    where: { id: webinarId, accountId },
    select: { status: true, attendanceSyncs: true },
  });
  if (!webinar) throw notFound("webinar", webinarId);
  if (webinar.status !== "ENDED" || webinar.attendanceSyncs === 0)
    return { attendanceKnown: false, total: 0, items: [], nextCursor: null };

  const where = { webinarId, accountId, attended: false, status: { not: "CANCELLED" as const } };
  const [total, rows] = await Promise.all([
    db.webinarRegistration.count({ where }),
    db.webinarRegistration.findMany({
      where,
      orderBy: [{ registeredAt: "asc" }, { id: "asc" }],
      take: limit + 1,
      ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
      select: {
        id: true,
        registeredAt: true,
        registrantKey: true,
        prospect: { select: { id: true, email: true, firstName: true, lastName: true, company: true, score: true } },
      },
    }),
  ]);
  const page = rows.slice(0, limit);
  return {
    attendanceKnown: true,
    total,
    items: page.map((r) => ({
      prospectId: r.prospect.id,
      email: r.prospect.email,
      firstName: r.prospect.firstName,
      lastName: r.prospect.lastName,
      company: r.prospect.company,
      score: r.prospect.score,
      registeredAt: r.registeredAt,
      registrantKey: r.registrantKey,
    })),
    nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
