import { apiPath, type ClientContext } from "../context";
import { GotoNotFoundError } from "../http/errors";
import type { RegistrantRef } from "../types/registrants";

/**
 * Removes a registrant from a scheduled, future webinar. A 404 after an attempt that got no clear
 * answer (network error, timeout, 5xx) counts as done.
 */
export async function deleteRegistrant(ctx: ClientContext, options: RegistrantRef): Promise<void> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  let ambiguous = false;
  try {
    await ctx.transport.request({
      method: "DELETE",
      path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/registrants/${options.registrantKey}`,
      onAttempt: (event) => {
        if (event.status === 0 || event.status >= 500) ambiguous = true;
      },
    });
  } catch (error) {
    if (error instanceof GotoNotFoundError && ambiguous) return;
    throw error;
  }
}
