import type { Db } from "@gw/db";
import { sessionsOf } from "../sync/map-goto-webinar";
import { type FormDefinition, registerActionOf } from "./form-definition";
import { webinarClosedReason } from "./webinar-availability";

/** The webinar a hosted form registers for, as the visitor sees it above the form. */
export interface FormWebinar {
  id: string;
  subject: string;
  description: string | null;
  /** GoTo's time zone of the webinar (IANA), null when GoTo gave none. */
  timeZone: string | null;
  /** The organizer's name (or e-mail) as GoTo gave it at verification. */
  organizer: string | null;
  /**
   * The sessions the form registers for, in order: one, a sequence's times, or a series' upcoming
   * sessions. `id` is the session's webinar (a series' sessions each have their own webinarKey).
   */
  sessions: { id?: string; startsAt: Date; endsAt: Date }[];
  /** "choose": the visitor picks one of `sessions`; "all": every one; "one": the webinar's own. */
  mode: "one" | "all" | "choose";
  /** The first session's length. */
  durationMinutes: number;
  /** Why the form takes no registrations any more ("the webinar has ended"), null while it does. */
  closedReason: string | null;
}

const minutesOf = (s: { startsAt: Date; endsAt: Date }) =>
  Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000);

export interface GetFormWebinarOptions {
  db: Pick<Db, "webinar">;
  form: Pick<FormDefinition, "accountId" | "completionActions">;
  now?: Date;
}

/**
 * The webinar of a form's register action, or null for a form that registers for none. With
 * `sessions: "all"` the series' upcoming sessions are listed and the form stays open while one
 * has not started; otherwise the picked webinar's own times, and it closes once that webinar has
 * started (GoTo then takes no registrations for it).
 */
export async function getFormWebinar(options: GetFormWebinarOptions): Promise<FormWebinar | null> {
  const action = registerActionOf(options.form);
  if (!action) return null;
  const now = options.now ?? new Date();
  const select = {
    id: true,
    subject: true,
    description: true,
    timeZone: true,
    times: true,
    status: true,
    startsAt: true,
    endsAt: true,
    cancelledAt: true,
    programId: true,
    connector: { select: { organizerName: true, organizerEmail: true } },
  } as const;
  const webinar = await options.db.webinar.findFirst({
    where: { id: action.webinarId, accountId: options.form.accountId },
    select,
  });
  if (!webinar) return null;
  const organizer = webinar.connector.organizerName ?? webinar.connector.organizerEmail;
  const own = sessionsOf(webinar.times);
  const base = {
    id: webinar.id,
    subject: webinar.subject,
    description: webinar.description,
    timeZone: webinar.timeZone,
    organizer,
  };
  const minutes = minutesOf;

  if ((action.sessions === "all" || action.sessions === "choose") && webinar.programId) {
    // Sessions that started, ended or were cancelled take no registrations: never offered.
    const upcoming = await options.db.webinar.findMany({
      where: {
        programId: webinar.programId,
        accountId: options.form.accountId,
        status: { notIn: ["CANCELLED", "ENDED", "LIVE"] },
        cancelledAt: null,
        startsAt: { gt: now },
      },
      select: { id: true, startsAt: true, endsAt: true },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    });
    const first = upcoming[0] ?? { startsAt: webinar.startsAt, endsAt: webinar.endsAt };
    return {
      ...base,
      mode: action.sessions,
      sessions: upcoming.length > 0 ? upcoming : [first],
      durationMinutes: minutes(first),
      closedReason: upcoming.length > 0 ? null : "every session of the series has started or ended",
    };
  }
  const sessions = own.length > 0 ? own : [{ startsAt: webinar.startsAt, endsAt: webinar.endsAt }];
  return {
    ...base,
    mode: "one",
    sessions,
    durationMinutes: minutes(sessions[0]!),
    closedReason: webinarClosedReason(webinar, now),
  };
}

/**
 * The webinar as one registration sees it: on a "visitor chooses a session" form, only the
 * session registered for (the thank-you page and calendar file name that one, not the series).
 */
export function forRegisteredSession(webinar: FormWebinar, webinarId: string | undefined): FormWebinar {
  if (webinar.mode !== "choose" || !webinarId) return webinar;
  const session = webinar.sessions.find((s) => s.id === webinarId);
  return session ? { ...webinar, sessions: [session], durationMinutes: minutesOf(session) } : webinar;
}
