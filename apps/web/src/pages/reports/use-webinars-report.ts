import type { AttendanceTrend, ConnectorList, Page, WebinarReportRow } from "@gw/api-contract";
import { useRef } from "react";
import { withQuery } from "../../api/client";
import { useApi } from "../../api/use-api";
import { presetOf } from "../../lib/date-range";
import { viewerZone } from "../../lib/format";
import { nextSort, useDebounced, useSearchState } from "../../lib/use-search-state";

export type WebinarsTab = "upcoming" | "finished";

const DEFAULTS = {
  tab: "upcoming",
  q: "",
  connectorId: "",
  from: "",
  to: "",
  page: "1",
  pageSize: "25",
  sort: "",
  order: "",
};

/**
 * Reports > Webinars' data: the filters kept in the URL, the page of webinars they select, the
 * connectors to filter by, the attendance trend (finished tab only) and the CSV link of the table.
 */
export function useWebinarsReport() {
  const [state, set] = useSearchState(DEFAULTS);
  const tab: WebinarsTab = state.tab === "finished" ? "finished" : "upcoming";
  const finished = tab === "finished";
  const q = useDebounced(state.q, 250);
  const connectors = useApi<ConnectorList>("/api/connectors");
  // A reversed range is not sent: the table keeps the last range that made sense.
  const rangeError = state.from && state.to && state.from > state.to ? "The end is before the start." : undefined;
  const lastGoodRange = useRef({ from: "", to: "" });
  if (!rangeError) lastGoodRange.current = { from: state.from, to: state.to };
  const { from, to } = lastGoodRange.current;
  const range = { from, to, timeZone: from || to ? viewerZone : "" };
  const filter = { q, connectorId: state.connectorId, ...range };
  const tableQuery = { tab, ...filter, sort: state.sort, order: state.order };
  const report = useApi<Page<WebinarReportRow>>("/api/reports/webinars", {
    ...tableQuery,
    page: state.page,
    pageSize: state.pageSize,
  });
  const trend = useApi<AttendanceTrend>(finished ? "/api/reports/webinars/trend" : null, filter);
  const sort = {
    sort: state.sort || "startsAt",
    order: (state.order || (finished ? "desc" : "asc")) as "asc" | "desc",
  };
  return {
    tab,
    finished,
    selectTab: (key: WebinarsTab) => set({ tab: key, sort: "", order: "" }),
    filters: {
      state,
      connectors: connectors.data?.items ?? [],
      preset: presetOf({ from: state.from, to: state.to }),
      rangeError,
      csvHref: withQuery("/api/reports/webinars.csv", tableQuery),
      onChange: set,
    },
    table: {
      report,
      finished,
      filtered: Boolean(q || state.connectorId || state.from || state.to),
      sort,
      onSort: (key: string) => {
        const next = nextSort(sort, key, key === "subject" ? "asc" : "desc");
        set({ sort: next.sort, order: next.order });
      },
      onPage: (page: number) => set({ page }),
      onPageSize: (pageSize: number) => set({ pageSize }),
    },
    trend,
  };
}

export type WebinarsFilterProps = ReturnType<typeof useWebinarsReport>["filters"];
