import type { OutboundDelivery, OutboundDeliveryStatus } from "@gw/api-contract";
import { Badge, type Tone } from "../../components/Badge";
import { Button } from "../../components/Button";
import { type Column, PagedQueryTable } from "../../components/DataTable";
import { SelectField } from "../../components/Field";
import { Card } from "../../components/Layout";
import { EmptyState } from "../../components/States";
import { formatDateTime, formatShortDateTime } from "../../lib/format";
import { eventTypeLabel } from "./event-types";
import { useDeliveryLog } from "./use-endpoint";

const STATUS: Record<OutboundDeliveryStatus, { label: string; tone: Tone }> = {
  PENDING: { label: "Pending", tone: "warning" },
  DELIVERED: { label: "Delivered", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
};

/** An endpoint's deliveries, newest first, with replay of one or of every failed one. */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const { status, setStatus, setPage, log, replay, replaying } = useDeliveryLog(endpointId);

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
          <Button size="sm" icon="refresh" onClick={log.reload} aria-label="Refresh the delivery log" />
          <Button size="sm" loading={replaying === "failed"} onClick={() => replay("failed")}>
            Replay all failed
          </Button>
        </div>
      }
    >
      <PagedQueryTable
        query={log}
        empty={
          <EmptyState icon="inbox" title={status ? "No deliveries with this status" : "No deliveries yet"}>
            Events the endpoint receives appear here as they are sent.
          </EmptyState>
        }
        caption="Deliveries, newest first"
        columns={columns}
        rowKey={(d) => d.id}
        noun="deliveries"
        onPage={setPage}
      />
    </Card>
  );
}
