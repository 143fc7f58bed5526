import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { type AccountRouteInput, type AccountRouteSpec, accountRoute } from "./account-route";

/** `attachment; filename="..."` with an ASCII fallback and the exact name in RFC 5987 form. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\/]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export interface CsvExport {
  filename: string;
  header: string[];
  rows: AsyncIterable<string[]>;
}

type Schema = z.ZodType | undefined;

/**
 * An account route whose success reply is a CSV download: the spec as `accountRoute`'s (the
 * reply schema only documents the CSV), the handler returns the export and this streams it.
 */
export function csvRoute<
  Params extends Schema = undefined,
  Query extends Schema = undefined,
  Body extends Schema = undefined,
>(
  app: Parameters<typeof accountRoute>[0],
  spec: Omit<AccountRouteSpec<z.ZodString, Params, Query, Body>, "status" | "produces">,
  handler: (input: AccountRouteInput<Params, Query, Body>) => Promise<CsvExport> | CsvExport,
): void {
  accountRoute(
    app,
    { ...spec, produces: ["text/csv"] },
    async (input) =>
      // The reply streams past the serializer: what the handler hands back is the reply itself.
      sendCsv(input.reply, await handler(input)) as unknown as string,
  );
}

/** Streams rows as a CSV download: UTF-8 with a byte-order mark so spreadsheets read names right. */
export function sendCsv(reply: FastifyReply, exported: CsvExport): FastifyReply {
  const csv = stringify({ header: true, columns: exported.header, bom: true });
  const rows = Readable.from(exported.rows);
  rows.on("error", (error) => csv.destroy(error));
  rows.pipe(csv);
  return (
    reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", attachmentDisposition(exported.filename))
      .header("cache-control", "no-store")
      // Fastify streams a stream as is, bypassing the serializer; the schema only documents it.
      .send(csv as unknown as string)
  );
}
