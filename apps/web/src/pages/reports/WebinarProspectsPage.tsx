import type { Segment } from "@gw/api-contract";
import { WebinarStatusBadge } from "../../components/Badge";
import { CsvLink } from "../../components/Button";
import { QuerySearch, Switch } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { ErrorState } from "../../components/States";
import { TabPanel, Tabs } from "../../components/Tabs";
import { formatDateTime, formatNumber } from "../../lib/format";
import { SelectionBar } from "../prospects/BulkSelection";
import { useWebinarProspects } from "./use-webinar-prospects";
import { DrillDownResults, SEGMENT_LABEL } from "./WebinarProspectsParts";
import { SourceFilterNotice } from "./WebinarSources";

/** The people behind a webinar's count: paged and sorted on the server, exported, listed or tagged. */
export function WebinarProspectsPage() {
  const drill = useWebinarProspects();
  const { id, state, set, segment, webinar, prospects, selection, bulk } = drill;

  return (
    <>
      <PageHeader
        title={webinar ? `${webinar.subject}: ${SEGMENT_LABEL[segment].toLowerCase()}` : SEGMENT_LABEL[segment]}
        breadcrumbs={[
          { label: "Reports" },
          { label: "Webinars", to: drill.finished ? "/reports/webinars?tab=finished" : "/reports/webinars" },
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
        actions={<CsvLink href={drill.csvHref} />}
      />
      {drill.detail.error ? (
        <ErrorState error={drill.detail.error} onRetry={drill.detail.reload} title="This webinar could not be loaded" />
      ) : null}
      <Card>
        <Tabs<Segment>
          label="Segment"
          idPrefix="segment"
          selected={segment}
          onSelect={(key) => set({ segment: key })}
          tabs={drill.segments.map((key) => ({
            key,
            label: (
              <>
                {SEGMENT_LABEL[key]}
                {drill.counts[key] !== undefined && drill.counts[key] !== null ? (
                  <span className="badge">{formatNumber(drill.counts[key])}</span>
                ) : null}
              </>
            ),
          }))}
        />
        <TabPanel idPrefix="segment" selected={segment}>
          <div className="card-header">
            <QuerySearch
              label="Search these prospects"
              placeholder="Search e-mail, name, company…"
              q={state.q}
              set={set}
            />
            <Switch
              label="Show filtered prospects"
              description="People your exclusion rules match (your own domain, excluded addresses, panelists): recorded, but given no automation."
              checked={drill.includeFiltered}
              onChange={(on) => set({ includeFiltered: on ? "true" : "false" })}
            />
            <span className="spacer" />
            {bulk.buttons}
          </div>
          <div className="card-body" hidden={drill.source === undefined}>
            <SourceFilterNotice
              source={drill.source}
              allHref={`/reports/webinars/${id}/prospects?segment=${segment}`}
            />
          </div>
          {/* "All" actions take the segment and search, not the source: only this page's rows then. */}
          <SelectionBar
            selection={selection}
            total={drill.total}
            pageSize={drill.pageRows.length}
            canSelectAll={drill.source === undefined}
            selectAllLabel={`Select all ${formatNumber(drill.total)} in ${SEGMENT_LABEL[segment].toLowerCase()}`}
            allLabel={`Every prospect in this segment${drill.q ? " matching the search" : ""}.`}
          />
          <DrillDownResults
            prospects={prospects}
            segment={segment}
            searched={drill.q !== ""}
            sort={state}
            set={set}
            selection={selection}
          />
        </TabPanel>
      </Card>
      {bulk.dialog}
    </>
  );
}
