import { apiPath, type ClientContext } from "../context";
import { checkPageNumber, checkPageSize, collectPages, MAX_PAGE_SIZE } from "../http/paging";
import { asArray, asRecord, isRecord, num } from "../http/values";
import type {
  GotoRegistrant,
  ListAllRegistrantsOptions,
  ListRegistrantsOptions,
  RegistrantPage,
} from "../types/registrants";
import { mapRegistrant } from "./map-registrant";

/** One page of a webinar's registrants (GoTo's paged form: `page` + `limit`, ≤200). */
export async function listRegistrants(ctx: ClientContext, options: ListRegistrantsOptions): Promise<RegistrantPage> {
  const page = checkPageNumber(options.page) ?? 0;
  const limit = checkPageSize(options.limit, "limit") ?? MAX_PAGE_SIZE;
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  const { data } = await ctx.transport.request({
    method: "GET",
    path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/registrants`,
    query: { page, limit },
  });
  if (!isRecord(data)) {
    // Some GoTo deployments ignore paging and answer with the plain array: that is every registrant.
    const registrants = asArray(data).map(mapRegistrant);
    return { registrants, total: registrants.length, page: 0, limit, pageSize: registrants.length };
  }
  const registrants = asArray(data.data).map(mapRegistrant);
  return {
    registrants,
    total: num(data.total),
    page: num(data.page ?? page),
    limit: num(data.limit ?? limit),
    pageSize: num(data.pageSize ?? registrants.length),
  };
}

/**
 * Every registrant of a webinar. By default GoTo's unpaged call: one request, plain array,
 * which keeps the sync fast. `mode: "paged"` walks 200-item pages to the end instead.
 */
export async function listAllRegistrants(
  ctx: ClientContext,
  options: ListAllRegistrantsOptions,
): Promise<GotoRegistrant[]> {
  const organizerKey = await ctx.organizerKey(options.organizerKey);
  if ((options.mode ?? "single-request") === "single-request") {
    const { data } = await ctx.transport.request({
      method: "GET",
      path: apiPath`/organizers/${organizerKey}/webinars/${options.webinarKey}/registrants`,
    });
    // Tolerate the paged envelope too, should the unpaged form ever answer with it.
    return asArray(isRecord(data) ? asRecord(data).data : data).map(mapRegistrant);
  }
  const { items } = await collectPages(
    async (page) => {
      const result = await listRegistrants(ctx, {
        organizerKey,
        webinarKey: options.webinarKey,
        page,
        limit: MAX_PAGE_SIZE,
      });
      const seen = (page + 1) * MAX_PAGE_SIZE;
      return { items: result.registrants, hasMore: result.pageSize >= MAX_PAGE_SIZE && seen < result.total };
    },
    { maxPages: ctx.maxPages, log: ctx.log, context: { list: "registrants", webinarKey: options.webinarKey } },
  );
  return items;
}
