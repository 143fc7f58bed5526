import { useState } from "react";
import { formatNumber } from "../../lib/format";

/**
 * Row selection for a paged, server-side table: chosen ids on the page, or "all" the query
 * selects (which a bulk action resolves on the server, so it covers the rows not loaded).
 */
export function useBulkSelection(pageIds: string[], total: number, query: unknown[]) {
  const key = JSON.stringify(query);
  const [state, setState] = useState<Chosen>(() => none(key));
  // A new query is a new set of people: what was chosen under another one counts as nothing.
  const chosen = state.key === key ? state : none(key);
  const clear = () => setState(none(key));
  return {
    selected: chosen.ids,
    allSelected: chosen.all,
    count: chosen.all ? total : chosen.ids.size,
    pageAllSelected: pageIds.length > 0 && pageIds.every((id) => chosen.ids.has(id)),
    /** What the actions' `prospectIds` take. */
    prospectIds: chosen.all ? ("all" as const) : [...chosen.ids],
    setSelected: (next: Set<string>) => setState({ key, ids: next, all: false }),
    selectAll: () => setState({ ...chosen, all: true }),
    clear,
  };
}

/** The ids chosen (or "all") under the query whose text is `key`. */
interface Chosen {
  key: string;
  ids: Set<string>;
  all: boolean;
}

function none(key: string): Chosen {
  return { key, ids: new Set(), all: false };
}
export type BulkSelection = ReturnType<typeof useBulkSelection>;

/** "N selected", the offer to widen a full page to everything matching, and a way out. */
export function SelectionBar({
  selection,
  total,
  pageSize,
  canSelectAll = true,
  selectAllLabel,
  allLabel,
}: {
  selection: BulkSelection;
  total: number;
  pageSize: number;
  canSelectAll?: boolean;
  selectAllLabel: string;
  allLabel: string;
}) {
  if (selection.count === 0) return null;
  return (
    <div className="selection-bar" role="status">
      <strong>{formatNumber(selection.count)} selected</strong>
      {!selection.allSelected && selection.pageAllSelected && total > pageSize && canSelectAll ? (
        <button type="button" className="btn btn-link" onClick={selection.selectAll}>
          {selectAllLabel}
        </button>
      ) : null}
      {selection.allSelected ? <span>{allLabel}</span> : null}
      <button type="button" className="btn btn-link" onClick={selection.clear}>
        Clear selection
      </button>
    </div>
  );
}
