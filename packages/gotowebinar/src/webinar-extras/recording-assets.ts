import { apiPath, type ClientContext } from "../context";
import { listEmbedded } from "../http/embedded-list";
import { checkPageNumber, checkPageSize } from "../http/paging";
import { readFields } from "../http/read-fields";
import { formatGotoTime } from "../http/transport";
import { asArray, asRecord, num } from "../http/values";
import type {
  GotoRecordingAsset,
  ListWebinarRecordingAssetsOptions,
  RecordingAssetList,
  SearchAccountRecordingAssetsOptions,
  SearchRecordingAssetsOptions,
  WebinarRecordingAssetPage,
} from "../types/webinar-extras";

function mapAsset(value: unknown): GotoRecordingAsset {
  return readFields<GotoRecordingAsset>(value, {
    key: ["recordingAssetKey"],
    optKey: ["creatorKey", "accountKey", "webinarKey"],
    str: ["name"],
    optStr: ["productName", "createTime", "mp4DownloadUrl", "transcriptDownloadUrl", "recordingShareUrl"],
    optNum: ["totalReferenceCount"],
  });
}

/** The recordings of one webinar: GoTo pages this one as { data, total, page, pageSize }. */
export async function listWebinarRecordingAssets(
  ctx: ClientContext,
  options: ListWebinarRecordingAssetsOptions,
): Promise<WebinarRecordingAssetPage> {
  const { data } = await ctx.transport.request({
    method: "GET",
    path: apiPath`/webinars/${options.webinarKey}/recordingAssets`,
    query: { page: checkPageNumber(options.page), limit: checkPageSize(options.limit, "limit") },
  });
  const d = asRecord(data);
  const assets = asArray(Array.isArray(data) ? data : d.data).map(mapAsset);
  return {
    assets,
    total: num(d.total ?? assets.length),
    page: num(d.page),
    pageSize: num(d.pageSize ?? assets.length),
  };
}

function searchBody(options: SearchRecordingAssetsOptions): Record<string, unknown> {
  return { name: options.name, sortField: options.sortField, sortOrder: options.sortOrder };
}

async function searchAssets(
  ctx: ClientContext,
  path: string,
  body: Record<string, unknown>,
  options: SearchRecordingAssetsOptions,
): Promise<RecordingAssetList> {
  const { items, page } = await listEmbedded(ctx, {
    method: "POST",
    path,
    body: Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)),
    query: { includes: options.includes?.length ? options.includes.join(",") : undefined },
    embeddedName: "recordingAssets",
    map: mapAsset,
    page: options.page,
    size: options.size,
    fetchAll: options.fetchAll,
    context: { list: "recording assets" },
  });
  return { assets: items, page };
}

/** Completed recordings of the account (the client's accountKey unless given). */
export async function searchRecordingAssets(
  ctx: ClientContext,
  options: SearchRecordingAssetsOptions = {},
): Promise<RecordingAssetList> {
  const accountKey = await ctx.accountKey(options.accountKey);
  return searchAssets(ctx, "/recordingassets/search", { accountKey, ...searchBody(options) }, options);
}

/** Admin search: one organizer's recordings in an account, optionally in a time range. */
export async function searchAccountRecordingAssets(
  ctx: ClientContext,
  options: SearchAccountRecordingAssetsOptions,
): Promise<RecordingAssetList> {
  const accountKey = await ctx.accountKey(options.accountKey);
  return searchAssets(
    ctx,
    apiPath`/accounts/${accountKey}/recordingassets/search`,
    {
      organizerKey: options.organizerKey,
      ...searchBody(options),
      fromTime: options.fromTime ? formatGotoTime(options.fromTime) : undefined,
      toTime: options.toTime ? formatGotoTime(options.toTime) : undefined,
    },
    options,
  );
}
