import { type ClientContext, requireText } from "../context";
import { asRecord, compact, keyOf, optStr, str } from "../http/values";
import type { GotoPanelist, PanelistInput, PanelistRef, WebinarScoped } from "../types/webinar-extras";
import { webinarPeople } from "./webinar-people";

const panelists = webinarPeople("panelists", {
  map(value: unknown): GotoPanelist {
    const p = asRecord(value);
    const deprecatedName = [optStr(p.firstName), optStr(p.lastName)].filter(Boolean).join(" ");
    return compact({
      // The list calls it panelistId (int64), the create answer panelistKey.
      panelistKey: keyOf(p.panelistKey ?? p.panelistId),
      name: optStr(p.name) ?? deprecatedName,
      email: str(p.email),
      joinLink: optStr(p.joinLink),
    });
  },
  body: (p: PanelistInput, at) => ({
    name: requireText(p.name, `${at}.name`),
    email: requireText(p.email, `${at}.email`),
  }),
  emptyMessage: "panelists must be a non-empty array of { name, email }",
  ref: (ref: PanelistRef) => ({ key: ref.panelistKey }),
});

export const listPanelists = panelists.list;

/** Adds panelists (GoTo e-mails each an invitation); answers with their keys and join links. */
export const createPanelists = (ctx: ClientContext, options: WebinarScoped & { panelists: PanelistInput[] }) =>
  panelists.create(ctx, options, options.panelists);

export const deletePanelist = panelists.delete;

export const resendPanelistInvitation = panelists.resendInvitation;
