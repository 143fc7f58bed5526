import { Link } from "react-router-dom";
import { useMe } from "../../auth/AuthProvider";
import { ButtonLink } from "../../components/Button";
import { Card, PageHeader } from "../../components/Layout";
import { EmptyState } from "../../components/States";
import { ConnectorSummary, KeyFigures, WebinarList } from "./DashboardParts";
import { useDashboard } from "./use-dashboard";

/** The home page: key figures, the next and latest webinars, and the connectors' state. */
export function DashboardPage() {
  const me = useMe();
  const { connectors, upcoming, finished, figures } = useDashboard();

  return (
    <>
      <PageHeader
        title={`Welcome back${me.user.name ? `, ${me.user.name.split(" ")[0]}` : ""}`}
        description={`${me.account.name} · your GoTo Webinar registrations and attendance at a glance`}
        actions={
          <>
            <ButtonLink to="/forms/new" icon="form">
              New form
            </ButtonLink>
            <ButtonLink to="/reports/webinars" variant="primary" icon="video">
              Webinar reports
            </ButtonLink>
          </>
        }
      />

      {connectors.data && connectors.data.items.length === 0 ? (
        <Card>
          <EmptyState
            icon="plug"
            title="Connect your GoTo Webinar account"
            action={
              <ButtonLink to="/connectors?add=1" variant="primary" icon="plus">
                Add connector
              </ButtonLink>
            }
          >
            Add a connector and verify it: your webinars, registrants and attendees start syncing within minutes,
            including the past {90} days.
          </EmptyState>
        </Card>
      ) : null}

      <KeyFigures figures={figures} />

      <div className="grid-2">
        <div className="stack" style={{ gap: 20 }}>
          <Card title="Coming up" id="upcoming" actions={<Link to="/reports/webinars">All upcoming</Link>}>
            <WebinarList
              state={upcoming}
              empty="No upcoming webinars yet. They appear here after the next sync."
              finished={false}
            />
          </Card>
          <Card
            title="Recently finished"
            id="finished"
            actions={<Link to="/reports/webinars?tab=finished">All finished</Link>}
          >
            <WebinarList state={finished} empty="No finished webinars yet." finished />
          </Card>
        </div>
        <Card title="Connectors" id="connectors" actions={<Link to="/connectors">Manage</Link>}>
          <ConnectorSummary connectors={connectors} />
        </Card>
      </div>
    </>
  );
}
