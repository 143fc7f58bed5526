import type { ProspectRow } from "@gw/api-contract";
import { CsvLink } from "../../components/Button";
import { type Column, figureColumn } from "../../components/DataTable";
import { QuerySearch } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { Alert, EmptyState, QueryView } from "../../components/States";
import { formatNumber, formatShortDateTime } from "../../lib/format";
import { SelectionBar } from "./BulkSelection";
import { FILTER_KEYS, ProspectFilterFields } from "./ProspectFilterFields";
import { ProspectTable, personColumns } from "./ProspectTable";
import { useProspects } from "./use-prospects";

const COLUMNS: Column<ProspectRow>[] = [
  ...personColumns<ProspectRow>(),
  figureColumn<ProspectRow>("score", "Score", (p) => formatNumber(p.score), "score"),
  {
    key: "createdAt",
    header: "Created",
    sortKey: "createdAt",
    render: (p) => <span className="nowrap">{formatShortDateTime(p.createdAt)}</span>,
  },
];

/** Every prospect: searched, filtered, sorted, paged, exported and acted on in bulk. */
export function ProspectsPage() {
  const { state, set, q, filtered, prospects, total, selection, badFilter, csvHref, bulk } = useProspects();
  const pageRows = prospects.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Prospects"
        description="Everyone who registered for or attended a webinar, or filled in one of your forms."
        actions={<CsvLink href={csvHref} />}
      />
      <Card>
        <div className="card-header">
          <QuerySearch label="Search prospects" placeholder="Search e-mail, name or company…" q={state.q} set={set} />
          <span className="spacer" />
          {bulk.buttons}
        </div>
        <ProspectFilterFields
          values={state}
          onChange={set}
          error={badFilter}
          onClear={filtered ? () => set(Object.fromEntries(FILTER_KEYS.map((key) => [key, ""]))) : undefined}
        />
        <div className="card-body result-count">
          {prospects.data && !prospects.error ? (
            <span aria-live="polite">
              {formatNumber(total)} {total === 1 ? "prospect" : "prospects"}
              {filtered || q ? " match" : ""}
            </span>
          ) : null}
        </div>
        <SelectionBar
          selection={selection}
          total={total}
          pageSize={pageRows.length}
          selectAllLabel={`Select all ${formatNumber(total)} matching`}
          allLabel={`Every prospect${filtered || q ? " matching the search and filters" : ""}.`}
        />
        {badFilter ? (
          <div className="card-body">
            <Alert tone="danger">
              {FILTER_KEYS.some((key) => badFilter.fieldMessage(key))
                ? "Fix the marked filter to see the prospects."
                : badFilter.message}
            </Alert>
          </div>
        ) : (
          <QueryView
            query={prospects}
            empty={
              <EmptyState
                icon="users"
                title={q || filtered ? "Nobody matches this search and these filters" : "No prospects yet"}
              >
                {q || filtered
                  ? "Try part of an e-mail address, a name or a company, or fewer filters."
                  : "Prospects are created by the sync and by your forms."}
              </EmptyState>
            }
          >
            {(page) => (
              <ProspectTable
                page={page}
                caption="Prospects"
                columns={COLUMNS}
                sort={state}
                set={set}
                descendingFirst={["score", "createdAt"]}
                selection={selection}
                busy={prospects.loading}
              />
            )}
          </QueryView>
        )}
      </Card>
      {bulk.dialog}
    </>
  );
}
