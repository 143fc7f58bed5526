import { type ClientContext, requireText } from "../context";
import { asRecord, compact, keyOf, optBool, optStr, str } from "../http/values";
import type { CoorganizerInput, CoorganizerRef, GotoCoorganizer, WebinarScoped } from "../types/webinar-extras";
import { webinarPeople } from "./webinar-people";

const coorganizers = webinarPeople("coorganizers", {
  map(value: unknown): GotoCoorganizer {
    const c = asRecord(value);
    return compact({
      memberKey: keyOf(c.memberKey ?? c.organizerKey),
      email: str(c.email),
      givenName: optStr(c.givenName),
      surname: optStr(c.surname),
      external: optBool(c.external) ?? false,
      joinLink: optStr(c.joinLink),
    });
  },
  body: (c: CoorganizerInput, at) =>
    c.external
      ? {
          external: true,
          givenName: requireText(c.givenName, `${at}.givenName`),
          email: requireText(c.email, `${at}.email`),
        }
      : { external: false, organizerKey: requireText(c.organizerKey, `${at}.organizerKey`) },
  emptyMessage: "coorganizers must be a non-empty array",
  ref: (ref: CoorganizerRef) => ({ key: ref.coorganizerKey, query: { external: ref.external } }),
});

export const listCoorganizers = coorganizers.list;

/** Adds co-organizers: organizers of the account by key, or external people by name and e-mail. */
export const createCoorganizers = (ctx: ClientContext, options: WebinarScoped & { coorganizers: CoorganizerInput[] }) =>
  coorganizers.create(ctx, options, options.coorganizers);

export const deleteCoorganizer = coorganizers.delete;

export const resendCoorganizerInvitation = coorganizers.resendInvitation;
