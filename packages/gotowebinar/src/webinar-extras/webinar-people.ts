import { apiPath, type ClientContext } from "../context";
import { GotoInputError } from "../http/errors";
import { asArray } from "../http/values";
import type { WebinarScoped } from "../types/webinar-extras";

/**
 * A webinar's co-organizers or panelists: GoTo treats both alike (listed whole, added several in
 * one POST, each removed and re-invited by its key), and so does this. `query` carries what one of
 * them needs beside the key (co-organizers: whether they are external).
 */
export function webinarPeople<Input, Person, Ref extends WebinarScoped>(
  collection: "coorganizers" | "panelists",
  shape: {
    map: (value: unknown) => Person;
    /** One input as GoTo takes it; `at` names it in errors (`panelists[2]`). */
    body: (input: Input, at: string) => unknown;
    /** The error for an empty or missing list. */
    emptyMessage: string;
    /** The person a delete or a resend names, and what GoTo wants with the key. */
    ref: (ref: Ref) => { key: string; query?: Record<string, boolean> };
  },
) {
  const path = async (ctx: ClientContext, options: WebinarScoped, tail = "") => {
    const organizerKey = await ctx.organizerKey(options.organizerKey);
    return `${apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}`}/${collection}${tail}`;
  };
  return {
    async list(ctx: ClientContext, options: WebinarScoped): Promise<Person[]> {
      const { data } = await ctx.transport.request({ method: "GET", path: await path(ctx, options) });
      return asArray(data).map(shape.map);
    },
    async create(ctx: ClientContext, options: WebinarScoped, inputs: Input[]): Promise<Person[]> {
      if (!Array.isArray(inputs) || inputs.length === 0) throw new GotoInputError(collection, shape.emptyMessage);
      // Every input is checked before anything is asked of GoTo (the organizer key may need a request).
      const value = inputs.map((input, i) => shape.body(input, `${collection}[${i}]`));
      const { data } = await ctx.transport.request({
        method: "POST",
        path: await path(ctx, options),
        body: { kind: "json", value },
        retryable: false,
      });
      return asArray(data).map(shape.map);
    },
    async delete(ctx: ClientContext, options: Ref): Promise<void> {
      const { key, query } = shape.ref(options);
      await ctx.transport.request({ method: "DELETE", path: await path(ctx, options, apiPath`/${key}`), query });
    },
    async resendInvitation(ctx: ClientContext, options: Ref): Promise<void> {
      const { key, query } = shape.ref(options);
      await ctx.transport.request({
        method: "POST",
        path: await path(ctx, options, apiPath`/${key}/resendInvitation`),
        query,
        retryable: true,
      });
    },
  };
}
