import { apiPath, type ClientContext } from "../context";
import { GotoNotFoundError } from "../http/errors";
import type { CancelWebinarOptions } from "../types/webinars";

/**
 * Cancels (deletes) a webinar. A 404 after an attempt that got no clear answer (network error, timeout,
 * 5xx) counts as done: that attempt may have reached GoTo and cancelled it.
 */
export async function cancelWebinar(ctx: ClientContext, options: CancelWebinarOptions): Promise<void> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const path = apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}`;
  let ambiguous = false;
  try {
    await ctx.transport.request({
      method: "DELETE",
      path,
      query: { sendCancellationEmails: options.sendCancellationEmails, deleteAll: options.deleteAll },
      onAttempt: (event) => {
        if (event.status === 0 || event.status >= 500) ambiguous = true;
      },
    });
  } catch (error) {
    if (error instanceof GotoNotFoundError && ambiguous) return;
    throw error;
  }
}
