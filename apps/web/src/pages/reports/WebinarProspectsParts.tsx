// The presentational parts of a webinar's drill-down: its columns, and the table or why it is empty.

import type { WebinarProspectsPage as DrillDownPage, Segment, WebinarProspect } from "@gw/api-contract";
import type { ApiState } from "../../api/use-api";
import { StatusBadge } from "../../components/Badge";
import { Blank, type Column, figureColumn } from "../../components/DataTable";
import { EmptyState, QueryView } from "../../components/States";
import { formatNumber, formatShortDateTime } from "../../lib/format";
import type { BulkSelection } from "../prospects/BulkSelection";
import { ProspectTable, personColumns } from "../prospects/ProspectTable";

export const SEGMENT_LABEL: Record<Segment, string> = {
  registered: "Registered",
  attended: "Attended",
  absent: "Absent",
};

/** The drill-down's columns: the person, then what they did at the webinar. */
export function webinarProspectColumns(segment: Segment): Column<WebinarProspect>[] {
  return [
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
              p.percentAttended === null ? <Blank /> : <span className="num">{Math.round(p.percentAttended)}%</span>,
          },
        ] satisfies Column<WebinarProspect>[])),
    figureColumn<WebinarProspect>("questions", "Questions", (p) => formatNumber(p.questionsAsked), "questions"),
    {
      key: "answered",
      header: "Poll / survey",
      render: (p) =>
        p.pollsAnswered + p.surveysAnswered === 0 ? (
          <Blank />
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
}

/** The page of prospects of the segment, or why there is none. */
export function DrillDownResults({
  prospects,
  segment,
  searched,
  sort,
  set,
  selection,
}: {
  prospects: ApiState<DrillDownPage>;
  segment: Segment;
  searched: boolean;
  sort: { sort: string; order: string };
  set(changes: { sort?: string; order?: string; page?: number; pageSize?: number }): void;
  selection: BulkSelection;
}) {
  return (
    <QueryView
      query={prospects}
      empty={
        <EmptyState
          icon="users"
          title={searched ? "Nobody matches this search" : `No ${SEGMENT_LABEL[segment].toLowerCase()} prospects`}
        >
          {searched
            ? "Try another search."
            : segment === "registered"
              ? "Registrations appear here after the next sync."
              : null}
        </EmptyState>
      }
    >
      {(page) => (
        <ProspectTable
          page={page}
          caption={`${SEGMENT_LABEL[segment]} prospects`}
          columns={webinarProspectColumns(segment)}
          sort={sort}
          set={set}
          descendingFirst={["minutes", "registeredAt"]}
          selection={selection}
          busy={prospects.loading}
        />
      )}
    </QueryView>
  );
}
