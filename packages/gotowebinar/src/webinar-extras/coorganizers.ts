import { apiPath, type ClientContext, requireText } from "../context";
import { GotoInputError } from "../http/errors";
import { asArray, asRecord, compact, keyOf, optBool, optStr, str } from "../http/values";
import type { CoorganizerInput, CoorganizerRef, GotoCoorganizer, WebinarScoped } from "../types/webinar-extras";

async function coorganizersPath(ctx: ClientContext, options: WebinarScoped): Promise<string> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  return apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/coorganizers`;
}

function mapCoorganizer(value: unknown): GotoCoorganizer {
  const c = asRecord(value);
  return compact({
    memberKey: keyOf(c.memberKey ?? c.organizerKey),
    email: str(c.email),
    givenName: optStr(c.givenName),
    surname: optStr(c.surname),
    external: optBool(c.external) ?? false,
    joinLink: optStr(c.joinLink),
  });
}

export async function listCoorganizers(ctx: ClientContext, options: WebinarScoped): Promise<GotoCoorganizer[]> {
  const { data } = await ctx.transport.request({ method: "GET", path: await coorganizersPath(ctx, options) });
  return asArray(data).map(mapCoorganizer);
}

/** Adds co-organizers: organizers of the account by key, or external people by name and e-mail. */
export async function createCoorganizers(
  ctx: ClientContext,
  options: WebinarScoped & { coorganizers: CoorganizerInput[] },
): Promise<GotoCoorganizer[]> {
  if (!Array.isArray(options.coorganizers) || options.coorganizers.length === 0) {
    throw new GotoInputError("coorganizers", "coorganizers must be a non-empty array");
  }
  const body = options.coorganizers.map((c, i) =>
    c.external
      ? {
          external: true,
          givenName: requireText(c.givenName, `coorganizers[${i}].givenName`),
          email: requireText(c.email, `coorganizers[${i}].email`),
        }
      : { external: false, organizerKey: requireText(c.organizerKey, `coorganizers[${i}].organizerKey`) },
  );
  const { data } = await ctx.transport.request({
    method: "POST",
    path: await coorganizersPath(ctx, options),
    body: { kind: "json", value: body },
    retryable: false,
  });
  return asArray(data).map(mapCoorganizer);
}

export async function deleteCoorganizer(ctx: ClientContext, options: CoorganizerRef): Promise<void> {
  await ctx.transport.request({
    method: "DELETE",
    path: `${await coorganizersPath(ctx, options)}${apiPath`/${options.coorganizerKey}`}`,
    query: { external: options.external },
  });
}

export async function resendCoorganizerInvitation(ctx: ClientContext, options: CoorganizerRef): Promise<void> {
  await ctx.transport.request({
    method: "POST",
    path: `${await coorganizersPath(ctx, options)}${apiPath`/${options.coorganizerKey}/resendInvitation`}`,
    query: { external: options.external },
    retryable: true,
  });
}
