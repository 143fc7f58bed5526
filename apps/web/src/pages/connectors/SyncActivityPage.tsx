import { useMe } from "../../auth/AuthProvider";
import { buttonClass } from "../../components/Button";
import { ConnectorFilter } from "../../components/ConnectorFilter";
import { Icon } from "../../components/Icon";
import { Card, PageHeader } from "../../components/Layout";
import { ApiBudgetCard } from "./ApiBudgetCard";
import { QueueHealth, SyncRunsTable } from "./SyncActivityParts";
import { useSyncActivity } from "./use-sync-activity";

/** What the sync did, per connector; and whether the queues are keeping up. */
export function SyncActivityPage() {
  const me = useMe();
  const { queues, connectors, connectorId, selectConnector, runs, page, newer, older } = useSyncActivity();

  return (
    <>
      <PageHeader
        title="Sync activity"
        breadcrumbs={[{ label: "Admin" }, { label: "Sync activity" }]}
        description="Every sync job with what it fetched and changed, and the health of the job queues."
        actions={
          // The dashboard shows every account's jobs: operators of the installation only.
          me.user.operator ? (
            <a
              className={buttonClass("secondary")}
              href={queues.data?.dashboardPath ?? "/admin/queues"}
              target="_blank"
              rel="noreferrer"
            >
              <Icon name="server" /> Queue dashboard <Icon name="external" size={14} />
            </a>
          ) : undefined
        }
      />

      <Card
        title="Queue health"
        id="queues"
        actions={
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={queues.reload}
            aria-label="Refresh queue health"
          >
            <Icon name="refresh" size={14} />
          </button>
        }
      >
        <QueueHealth queues={queues} />
      </Card>

      <ApiBudgetCard />

      <Card
        title="Recent sync runs"
        id="runs"
        actions={
          <div className="row">
            <ConnectorFilter connectors={connectors} value={connectorId} onChange={selectConnector} />
            <button type="button" className="btn btn-ghost btn-sm" onClick={runs.reload} aria-label="Refresh sync runs">
              <Icon name="refresh" size={14} />
            </button>
          </div>
        }
      >
        <SyncRunsTable runs={runs} connectors={connectors} page={page} newer={newer} older={older} />
      </Card>
    </>
  );
}
