import { useEffect, useState } from "react";
import { formatNumber } from "../lib/format";

/**
 * Row selection for a paged, server-side table: chosen ids on the page, or "all" the query
 * selects (which a bulk action resolves on the server, so it covers the rows not loaded).
 */
export function useBulkSelection(pageIds: string[], total: number, resetOn: unknown[]) {
  const [selected, setSelectedIds] = useState<Set<string>>(new Set());
  const [allSelected, setAllSelected] = useState(false);
  const clear = () => {
    setSelectedIds(new Set());
    setAllSelected(false);
  };
  // A new query is a new set of people: start the selection over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on the caller's keys only.
  useEffect(clear, resetOn);
  return {
    selected,
    allSelected,
    count: allSelected ? total : selected.size,
    pageAllSelected: pageIds.length > 0 && pageIds.every((id) => selected.has(id)),
    /** What the actions' `prospectIds` take. */
    prospectIds: allSelected ? ("all" as const) : [...selected],
    setSelected(next: Set<string>) {
      setSelectedIds(next);
      setAllSelected(false);
    },
    selectAll: () => setAllSelected(true),
    clear,
  };
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
