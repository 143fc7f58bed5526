import type { ApiBudgetList } from "@gw/api-contract";
import { useApi } from "../../api/use-api";
import { ProblemCount } from "../../components/Badge";
import { type Column, DataTable } from "../../components/DataTable";
import { Icon } from "../../components/Icon";
import { Card } from "../../components/Layout";
import { EmptyState, QueryView } from "../../components/States";
import { formatNumber, formatPercent } from "../../lib/format";

type Budget = ApiBudgetList["items"][number];
type Window = Budget["lastHour"];

const PURPOSES: [keyof Window["byPurpose"], string][] = [
  ["polls", "Polls"],
  ["attendance", "Attendance"],
  ["registrations", "Registrations"],
  ["webhooks", "Webhooks"],
  ["other", "Other"],
];

function Usage({ window }: { window: Window }) {
  const share = window.limit > 0 ? window.requests / window.limit : 0;
  return (
    <span className="num nowrap" title={`${formatNumber(window.requests)} of ${formatNumber(window.limit)} allowed`}>
      {formatNumber(window.requests)} <span className="muted">/ {formatNumber(window.limit)}</span>{" "}
      <span className="muted">({formatPercent(share)})</span>
    </span>
  );
}

function WhatUsedIt({ window }: { window: Window }) {
  const used = PURPOSES.filter(([key]) => window.byPurpose[key] > 0);
  if (used.length === 0) return <span className="muted">Nothing yet</span>;
  return (
    <span className="small">
      {used.map(([key, label]) => `${label} ${formatNumber(window.byPurpose[key])}`).join(" · ")}
    </span>
  );
}

/** Each connector's use of GoTo's request budget: last hour and day, 429s, and what used it. */
export function ApiBudgetCard() {
  const budgets = useApi<ApiBudgetList>("/api/connectors/api-budget");
  const columns: Column<Budget>[] = [
    {
      key: "connector",
      header: "Connector",
      render: (b) => (
        <div>
          <div className="cell-title">{b.name}</div>
          <div className="cell-sub">{b.ownOAuthClient ? "Own OAuth client" : "Shares the service's OAuth client"}</div>
        </div>
      ),
    },
    { key: "hour", header: "Last hour", align: "right", render: (b) => <Usage window={b.lastHour} /> },
    { key: "day", header: "Last 24 hours", align: "right", render: (b) => <Usage window={b.lastDay} /> },
    {
      key: "limited",
      header: "Refused (429)",
      align: "right",
      render: (b) => <ProblemCount count={b.lastDay.rateLimited} />,
    },
    { key: "used", header: "What used it (24 hours)", render: (b) => <WhatUsedIt window={b.lastDay} /> },
  ];
  return (
    <Card
      title="API budget"
      id="api-budget"
      actions={
        <button type="button" className="btn btn-ghost btn-sm" onClick={budgets.reload} aria-label="Refresh API budget">
          <Icon name="refresh" size={14} />
        </button>
      }
    >
      <QueryView
        query={budgets}
        rows={2}
        errorTitle="The API budget is unavailable"
        empty={<EmptyState title="No connectors yet">Add a connector to see its use of GoTo's API.</EmptyState>}
      >
        {(data) => (
          <DataTable
            columns={columns}
            rows={data.items}
            rowKey={(b) => b.connectorId}
            caption="GoTo API requests per connector against GoTo's limit"
          />
        )}
      </QueryView>
    </Card>
  );
}
