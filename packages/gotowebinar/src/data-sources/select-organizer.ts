import type { ClientContext } from "../context";
import { GotoApiError } from "../http/errors";
import type { PicklistEntry } from "../types/common";
import { getWebinar } from "../webinars/get-webinar";
import { listWebinars } from "../webinars/list-webinars";
import { type PicklistRangeOptions, rangeOrDefault } from "./default-range";

/** Names are looked up for at most this many organizers (one webinar read each). */
const MAX_NAME_LOOKUPS = 25;

/**
 * Picklist of the organizers who have webinars in the account within a range (default ±1
 * year). Labels carry the organizer's name and e-mail, read from one of their webinars.
 */
export async function selectOrganizer(
  ctx: ClientContext,
  options: PicklistRangeOptions = {},
): Promise<PicklistEntry[]> {
  const accountKey = await ctx.accountKey(options.accountKey);
  const { webinars } = await listWebinars(ctx, { accountKey, ...rangeOrDefault(options), fetchAll: true });
  const firstWebinarOf = new Map<string, string>();
  for (const w of webinars) {
    if (w.organizerKey && !firstWebinarOf.has(w.organizerKey)) firstWebinarOf.set(w.organizerKey, w.webinarKey);
  }
  const entries: PicklistEntry[] = [];
  let lookups = 0;
  for (const [organizerKey, webinarKey] of firstWebinarOf) {
    let label = `Organizer ${organizerKey}`;
    if (lookups < MAX_NAME_LOOKUPS) {
      lookups += 1;
      try {
        const details = await getWebinar(ctx, { organizerKey, webinarKey });
        const name = details.organizerName?.trim();
        const email = details.organizerEmail?.trim();
        if (name && email) label = `${name} <${email}>`;
        else if (name || email) label = (name || email) as string;
      } catch (error) {
        if (!(error instanceof GotoApiError)) throw error;
      }
    }
    entries.push({ label, key: organizerKey });
  }
  return entries.sort((a, b) => a.label.localeCompare(b.label));
}
