import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import type { FastifyReply } from "fastify";

/** `attachment; filename="..."` with an ASCII fallback and the exact name in RFC 5987 form. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\/]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Streams rows as a CSV download: UTF-8 with a byte-order mark so spreadsheets read names right. */
export function sendCsv(
  reply: FastifyReply,
  exported: { filename: string; header: string[]; rows: AsyncIterable<string[]> },
): FastifyReply {
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
