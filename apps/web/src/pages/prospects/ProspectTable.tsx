import type { Page } from "@gw/api-contract";
import { type ReactNode, useState } from "react";
import { Link } from "react-router-dom";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { Blank, type Column, PagedTable } from "../../components/DataTable";
import { fullName } from "../../lib/format";
import { nextSort } from "../../lib/use-search-state";
import { BulkActionDialog } from "./BulkActionDialog";
import type { BulkSelection } from "./BulkSelection";

/** What every table of prospects shows of a person. */
interface Person {
  id: string;
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  filtered?: boolean;
}

/** E-mail (linked to the prospect, marked when exclusion rules filter them), name and company, each sortable. */
export function personColumns<T extends Person>(): Column<T>[] {
  return [
    {
      key: "email",
      header: "E-mail",
      sortKey: "email",
      render: (p) => (
        <span className="row" style={{ gap: 6 }}>
          <Link to={`/prospects/${p.id}`} className="cell-title">
            {p.email}
          </Link>
          {p.filtered ? <Badge tone="warning">Filtered</Badge> : null}
        </span>
      ),
    },
    { key: "name", header: "Name", sortKey: "name", render: (p) => fullName(p) || <Blank /> },
    {
      key: "company",
      header: "Company",
      sortKey: "company",
      render: (p) => p.company ?? <Blank />,
    },
  ];
}

/**
 * A page of prospects sorted and paged on the server (both kept in the URL through `set`), with
 * rows chosen for bulk actions. Sorting by a key in `descendingFirst` starts with the highest.
 */
export function ProspectTable<T extends Person>({
  page,
  caption,
  columns,
  sort,
  set,
  descendingFirst,
  selection,
  busy,
}: {
  page: Page<T>;
  caption: string;
  columns: Column<T>[];
  sort: { sort: string; order: string };
  set(changes: { sort?: string; order?: string; page?: number; pageSize?: number }): void;
  descendingFirst: string[];
  selection: BulkSelection;
  busy: boolean;
}) {
  return (
    <PagedTable
      caption={caption}
      columns={columns}
      page={page}
      rowKey={(p) => p.id}
      rowLabel={(p) => p.email}
      sort={{ sort: sort.sort, order: sort.order as "asc" | "desc" }}
      onSort={(key) => set(nextSort(sort, key, descendingFirst.includes(key) ? "desc" : "asc"))}
      selection={{ selected: selection.selected, onChange: selection.setSelected }}
      busy={busy}
      noun="prospects"
      onPage={(page) => set({ page })}
      onPageSize={(size) => set({ pageSize: size })}
    />
  );
}

type BulkAction = "ADD_TO_LIST" | "ADD_TAG";

/**
 * The bulk buttons over a prospects table and the dialog they open: `dialog` takes everything
 * BulkActionDialog needs but the action, which the buttons choose.
 */
export function useBulkActions(
  selection: BulkSelection,
  tagLabel: string,
  dialog: Omit<Parameters<typeof BulkActionDialog>[0], "action" | "onClose" | "prospectIds" | "count" | "onDone">,
): { buttons: ReactNode; dialog: ReactNode } {
  const [action, setAction] = useState<BulkAction | null>(null);
  return {
    buttons: (
      <>
        <Button icon="list" disabled={selection.count === 0} onClick={() => setAction("ADD_TO_LIST")}>
          Add to list
        </Button>
        <Button icon="tag" disabled={selection.count === 0} onClick={() => setAction("ADD_TAG")}>
          {tagLabel}
        </Button>
      </>
    ),
    dialog: (
      <BulkActionDialog
        {...dialog}
        action={action}
        onClose={() => setAction(null)}
        prospectIds={selection.prospectIds}
        count={selection.count}
        onDone={selection.clear}
      />
    ),
  };
}
