import { apiPath, type ClientContext } from "../context";
import { embeddedItems } from "../http/embedded-list";

/**
 * GoTo's webhooks and user subscriptions are two collections with one protocol: created, changed
 * and deleted several at a time at the collection's path, listed per product (`_embedded.<name>`),
 * read one by key.
 */
export function webhookCollection<T>(path: "/webhooks" | "/userSubscriptions", map: (value: unknown) => T) {
  const name = path.slice(1);
  return {
    async create(ctx: ClientContext, value: unknown[]): Promise<T[]> {
      const { data } = await ctx.transport.request({
        method: "POST",
        path,
        body: { kind: "json", value },
        retryable: false,
      });
      return embeddedItems(data, name).map(map);
    },
    async update(ctx: ClientContext, value: unknown[]): Promise<void> {
      await ctx.transport.request({ method: "PUT", path, body: { kind: "json", value } });
    },
    async list(ctx: ClientContext, product = "g2w"): Promise<T[]> {
      const { data } = await ctx.transport.request({ method: "GET", path, query: { product } });
      return embeddedItems(data, name).map(map);
    },
    async get(ctx: ClientContext, key: string): Promise<T> {
      const { data } = await ctx.transport.request({ method: "GET", path: `${path}${apiPath`/${key}`}` });
      return map(data);
    },
    async delete(ctx: ClientContext, keys: string[]): Promise<void> {
      await ctx.transport.request({ method: "DELETE", path, body: { kind: "json", value: keys } });
    },
  };
}
