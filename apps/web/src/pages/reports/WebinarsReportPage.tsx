import { Card, PageHeader } from "../../components/Layout";
import { TabPanel, Tabs } from "../../components/Tabs";
import { useWebinarsReport, type WebinarsTab } from "./use-webinars-report";
import { TrendCard, WebinarsFilters, WebinarsTable } from "./WebinarsReportParts";

/** Reports > Webinars: upcoming and finished webinars with counts that open the drill-down. */
export function WebinarsReportPage() {
  const { tab, finished, selectTab, filters, table, trend } = useWebinarsReport();
  return (
    <>
      <PageHeader
        title="Webinars"
        breadcrumbs={[{ label: "Reports" }, { label: "Webinars" }]}
        description="Registrations and attendance for every webinar of your verified connectors. Click a number to see the people behind it."
      />
      <Card>
        <Tabs<WebinarsTab>
          label="Webinars"
          idPrefix="webinars"
          selected={tab}
          onSelect={selectTab}
          tabs={[
            { key: "upcoming", label: "Upcoming" },
            { key: "finished", label: "Finished" },
          ]}
        />
        <TabPanel idPrefix="webinars" selected={tab}>
          <WebinarsFilters {...filters} />
          <WebinarsTable {...table} />
        </TabPanel>
      </Card>
      {finished ? <TrendCard trend={trend} /> : null}
    </>
  );
}
