import { Link } from "react-router-dom";
import { Button } from "../components/Button";
import { actionsColumn, type Column, DataTable, titleLinkColumn } from "../components/DataTable";
import { Card } from "../components/Layout";
import { ErrorState } from "../components/States";
import { formatRelative, formatShortDateTime } from "../lib/format";
import { type FailedRequest, useFailedRegistrations } from "./use-failed-registrations";

/** Form registrations GoTo Webinar refused (or never answered for a day), each with a retry. */
export function FailedRegistrations() {
  const { failed, retry } = useFailedRegistrations();
  if (failed.error)
    return <ErrorState error={failed.error} onRetry={failed.reload} title="Failed registrations could not be loaded" />;
  if (!failed.data || failed.data.total === 0) return null;

  const columns: Column<FailedRequest>[] = [
    titleLinkColumn(
      "prospect",
      "Prospect",
      (r) => `/prospects/${r.prospect.id}`,
      (r) => r.prospect.email,
    ),
    {
      key: "webinar",
      header: "Webinar",
      render: (r) => <Link to={`/reports/webinars/${r.webinar.id}`}>{r.webinar.subject}</Link>,
    },
    {
      key: "reason",
      header: "Reason",
      render: (r) => (
        <span style={{ display: "block", color: "var(--danger)", maxWidth: 360 }}>
          {r.reason ?? "Refused by GoTo Webinar"}
        </span>
      ),
    },
    {
      key: "submitted",
      header: "Submitted",
      render: (r) => (
        <span className="nowrap" title={formatShortDateTime(r.createdAt)}>
          {formatRelative(r.createdAt)} · {r.attempts} attempt{r.attempts === 1 ? "" : "s"}
        </span>
      ),
    },
    actionsColumn(
      (r) => (
        <Button
          size="sm"
          icon="refresh"
          loading={retry.isPending && retry.variables?.id === r.id}
          onClick={() => retry.mutate(r)}
          aria-label={`Retry the registration of ${r.prospect.email}`}
        >
          Retry
        </Button>
      ),
      "Retry",
    ),
  ];

  return (
    <Card title={`Failed registrations (${failed.data.total})`} id="failed">
      <DataTable
        caption="Form registrations that did not reach GoTo Webinar"
        columns={columns}
        rows={failed.data.requests}
        rowKey={(r) => r.id}
      />
    </Card>
  );
}
