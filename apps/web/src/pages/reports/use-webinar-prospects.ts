import type { WebinarProspectsPage as DrillDownPage, Segment, WebinarDetail } from "@gw/api-contract";
import { useParams } from "react-router-dom";
import { withQuery } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useDebounced, useSearchState } from "../../lib/use-search-state";
import { useBulkSelection } from "../prospects/BulkSelection";
import { useBulkActions } from "../prospects/ProspectTable";
import { useSourceFilter } from "./WebinarSources";

const DEFAULTS = {
  segment: "registered",
  q: "",
  page: "1",
  pageSize: "25",
  sort: "email",
  order: "asc",
  includeFiltered: "false",
};

/**
 * The drill-down's data: the segment, search and paging in the URL, the webinar, the page of its
 * prospects (with the tabs' counts), the selection and bulk actions on them, and the CSV link.
 */
export function useWebinarProspects() {
  const { id = "" } = useParams();
  const [state, set] = useSearchState(DEFAULTS);
  const segment = (
    ["registered", "attended", "absent"].includes(state.segment) ? state.segment : "registered"
  ) as Segment;
  const q = useDebounced(state.q, 250);
  const includeFiltered = state.includeFiltered === "true";
  const detail = useApi<WebinarDetail>(`/api/reports/webinars/${id}`);
  const { source, apiSuffix } = useSourceFilter();
  const prospects = useApi<DrillDownPage>(`/api/reports/webinars/${id}/prospects${apiSuffix}`, {
    segment,
    q,
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    order: state.order,
    includeFiltered: includeFiltered || undefined,
  });

  const webinar = detail.data?.webinar;
  const finished = webinar?.finished ?? false;
  const segments: Segment[] = finished ? ["registered", "attended", "absent"] : ["registered"];
  // The tabs count what they list: the page's counts follow the "show filtered" switch and the
  // source filter (the webinar's own figures would count filtered prospects too).
  const counts: Record<Segment, number | null | undefined> = prospects.data?.counts ?? {
    registered: undefined,
    attended: undefined,
    absent: undefined,
  };
  const total = prospects.data?.total ?? 0;
  const pageRows = prospects.data?.items ?? [];
  const selection = useBulkSelection(
    pageRows.map((p) => p.id),
    total,
    [segment, q, includeFiltered, source],
  );
  const bulk = useBulkActions(selection, "Tag", {
    path: `/api/reports/webinars/${id}/prospects/actions`,
    context: { segment },
    scope: {
      ...(q ? { q } : {}),
      ...(includeFiltered ? { includeFiltered } : {}),
      ...(source !== undefined ? { source } : {}),
    },
    allLabel: "the whole segment",
  });
  const csvHref = withQuery(`/api/reports/webinars/${id}/prospects.csv${apiSuffix}`, {
    segment,
    q,
    sort: state.sort,
    order: state.order,
    includeFiltered: includeFiltered || undefined,
  });

  return {
    id,
    state,
    set,
    segment,
    segments,
    q,
    includeFiltered,
    source,
    detail,
    webinar,
    finished,
    prospects,
    counts,
    total,
    pageRows,
    selection,
    bulk,
    csvHref,
  };
}
