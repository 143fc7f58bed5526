import type { ConnectorList, Page, ProspectRow, WebinarReportRow } from "@gw/api-contract";
import { useApi } from "../../api/use-api";

/**
 * The dashboard's data: the connectors, the next and the latest few webinars, the number of
 * prospects, and the figures worked out from them.
 */
export function useDashboard() {
  const connectors = useApi<ConnectorList>("/api/connectors");
  const upcoming = useApi<Page<WebinarReportRow>>("/api/reports/webinars", { tab: "upcoming", pageSize: 6 });
  const finished = useApi<Page<WebinarReportRow>>("/api/reports/webinars", {
    tab: "finished",
    pageSize: 6,
    includeCancelled: false,
  });
  const prospects = useApi<Page<ProspectRow>>("/api/prospects", { pageSize: 1 });

  const list = connectors.data?.items ?? [];
  const finishedItems = finished.data?.items ?? [];
  const registeredFinished = finishedItems.reduce((sum, w) => sum + w.registered, 0);
  const attendedFinished = finishedItems.reduce((sum, w) => sum + (w.attended ?? 0), 0);
  return {
    connectors,
    upcoming,
    finished,
    figures: {
      upcoming: upcoming.data?.total,
      finished: finished.data?.total,
      /** Attended over registered across the latest finished webinars; null without registrations. */
      recentAttendance: registeredFinished ? attendedFinished / registeredFinished : null,
      recentFinished: finishedItems.length,
      prospects: prospects.data?.total,
      connectors: connectors.data
        ? { verified: list.filter((c) => c.status === "VERIFIED").length, total: list.length }
        : null,
    },
  };
}

export type DashboardFigures = ReturnType<typeof useDashboard>["figures"];
