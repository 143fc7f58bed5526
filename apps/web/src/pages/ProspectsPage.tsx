import type { Page, ProspectRow } from "@gw/api-contract";
import { Link } from "react-router-dom";
import { useApi } from "../api/use-api";
import { Badge } from "../components/Badge";
import { type Column, DataTable, Pagination } from "../components/DataTable";
import { SearchInput } from "../components/Field";
import { Card, PageHeader } from "../components/Layout";
import { EmptyState, ErrorState, LoadingState } from "../components/States";
import { formatNumber, formatShortDateTime, fullName } from "../lib/format";
import { nextSort, useDebounced, useSearchState } from "../lib/use-search-state";

const DEFAULTS = { q: "", page: "1", pageSize: "25", sort: "createdAt", order: "desc" };

export function ProspectsPage() {
  const [state, set] = useSearchState(DEFAULTS);
  const q = useDebounced(state.q, 250);
  const prospects = useApi<Page<ProspectRow>>("/api/prospects", {
    q,
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    order: state.order,
  });

  const columns: Column<ProspectRow>[] = [
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
    { key: "name", header: "Name", sortKey: "name", render: (p) => fullName(p) || <span className="muted">—</span> },
    {
      key: "company",
      header: "Company",
      sortKey: "company",
      render: (p) => p.company ?? <span className="muted">—</span>,
    },
    {
      key: "score",
      header: "Score",
      sortKey: "score",
      align: "right",
      render: (p) => <span className="num">{formatNumber(p.score)}</span>,
    },
    {
      key: "createdAt",
      header: "Created",
      sortKey: "createdAt",
      render: (p) => <span className="nowrap">{formatShortDateTime(p.createdAt)}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title="Prospects"
        description="Everyone who registered for or attended a webinar, or filled in one of your forms."
      />
      <Card>
        <div className="card-header">
          <SearchInput
            label="Search prospects"
            value={state.q}
            onChange={(value) => set({ q: value })}
            placeholder="Search e-mail, name or company…"
          />
        </div>
        {prospects.error ? (
          <ErrorState error={prospects.error} onRetry={prospects.reload} />
        ) : !prospects.data ? (
          <LoadingState />
        ) : prospects.data.items.length === 0 ? (
          <EmptyState icon="users" title={q ? "Nobody matches this search" : "No prospects yet"}>
            {q
              ? "Try part of an e-mail address, a name or a company."
              : "Prospects are created by the sync and by your forms."}
          </EmptyState>
        ) : (
          <>
            <DataTable
              caption="Prospects"
              columns={columns}
              rows={prospects.data.items}
              rowKey={(p) => p.id}
              sort={{ sort: state.sort, order: state.order as "asc" | "desc" }}
              onSort={(key) => {
                const next = nextSort(state, key, key === "score" || key === "createdAt" ? "desc" : "asc");
                set({ sort: next.sort, order: next.order });
              }}
              busy={prospects.loading}
            />
            <Pagination
              page={prospects.data.page}
              pageSize={prospects.data.pageSize}
              total={prospects.data.total}
              noun="prospects"
              onPage={(page) => set({ page })}
              onPageSize={(size) => set({ pageSize: size })}
            />
          </>
        )}
      </Card>
    </>
  );
}
