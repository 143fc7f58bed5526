import type { OutboundDelivery, OutboundDeliveryStatus, Page } from "@gw/api-contract";
import { useState } from "react";
import { errorMessage, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { Badge, type Tone } from "../../components/Badge";
import { Button } from "../../components/Button";
import { type Column, PagedTable } from "../../components/DataTable";
import { SelectField } from "../../components/Field";
import { Card } from "../../components/Layout";
import { EmptyState, QueryView } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatDateTime, formatShortDateTime } from "../../lib/format";
import { eventTypeLabel } from "./event-types";

const STATUS: Record<OutboundDeliveryStatus, { label: string; tone: Tone }> = {
  PENDING: { label: "Pending", tone: "warning" },
  DELIVERED: { label: "Delivered", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
};

/** An endpoint's deliveries, newest first, with replay of one or of every failed one. */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const toast = useToast();
  const [status, setStatus] = useState<OutboundDeliveryStatus | "">("");
  const [page, setPage] = useState(1);
  const log = useApi<Page<OutboundDelivery>>(
    `/api/endpoints/${endpointId}/deliveries`,
    { status, page, pageSize: 25 },
    // Pending deliveries change by themselves: refresh while any is on screen.
    { refetchInterval: (data) => (data?.items.some((d) => d.status === "PENDING") ? 2_000 : false) },
  );
  const [replaying, setReplaying] = useState<string | null>(null);
  const { reload } = log;

  const replay = async (deliveryId: string | "failed") => {
    setReplaying(deliveryId);
    try {
      const { replayed } = await post<{ replayed: number }>(
        deliveryId === "failed"
          ? `/api/endpoints/${endpointId}/deliveries/replay-failed`
          : `/api/endpoints/${endpointId}/deliveries/${deliveryId}/replay`,
        {},
      );
      toast.success(
        replayed === 0
          ? "No failed deliveries to replay."
          : `${replayed} ${replayed === 1 ? "delivery" : "deliveries"} queued again.`,
      );
      reload();
    } catch (caught) {
      toast.error(errorMessage(caught));
    } finally {
      setReplaying(null);
    }
  };

  const columns: Column<OutboundDelivery>[] = [
    { key: "when", header: "When", render: (d) => <span className="nowrap">{formatShortDateTime(d.createdAt)}</span> },
    {
      key: "event",
      header: "Event",
      render: (d) => (
        <div className="stack" style={{ gap: 2 }}>
          <span>{eventTypeLabel(d.type)}</span>
          <code className="small break">{d.eventId}</code>
        </div>
      ),
    },
    {
      key: "status",
      header: "Status",
      render: (d) => (
        <div className="stack" style={{ gap: 2 }}>
          <span>
            <Badge tone={STATUS[d.status].tone}>{STATUS[d.status].label}</Badge>
          </span>
          {d.status === "PENDING" && d.attempts > 0 && d.nextAttemptAt ? (
            <span className="muted small">Retry {formatDateTime(d.nextAttemptAt)}</span>
          ) : null}
        </div>
      ),
    },
    {
      key: "response",
      header: "Response",
      render: (d) =>
        d.lastError ? (
          <span className="small break" title={d.lastError}>
            {d.lastError.length > 80 ? `${d.lastError.slice(0, 80)}…` : d.lastError}
          </span>
        ) : d.lastStatusCode !== null ? (
          `HTTP ${d.lastStatusCode}`
        ) : (
          "—"
        ),
    },
    {
      key: "latency",
      header: "Latency",
      align: "right",
      render: (d) => (d.lastLatencyMs === null ? "—" : `${d.lastLatencyMs} ms`),
    },
    { key: "attempts", header: "Attempts", align: "right", render: (d) => d.attempts },
    {
      key: "replay",
      header: <span className="sr-only">Actions</span>,
      render: (d) =>
        d.status === "PENDING" ? null : (
          <Button
            size="sm"
            icon="refresh"
            loading={replaying === d.id}
            aria-label={`Replay ${d.type} ${d.eventId}`}
            onClick={() => replay(d.id)}
          >
            Replay
          </Button>
        ),
    },
  ];

  return (
    <Card
      title="Delivery log"
      id="deliveries"
      actions={
        <div className="row">
          <SelectField
            label="Status"
            className="inline-field"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as OutboundDeliveryStatus | "");
              setPage(1);
            }}
          >
            <option value="">All</option>
            <option value="FAILED">Failed</option>
            <option value="PENDING">Pending</option>
            <option value="DELIVERED">Delivered</option>
          </SelectField>
          <Button size="sm" icon="refresh" onClick={reload} aria-label="Refresh the delivery log" />
          <Button size="sm" loading={replaying === "failed"} onClick={() => replay("failed")}>
            Replay all failed
          </Button>
        </div>
      }
    >
      <QueryView
        query={log}
        empty={
          <EmptyState icon="inbox" title={status ? "No deliveries with this status" : "No deliveries yet"}>
            Events the endpoint receives appear here as they are sent.
          </EmptyState>
        }
      >
        {(data) => (
          <PagedTable
            caption="Deliveries, newest first"
            columns={columns}
            page={data}
            rowKey={(d) => d.id}
            busy={log.loading}
            noun="deliveries"
            onPage={setPage}
          />
        )}
      </QueryView>
    </Card>
  );
}
