import type { Db, OutboundDeliveryStatus } from "@gw/db";
import { type Page, pageWindow } from "../paging/paging";
import { getEndpoint } from "./manage-endpoints";

export interface DeliveryView {
  id: string;
  eventId: string;
  type: string;
  status: OutboundDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** An endpoint's delivery log, newest first, optionally one status only. */
export async function listDeliveries(options: {
  db: Pick<Db, "outboundEndpoint" | "outboundDelivery">;
  accountId: string;
  endpointId: string;
  status?: OutboundDeliveryStatus;
  page?: number;
  pageSize?: number;
}): Promise<Page<DeliveryView>> {
  await getEndpoint(options);
  const { page, pageSize, offset } = pageWindow(options);
  const where = { endpointId: options.endpointId, ...(options.status ? { status: options.status } : {}) };
  const [rows, total] = await Promise.all([
    options.db.outboundDelivery.findMany({ where, orderBy: { id: "desc" }, skip: offset, take: pageSize }),
    options.db.outboundDelivery.count({ where }),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id.toString(),
      eventId: row.eventId,
      type: row.type,
      status: row.status,
      attempts: row.attempts,
      lastStatusCode: row.lastStatusCode,
      lastLatencyMs: row.lastLatencyMs,
      lastError: row.lastError,
      lastAttemptAt: row.lastAttemptAt,
      nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt : null,
      deliveredAt: row.deliveredAt,
      createdAt: row.createdAt,
    })),
    total,
    page,
    pageSize,
  };
}
