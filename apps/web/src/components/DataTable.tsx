import type { Page } from "@gw/api-contract";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { Icon } from "./Icon";
import { type QueryLike, QueryView } from "./States";

export interface Column<T> {
  key: string;
  header: ReactNode;
  render(row: T): ReactNode;
  /** The server's sort key; the header becomes a button when set. */
  sortKey?: string;
  align?: "right" | "center";
  /** Figures: the cells use tabular digits so columns of numbers line up. */
  numeric?: boolean;
  width?: string;
}

/** What stands where a value is missing (no name, no attendance yet), so a blank cell reads as "none". */
export function Blank() {
  return <span className="muted">—</span>;
}

/** A right-aligned column of figures (sorted on the server by `sortKey` when given). */
export function figureColumn<T>(
  key: string,
  header: ReactNode,
  render: (row: T) => ReactNode,
  sortKey?: string,
): Column<T> {
  return { key, header, align: "right", numeric: true, render, sortKey };
}

/** A column whose cell is a link to the row's own page, set as the row's title. */
export function titleLinkColumn<T>(
  key: string,
  header: ReactNode,
  to: (row: T) => string,
  text: (row: T) => ReactNode,
): Column<T> {
  return {
    key,
    header,
    render: (row) => (
      <Link to={to(row)} className="cell-title">
        {text(row)}
      </Link>
    ),
  };
}

/** The last column: a row's buttons, right-aligned on one line; its header is for screen readers. */
export function actionsColumn<T>(render: (row: T) => ReactNode, header = "Actions"): Column<T> {
  return {
    key: "row-actions",
    header: <span className="sr-only">{header}</span>,
    align: "right",
    render: (row) => (
      <div className="row" style={{ justifyContent: "flex-end", flexWrap: "nowrap" }}>
        {render(row)}
      </div>
    ),
  };
}

export interface SortState {
  sort: string;
  order: "asc" | "desc";
}

export interface Selection {
  selected: ReadonlySet<string>;
  onChange(next: Set<string>): void;
}

/**
 * Every table of the UI: sorting and paging happen on the server (headers announce their sort
 * order with aria-sort), a checkbox column selects rows when `selection` is given, and `footer`
 * holds summary rows such as totals.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  sort,
  onSort,
  selection,
  rowLabel,
  busy,
  footer,
}: {
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  caption: string;
  sort?: SortState;
  onSort?(key: string): void;
  selection?: Selection;
  /** How a row is named for its checkbox, e.g. the e-mail. */
  rowLabel?(row: T): string;
  busy?: boolean;
  /** Rows after the data, e.g. a total (`<tr>` elements). */
  footer?: ReactNode;
}) {
  const pageKeys = rows.map(rowKey);
  const allOnPage = selection ? pageKeys.length > 0 && pageKeys.every((k) => selection.selected.has(k)) : false;
  const someOnPage = selection ? pageKeys.some((k) => selection.selected.has(k)) : false;

  const togglePage = () => {
    if (!selection) return;
    const next = new Set(selection.selected);
    for (const key of pageKeys) {
      if (allOnPage) next.delete(key);
      else next.add(key);
    }
    selection.onChange(next);
  };
  const toggleRow = (key: string) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    selection.onChange(next);
  };

  return (
    <div className={`table-wrap ${busy ? "table-busy" : ""}`} aria-busy={busy || undefined}>
      <table className="table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className="check">
                <input
                  type="checkbox"
                  className="checkbox"
                  aria-label="Select every row on this page"
                  checked={allOnPage}
                  ref={(el) => {
                    if (el) el.indeterminate = someOnPage && !allOnPage;
                  }}
                  onChange={togglePage}
                />
              </th>
            ) : null}
            {columns.map((column) => {
              const active = sort && column.sortKey && sort.sort === column.sortKey;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.align ?? ""}
                  style={column.width ? { width: column.width } : undefined}
                  aria-sort={
                    active ? (sort.order === "asc" ? "ascending" : "descending") : column.sortKey ? "none" : undefined
                  }
                >
                  {column.sortKey && onSort ? (
                    <button type="button" className="sort-btn" onClick={() => onSort(column.sortKey as string)}>
                      {column.header}
                      <span className="sort-icon" aria-hidden="true">
                        <Icon name={active ? (sort.order === "asc" ? "chevronUp" : "chevronDown") : "sort"} size={12} />
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = rowKey(row);
            const checked = selection?.selected.has(key) ?? false;
            return (
              <tr key={key} aria-selected={selection ? checked : undefined}>
                {selection ? (
                  <td className="check">
                    <input
                      type="checkbox"
                      className="checkbox"
                      aria-label={`Select ${rowLabel ? rowLabel(row) : key}`}
                      checked={checked}
                      onChange={() => toggleRow(key)}
                    />
                  </td>
                ) : null}
                {columns.map((column) => (
                  <td key={column.key} className={cellClass(column)}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}

function cellClass(column: Column<unknown>): string {
  return [column.align, column.numeric ? "num" : undefined].filter(Boolean).join(" ");
}

/**
 * One page of a server-paged answer: its rows, and the pager under them (only when there is more
 * than one page with `pagerWhenNeeded`).
 */
export function PagedTable<T>({
  page,
  noun,
  onPage,
  onPageSize,
  pagerWhenNeeded,
  ...table
}: Omit<Parameters<typeof DataTable<T>>[0], "rows"> & {
  page: Page<T>;
  noun: string;
  onPage(page: number): void;
  onPageSize?(size: number): void;
  pagerWhenNeeded?: boolean;
}) {
  return (
    <>
      <DataTable {...table} rows={page.items} />
      {pagerWhenNeeded && page.total <= page.pageSize ? null : (
        <Pagination
          page={page.page}
          pageSize={page.pageSize}
          total={page.total}
          noun={noun}
          onPage={onPage}
          onPageSize={onPageSize}
        />
      )}
    </>
  );
}

/**
 * A paged query's answer as a table: its error or placeholder (`QueryView`), `empty` when the page
 * has no rows, else the page and its pager, marked busy while the next page loads.
 */
export function PagedQueryTable<T>({
  query,
  placeholderRows,
  empty,
  ...table
}: Omit<Parameters<typeof PagedTable<T>>[0], "page" | "busy"> & {
  query: QueryLike<Page<T>> & { loading: boolean };
  /** Placeholder lines while the first page loads. */
  placeholderRows?: number;
  empty: ReactNode;
}) {
  return (
    <QueryView query={query} rows={placeholderRows} empty={empty}>
      {(page) => <PagedTable {...table} page={page} busy={query.loading} />}
    </QueryView>
  );
}

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
  noun = "rows",
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  onPageSize?(size: number): void;
  noun?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="pagination" aria-label="Pagination">
      <span aria-live="polite">
        {from.toLocaleString()}–{to.toLocaleString()} of {total.toLocaleString()} {noun}
      </span>
      <span className="spacer" />
      {onPageSize ? (
        <label className="row">
          Rows per page
          <select className="select" value={pageSize} onChange={(event) => onPageSize(Number(event.target.value))}>
            {[10, 25, 50, 100].map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <span>
        Page {page} of {pages}
      </span>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => onPage(page - 1)}
        disabled={page <= 1}
        aria-label="Previous page"
      >
        <Icon name="chevronLeft" size={14} />
      </button>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => onPage(page + 1)}
        disabled={page >= pages}
        aria-label="Next page"
      >
        <Icon name="chevronRight" size={14} />
      </button>
    </nav>
  );
}
