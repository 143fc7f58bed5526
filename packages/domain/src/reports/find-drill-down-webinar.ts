import type { Db } from "@gw/db";
import { invalid, notFound } from "../errors/index";
import type { Segment } from "./segment";
import { isFinished } from "./webinar-phase";

/**
 * The webinar behind a drill-down, in the caller's account. "absent" only means something once
 * the webinar is over: before that every registrant would be listed as absent.
 */
export async function findDrillDownWebinar(options: {
  db: Db;
  accountId: string;
  webinarId: string;
  segment: Segment;
  now?: Date;
}) {
  const webinar = await options.db.webinar.findFirst({
    where: { id: options.webinarId, accountId: options.accountId },
    select: { id: true, subject: true, status: true, endsAt: true },
  });
  if (!webinar) throw notFound("Webinar", options.webinarId);
  if (options.segment === "absent" && !isFinished(webinar, options.now ?? new Date())) {
    throw invalid(
      "segment",
      `segment "absent" is only available once the webinar has finished; use "registered"`,
      options.segment,
    );
  }
  return webinar;
}
