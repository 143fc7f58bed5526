import { apiPath, type ClientContext } from "../context";
import { formatGotoTime } from "../http/transport";
import { asRecord, keyOf, str } from "../http/values";
import type { CopyWebinarOptions } from "../types/webinar-extras";

/** The URL an organizer opens to start the webinar (not organizer-scoped in GoTo's path). */
export async function getStartUrl(ctx: ClientContext, options: { webinarKey: string }): Promise<string> {
  const { data } = await ctx.transport.request({
    method: "GET",
    path: apiPath`/webinars/${options.webinarKey}/startUrl`,
  });
  return str(asRecord(data).startUrl);
}

/** Copies a webinar with new times (and optionally another subject, type, ...); answers the new key. */
export async function copyWebinar(ctx: ClientContext, options: CopyWebinarOptions): Promise<{ webinarKey: string }> {
  const { webinarKey, times, ...rest } = options;
  const body: Record<string, unknown> = { ...rest };
  if (times)
    body.times = times.map((t) => ({ startTime: formatGotoTime(t.startTime), endTime: formatGotoTime(t.endTime) }));
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  const { data } = await ctx.transport.request({
    method: "PUT",
    path: apiPath`/webinars/${webinarKey}/copy`,
    body: { kind: "json", value: body },
    // PUT, but each call creates a webinar: never repeat it blindly.
    retryable: false,
  });
  return { webinarKey: keyOf(asRecord(data).webinarKey) };
}
