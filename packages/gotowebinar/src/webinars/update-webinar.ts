import { apiPath, type ClientContext } from "../context";
import { GotoInputError } from "../http/errors";
import { dropUndefined } from "../http/values";
import type { UpdateWebinarOptions } from "../types/webinars";
import { emailSettingsBody, timesBody } from "./webinar-body";

/** Updates a webinar (GoTo answers 202). `times` replaces the whole schedule. */
export async function updateWebinar(ctx: ClientContext, options: UpdateWebinarOptions): Promise<void> {
  const body = dropUndefined({
    subject: options.subject,
    description: options.description,
    times: options.times === undefined ? undefined : timesBody(options.times),
    timeZone: options.timeZone,
    locale: options.locale,
    emailSettings: emailSettingsBody(options.emailSettings),
  });
  if (Object.keys(body).length === 0) {
    throw new GotoInputError("subject", "updateWebinar needs at least one field to change");
  }
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  await ctx.transport.request({
    method: "PUT",
    path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}`,
    query: { notifyParticipants: options.notifyParticipants },
    body: { kind: "json", value: body },
  });
}
