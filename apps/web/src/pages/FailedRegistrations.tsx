import { useState } from "react";
import { Link } from "react-router-dom";
import { errorMessage, post } from "../api/client";
import { useApi } from "../api/use-api";
import { Button } from "../components/Button";
import { actionsColumn, type Column, DataTable } from "../components/DataTable";
import { Card } from "../components/Layout";
import { ErrorState } from "../components/States";
import { useToast } from "../components/Toast";
import { formatRelative, formatShortDateTime } from "../lib/format";

interface FailedRequest {
  id: string;
  reason: string | null;
  attempts: number;
  createdAt: string;
  prospect: { id: string; email: string };
  webinar: { id: string; subject: string };
}

/** Form registrations GoTo Webinar refused (or never answered for a day), each with a retry. */
export function FailedRegistrations() {
  const failed = useApi<{ requests: FailedRequest[]; total: number }>("/api/registration-requests", {
    status: "FAILED",
    limit: 50,
  });
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);
  if (failed.error)
    return <ErrorState error={failed.error} onRetry={failed.reload} title="Failed registrations could not be loaded" />;
  if (!failed.data || failed.data.total === 0) return null;

  const retry = async (request: FailedRequest) => {
    setBusy(request.id);
    try {
      await post(`/api/registration-requests/${request.id}/retry`);
      toast.success(`Registration of ${request.prospect.email} queued again.`);
      failed.reload();
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const columns: Column<FailedRequest>[] = [
    {
      key: "prospect",
      header: "Prospect",
      render: (r) => (
        <Link to={`/prospects/${r.prospect.id}`} className="cell-title">
          {r.prospect.email}
        </Link>
      ),
    },
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
          loading={busy === r.id}
          onClick={() => void retry(r)}
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
