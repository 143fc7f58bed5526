import type { ClientContext } from "../context";
import type { PicklistEntry } from "../types/common";
import { listWebinars } from "../webinars/list-webinars";
import { type PicklistRangeOptions, rangeOrDefault } from "./default-range";

/** Picklist of the account's webinars in a range (default ±1 year), soonest first. */
export async function selectWebinar(ctx: ClientContext, options: PicklistRangeOptions = {}): Promise<PicklistEntry[]> {
  const accountKey = await ctx.accountKey(options.accountKey);
  const { webinars } = await listWebinars(ctx, { accountKey, ...rangeOrDefault(options), fetchAll: true });
  return webinars
    .map((w) => ({ start: w.times[0]?.startTime ?? "", webinar: w }))
    .sort((a, b) => a.start.localeCompare(b.start))
    .map(({ start, webinar }) => ({
      label: start ? `${webinar.subject} (${start})` : webinar.subject,
      key: webinar.webinarKey,
    }));
}
