import type { RegistrantInput } from "../sync/types";
import { upsertRegistrants } from "../sync/upsert-registrants";
import type { ApplyContext, ApplyOutcome, EventWebinar } from "./apply-outcome";

/**
 * Writes the one registrant an event delivers by the sync's own rules, so a poll that later sees
 * the same registrant changes nothing. IGNORED when the connector creates no prospects and the
 * person is none yet.
 */
export async function upsertEventRegistrant(
  ctx: ApplyContext,
  webinar: EventWebinar,
  registrant: RegistrantInput,
): Promise<ApplyOutcome> {
  const { db, connector, now } = ctx;
  const result = await upsertRegistrants({
    db,
    webinar,
    connector,
    registrants: [registrant],
    source: "WEBHOOK",
    complete: false,
    now,
  });
  return result.skipped > 0
    ? { status: "IGNORED", reason: "the registrant is not a prospect and this connector does not create prospects" }
    : { status: "APPLIED" };
}
