import { apiPath, type ClientContext } from "../context";
import { GotoInputError } from "../http/errors";
import { asRecord, dropUndefined, isRecord, optStr, str } from "../http/values";
import type { GotoAudio, UpdateAudioOptions, WebinarScoped } from "../types/webinar-extras";

const AUDIO_TYPES = ["PSTN", "VOIP", "Hybrid", "Private"];

async function audioPath(ctx: ClientContext, options: WebinarScoped): Promise<string> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  return apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/audio`;
}

export async function getAudio(ctx: ClientContext, options: WebinarScoped): Promise<GotoAudio> {
  const { data } = await ctx.transport.request({ method: "GET", path: await audioPath(ctx, options) });
  const a = asRecord(data);
  const audio: GotoAudio = { type: str(a.type) };
  if (isRecord(a.confCallNumbers)) audio.confCallNumbers = a.confCallNumbers as GotoAudio["confCallNumbers"];
  if (isRecord(a.privateInfo)) {
    audio.privateInfo = {
      attendee: optStr(a.privateInfo.attendee),
      organizer: optStr(a.privateInfo.organizer),
      panelist: optStr(a.privateInfo.panelist),
    };
  }
  return audio;
}

/** Sets the webinar's audio (PSTN, VOIP, Hybrid, or Private with the organizer's own dial-in text). */
export async function updateAudio(ctx: ClientContext, options: UpdateAudioOptions): Promise<void> {
  if (!AUDIO_TYPES.includes(options.type)) {
    throw new GotoInputError(
      "type",
      `type must be one of ${AUDIO_TYPES.join(", ")}, got ${JSON.stringify(options.type)}`,
    );
  }
  await ctx.transport.request({
    method: "POST",
    path: await audioPath(ctx, options),
    body: {
      kind: "json",
      value: dropUndefined({ type: options.type, pstnInfo: options.pstnInfo, privateInfo: options.privateInfo }),
    },
    retryable: true,
  });
}
