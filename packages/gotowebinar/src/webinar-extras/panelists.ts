import { apiPath, type ClientContext, requireText } from "../context";
import { GotoInputError } from "../http/errors";
import { asArray, asRecord, compact, keyOf, optStr, str } from "../http/values";
import type { GotoPanelist, PanelistInput, PanelistRef, WebinarScoped } from "../types/webinar-extras";

async function panelistsPath(ctx: ClientContext, options: WebinarScoped): Promise<string> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  return apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/panelists`;
}

function mapPanelist(value: unknown): GotoPanelist {
  const p = asRecord(value);
  const deprecatedName = [optStr(p.firstName), optStr(p.lastName)].filter(Boolean).join(" ");
  return compact({
    // The list calls it panelistId (int64), the create answer panelistKey.
    panelistKey: keyOf(p.panelistKey ?? p.panelistId),
    name: optStr(p.name) ?? deprecatedName,
    email: str(p.email),
    joinLink: optStr(p.joinLink),
  });
}

export async function listPanelists(ctx: ClientContext, options: WebinarScoped): Promise<GotoPanelist[]> {
  const { data } = await ctx.transport.request({ method: "GET", path: await panelistsPath(ctx, options) });
  return asArray(data).map(mapPanelist);
}

/** Adds panelists (GoTo e-mails each an invitation); answers with their keys and join links. */
export async function createPanelists(
  ctx: ClientContext,
  options: WebinarScoped & { panelists: PanelistInput[] },
): Promise<GotoPanelist[]> {
  if (!Array.isArray(options.panelists) || options.panelists.length === 0) {
    throw new GotoInputError("panelists", "panelists must be a non-empty array of { name, email }");
  }
  const body = options.panelists.map((p, i) => ({
    name: requireText(p.name, `panelists[${i}].name`),
    email: requireText(p.email, `panelists[${i}].email`),
  }));
  const { data } = await ctx.transport.request({
    method: "POST",
    path: await panelistsPath(ctx, options),
    body: { kind: "json", value: body },
    retryable: false,
  });
  return asArray(data).map(mapPanelist);
}

export async function deletePanelist(ctx: ClientContext, options: PanelistRef): Promise<void> {
  await ctx.transport.request({
    method: "DELETE",
    path: `${await panelistsPath(ctx, options)}${apiPath`/${options.panelistKey}`}`,
  });
}

export async function resendPanelistInvitation(ctx: ClientContext, options: PanelistRef): Promise<void> {
  await ctx.transport.request({
    method: "POST",
    path: `${await panelistsPath(ctx, options)}${apiPath`/${options.panelistKey}/resendInvitation`}`,
    retryable: true,
  });
}
