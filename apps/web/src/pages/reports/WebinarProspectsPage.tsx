import type { WebinarProspectsPage as DrillDownPage, Segment, WebinarDetail, WebinarProspect } from "@gw/api-contract";
import { useParams } from "react-router-dom";
import { withQuery } from "../../api/client";
import { useApi } from "../../api/use-api";
import { StatusBadge, WebinarStatusBadge } from "../../components/Badge";
import { buttonClass } from "../../components/Button";
import { type Column, figureColumn } from "../../components/DataTable";
import { SearchInput, Switch } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Card, PageHeader } from "../../components/Layout";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { TabPanel, Tabs } from "../../components/Tabs";
import { formatDateTime, formatNumber, formatShortDateTime } from "../../lib/format";
import { useDebounced, useSearchState } from "../../lib/use-search-state";
import { SelectionBar, useBulkSelection } from "../prospects/BulkSelection";
import { ProspectTable, personColumns, useBulkActions } from "../prospects/ProspectTable";
import { SourceFilterNotice, useSourceFilter } from "./WebinarSources";

const DEFAULTS = {
  segment: "registered",
  q: "",
  page: "1",
  pageSize: "25",
  sort: "email",
  order: "asc",
  includeFiltered: "false",
};
const SEGMENT_LABEL: Record<Segment, string> = { registered: "Registered", attended: "Attended", absent: "Absent" };

/** The people behind a webinar's count: paged and sorted on the server, exported, listed or tagged. */
export function WebinarProspectsPage() {
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

  const columns: Column<WebinarProspect>[] = [
    ...personColumns<WebinarProspect>(),
    { key: "status", header: "Status", sortKey: "status", render: (p) => <StatusBadge status={p.status} /> },
    // Absentees attended nothing: their minutes and share of the session are always zero.
    ...(segment === "absent"
      ? []
      : ([
          figureColumn<WebinarProspect>(
            "minutes",
            "Minutes attended",
            (p) => formatNumber(p.minutesAttended),
            "minutes",
          ),
          {
            key: "percent",
            header: "% of session",
            sortKey: "percent",
            align: "right",
            render: (p) =>
              p.percentAttended === null ? (
                <span className="muted">—</span>
              ) : (
                <span className="num">{Math.round(p.percentAttended)}%</span>
              ),
          },
        ] satisfies Column<WebinarProspect>[])),
    figureColumn<WebinarProspect>("questions", "Questions", (p) => formatNumber(p.questionsAsked), "questions"),
    {
      key: "answered",
      header: "Poll / survey",
      render: (p) =>
        p.pollsAnswered + p.surveysAnswered === 0 ? (
          <span className="muted">—</span>
        ) : (
          <span className="nowrap">
            {p.pollsAnswered > 0 ? `${p.pollsAnswered} poll` : ""}
            {p.pollsAnswered > 0 && p.surveysAnswered > 0 ? " · " : ""}
            {p.surveysAnswered > 0 ? `${p.surveysAnswered} survey` : ""}
          </span>
        ),
    },
    {
      key: "registeredAt",
      header: "Registered",
      sortKey: "registeredAt",
      render: (p) => <span className="nowrap">{formatShortDateTime(p.registeredAt)}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={webinar ? `${webinar.subject}: ${SEGMENT_LABEL[segment].toLowerCase()}` : SEGMENT_LABEL[segment]}
        breadcrumbs={[
          { label: "Reports" },
          { label: "Webinars", to: finished ? "/reports/webinars?tab=finished" : "/reports/webinars" },
          { label: webinar?.subject ?? "Webinar", to: `/reports/webinars/${id}` },
          { label: SEGMENT_LABEL[segment] },
        ]}
        description={
          webinar ? (
            <span className="row">
              <WebinarStatusBadge status={webinar.status} /> {formatDateTime(webinar.startsAt)} ·{" "}
              {webinar.connector.name}
            </span>
          ) : undefined
        }
        actions={
          <a className={buttonClass("secondary")} href={csvHref} download>
            <Icon name="download" /> Export CSV
          </a>
        }
      />
      {detail.error ? (
        <ErrorState error={detail.error} onRetry={detail.reload} title="This webinar could not be loaded" />
      ) : null}
      <Card>
        <Tabs<Segment>
          label="Segment"
          idPrefix="segment"
          selected={segment}
          onSelect={(key) => set({ segment: key })}
          tabs={segments.map((key) => ({
            key,
            label: (
              <>
                {SEGMENT_LABEL[key]}
                {counts[key] !== undefined && counts[key] !== null ? (
                  <span className="badge">{formatNumber(counts[key])}</span>
                ) : null}
              </>
            ),
          }))}
        />
        <TabPanel idPrefix="segment" selected={segment}>
          <div className="card-header">
            <SearchInput
              label="Search these prospects"
              value={state.q}
              onChange={(value) => set({ q: value })}
              placeholder="Search e-mail, name, company…"
            />
            <Switch
              label="Show filtered prospects"
              description="People your exclusion rules match (your own domain, excluded addresses, panelists): recorded, but given no automation."
              checked={includeFiltered}
              onChange={(on) => set({ includeFiltered: on ? "true" : "false" })}
            />
            <span className="spacer" />
            {bulk.buttons}
          </div>
          <div className="card-body" hidden={source === undefined}>
            <SourceFilterNotice source={source} allHref={`/reports/webinars/${id}/prospects?segment=${segment}`} />
          </div>
          {/* "All" actions take the segment and search, not the source: only this page's rows then. */}
          <SelectionBar
            selection={selection}
            total={total}
            pageSize={pageRows.length}
            canSelectAll={source === undefined}
            selectAllLabel={`Select all ${formatNumber(total)} in ${SEGMENT_LABEL[segment].toLowerCase()}`}
            allLabel={`Every prospect in this segment${q ? " matching the search" : ""}.`}
          />
          {prospects.error ? (
            <ErrorState error={prospects.error} onRetry={prospects.reload} />
          ) : !prospects.data ? (
            <LoadingState />
          ) : prospects.data.items.length === 0 ? (
            <EmptyState
              icon="users"
              title={q ? "Nobody matches this search" : `No ${SEGMENT_LABEL[segment].toLowerCase()} prospects`}
            >
              {q
                ? "Try another search."
                : segment === "registered"
                  ? "Registrations appear here after the next sync."
                  : null}
            </EmptyState>
          ) : (
            <ProspectTable
              page={prospects.data}
              caption={`${SEGMENT_LABEL[segment]} prospects`}
              columns={columns}
              sort={state}
              set={set}
              descendingFirst={["minutes", "registeredAt"]}
              selection={selection}
              busy={prospects.loading}
            />
          )}
        </TabPanel>
      </Card>
      {bulk.dialog}
    </>
  );
}
