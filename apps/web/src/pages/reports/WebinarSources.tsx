import type { WebinarDetail } from "@gw/api-contract";
import { Link, useSearchParams } from "react-router-dom";
import { type Column, DataTable } from "../../components/DataTable";
import { Card } from "../../components/Layout";
import { formatNumber, formatPercent } from "../../lib/format";

type Sources = WebinarDetail["sources"];

/** The drill-down's address for one source; "" stands for registrations without one (as in the API). */
export const sourceDrillDown = (webinarId: string, source: string | null) =>
  `/reports/webinars/${webinarId}/prospects?source=${encodeURIComponent(source ?? "")}`;

/**
 * The drill-down's source filter from its address: undefined when absent, "" for "no source".
 * Read apart from the other search state because an empty value means something here.
 */
export function useSourceFilter(): { source: string | undefined; apiSuffix: string } {
  const [params] = useSearchParams();
  const source = params.has("source") ? (params.get("source") ?? "") : undefined;
  return { source, apiSuffix: source === undefined ? "" : `?source=${encodeURIComponent(source)}` };
}

/** "Only registrations from X", with the way back to everyone of the segment. */
export function SourceFilterNotice({ source, allHref }: { source: string | undefined; allHref: string }) {
  if (source === undefined) return null;
  return (
    <p className="row small" role="status">
      <span>
        Only registrations from source <strong>{source === "" ? "none tracked" : source}</strong>.
      </span>
      <Link to={allHref}>Show every source</Link>
    </p>
  );
}

/** Webinar page: registrations and attendance per source, each row opening its registrants. */
export function WebinarSourcesCard({
  webinarId,
  sources,
  finished,
}: {
  webinarId: string;
  sources: Sources;
  finished: boolean;
}) {
  if (sources.length === 0 || (sources.length === 1 && sources[0]?.source === null)) return null;
  const columns: Column<Sources[number]>[] = [
    {
      key: "source",
      header: "Source",
      render: (s) => (
        <Link to={sourceDrillDown(webinarId, s.source)}>
          {s.source ?? <span className="muted">No source tracked</span>}
        </Link>
      ),
    },
    {
      key: "registered",
      header: "Registered",
      align: "right",
      numeric: true,
      render: (s) => formatNumber(s.registered),
    },
    {
      key: "attended",
      header: "Attended",
      align: "right",
      numeric: true,
      render: (s) => (finished ? formatNumber(s.attended) : "—"),
    },
    {
      key: "rate",
      header: "Attendance rate",
      align: "right",
      numeric: true,
      render: (s) =>
        finished && s.attended !== null && s.registered > 0 ? formatPercent(s.attended / s.registered) : "—",
    },
  ];
  return (
    <Card title="Registrations by source" id="sources">
      <DataTable
        caption="Registrations, attendance and attendance rate per source"
        columns={columns}
        rows={sources}
        rowKey={(s) => s.source ?? ""}
      />
    </Card>
  );
}
