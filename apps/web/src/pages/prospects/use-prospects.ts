import type { Page, ProspectRow } from "@gw/api-contract";
import { ApiError, withQuery } from "../../api/client";
import { useApi } from "../../api/use-api";
import { useDebounced, useSearchState } from "../../lib/use-search-state";
import { useBulkSelection } from "./BulkSelection";
import { FILTER_KEYS } from "./ProspectFilterFields";
import { useBulkActions } from "./ProspectTable";

const DEFAULTS = {
  q: "",
  page: "1",
  pageSize: "25",
  sort: "createdAt",
  order: "desc",
  ...(Object.fromEntries(FILTER_KEYS.map((key) => [key, ""])) as Record<(typeof FILTER_KEYS)[number], string>),
};

/**
 * The prospects page's data: the search and filters (kept in the URL), the page of prospects they
 * select, the selection and bulk actions over them, and the CSV export of the same search.
 */
export function useProspects() {
  const [state, set] = useSearchState(DEFAULTS);
  const q = useDebounced(state.q, 250);
  // Scores are typed digit by digit: ask once the typing pauses, as the search does.
  const scoreMin = useDebounced(state.scoreMin, 250);
  const scoreMax = useDebounced(state.scoreMax, 250);
  const filters = {
    listId: state.listId,
    tagId: state.tagId,
    campaignId: state.campaignId,
    webinarId: state.webinarId,
    webinarStatus: state.webinarId ? state.webinarStatus : "",
    scoreMin,
    scoreMax,
  };
  const filtered = Object.values(filters).some(Boolean);
  const prospects = useApi<Page<ProspectRow>>("/api/prospects", {
    q,
    ...filters,
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    order: state.order,
  });
  const total = prospects.data?.total ?? 0;
  const selection = useBulkSelection(
    (prospects.data?.items ?? []).map((p) => p.id),
    total,
    [q, ...Object.values(filters)],
  );
  // A 400 names the filter at fault: shown next to it, not as a broken page.
  const badFilter = prospects.error instanceof ApiError && prospects.error.status === 400 ? prospects.error : undefined;
  const csvHref = withQuery("/api/prospects.csv", { q, ...filters });
  const activeFilters = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ""));
  const bulk = useBulkActions(selection, "Add tag", {
    path: "/api/prospects/actions",
    scope: { ...(q ? { q } : {}), ...(filtered ? { filters: activeFilters } : {}) },
    allLabel: filtered || q ? "everyone matching" : "every prospect",
  });

  return { state, set, q, filtered, prospects, total, selection, badFilter, csvHref, bulk };
}
