import { useState } from "react";
import { Link } from "react-router-dom";
import { errorMessage, post } from "../api/client";
import { useApi } from "../api/use-api";
import { Button } from "../components/Button";
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

  return (
    <Card title={`Failed registrations (${failed.data.total})`} id="failed">
      <div className="table-wrap">
        <table className="table">
          <caption className="sr-only">Form registrations that did not reach GoTo Webinar</caption>
          <thead>
            <tr>
              <th scope="col">Prospect</th>
              <th scope="col">Webinar</th>
              <th scope="col">Reason</th>
              <th scope="col">Submitted</th>
              <th scope="col" className="right">
                <span className="sr-only">Retry</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {failed.data.requests.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/prospects/${r.prospect.id}`} className="cell-title">
                    {r.prospect.email}
                  </Link>
                </td>
                <td>
                  <Link to={`/reports/webinars/${r.webinar.id}`}>{r.webinar.subject}</Link>
                </td>
                <td style={{ color: "var(--danger)", maxWidth: 360 }}>{r.reason ?? "Refused by GoTo Webinar"}</td>
                <td className="nowrap" title={formatShortDateTime(r.createdAt)}>
                  {formatRelative(r.createdAt)} · {r.attempts} attempt{r.attempts === 1 ? "" : "s"}
                </td>
                <td className="right">
                  <Button
                    size="sm"
                    icon="refresh"
                    loading={busy === r.id}
                    onClick={() => void retry(r)}
                    aria-label={`Retry the registration of ${r.prospect.email}`}
                  >
                    Retry
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
