import type { ConnectorStatus, WebinarStatus } from "@gw/api-contract";
import type { ReactNode } from "react";
import { formatNumber } from "../lib/format";
import { Icon, type IconName } from "./Icon";

export type Tone = "neutral" | "success" | "danger" | "warning" | "info" | "primary";

export function Badge({ tone = "neutral", children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge ${tone === "neutral" ? "" : `badge-${tone}`}`} title={title}>
      {children}
    </span>
  );
}

/** What stands before a status badge's words: an icon, a dot, or a pulsing dot (happening now). */
type Mark = IconName | "dot" | "live" | null;
type StatusLook = [tone: Tone, mark: Mark, label: string];

const CONNECTOR_LOOKS: Record<ConnectorStatus, StatusLook> = {
  VERIFIED: ["success", "checkCircle", "Verified"],
  ERROR: ["danger", "alert", "Error"],
  DISABLED: ["neutral", "pause", "Disabled"],
  UNVERIFIED: ["warning", "dot", "Unverified"],
};
const WEBINAR_LOOKS: Record<WebinarStatus, StatusLook> = {
  LIVE: ["danger", "live", "Live now"],
  ENDED: ["neutral", null, "Finished"],
  CANCELLED: ["warning", null, "Cancelled"],
  SCHEDULED: ["info", null, "Upcoming"],
};

function LookBadge({ look: [tone, mark, label] }: { look: StatusLook }) {
  return (
    <Badge tone={tone}>
      {mark === "dot" || mark === "live" ? (
        <span className={mark === "live" ? "dot live-dot" : "dot"} aria-hidden="true" />
      ) : mark ? (
        <Icon name={mark} size={mark === "pause" ? 12 : 13} />
      ) : null}
      {mark ? " " : null}
      {label}
    </Badge>
  );
}

export function ConnectorStatusBadge({ status }: { status: ConnectorStatus }) {
  return <LookBadge look={CONNECTOR_LOOKS[status] ?? CONNECTOR_LOOKS.UNVERIFIED} />;
}

export function WebinarStatusBadge({ status }: { status: WebinarStatus }) {
  return <LookBadge look={WEBINAR_LOOKS[status] ?? WEBINAR_LOOKS.SCHEDULED} />;
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
