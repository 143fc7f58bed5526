import type { ConnectorStatus, WebinarStatus } from "@gw/api-contract";
import type { ReactNode } from "react";
import { formatNumber } from "../lib/format";
import { Icon } from "./Icon";

export type Tone = "neutral" | "success" | "danger" | "warning" | "info" | "primary";

export function Badge({ tone = "neutral", children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge ${tone === "neutral" ? "" : `badge-${tone}`}`} title={title}>
      {children}
    </span>
  );
}

export function ConnectorStatusBadge({ status }: { status: ConnectorStatus }) {
  switch (status) {
    case "VERIFIED":
      return (
        <Badge tone="success">
          <Icon name="checkCircle" size={13} /> Verified
        </Badge>
      );
    case "ERROR":
      return (
        <Badge tone="danger">
          <Icon name="alert" size={13} /> Error
        </Badge>
      );
    case "DISABLED":
      return (
        <Badge>
          <Icon name="pause" size={12} /> Disabled
        </Badge>
      );
    default:
      return (
        <Badge tone="warning">
          <span className="dot" aria-hidden="true" /> Unverified
        </Badge>
      );
  }
}

export function WebinarStatusBadge({ status }: { status: WebinarStatus }) {
  switch (status) {
    case "LIVE":
      return (
        <Badge tone="danger">
          <span className="dot live-dot" aria-hidden="true" /> Live now
        </Badge>
      );
    case "ENDED":
      return <Badge>Finished</Badge>;
    case "CANCELLED":
      return <Badge tone="warning">Cancelled</Badge>;
    default:
      return <Badge tone="info">Upcoming</Badge>;
  }
}

const REGISTRATION_TONES: Record<string, Tone> = {
  APPROVED: "success",
  ATTENDED: "success",
  WAITING: "warning",
  PENDING: "warning",
  DENIED: "danger",
  CANCELLED: "danger",
  FAILED: "danger",
  SUCCEEDED: "success",
  RUNNING: "info",
  ABANDONED: "warning",
};

export function StatusBadge({ status }: { status: string }) {
  const label = status.charAt(0) + status.slice(1).toLowerCase();
  return <Badge tone={REGISTRATION_TONES[status] ?? "neutral"}>{label}</Badge>;
}

/** A count of things that went wrong (refusals, failures): a red badge when there are any, a quiet 0 otherwise. */
export function ProblemCount({ count }: { count: number }) {
  return count > 0 ? <Badge tone="danger">{formatNumber(count)}</Badge> : <span className="num muted">0</span>;
}
