import type { List, ListChange, ListHistory } from "@gw/api-contract";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { Badge } from "../../components/Badge";
import { Button, ButtonLink, CsvLink } from "../../components/Button";
import { type Column, DataTable, PagedQueryTable } from "../../components/DataTable";
import { ConfirmDialog } from "../../components/Dialog";
import { Card, PageHeader, Stat } from "../../components/Layout";
import { Sparkline } from "../../components/Sparkline";
import { Alert, EmptyState, type QueryLike, QueryView } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatDateTime, formatNumber, formatRelative, formatShortDateTime } from "../../lib/format";
import { MembersCard, memberColumns, prospectLinkColumn } from "./MembersCard";
import { SnapshotDialog } from "./SnapshotDialog";
import { useDynamicList } from "./use-dynamic-list";

const HISTORY_ROWS = 8;
const CHANGE_COLUMNS: Column<ListChange>[] = [
  prospectLinkColumn<ListChange>(),
  {
    key: "change",
    header: "Change",
    render: (c) => (c.joined ? <Badge tone="success">Joined</Badge> : <Badge tone="warning">Left</Badge>),
  },
  { key: "at", header: "When", render: (c) => <span className="nowrap">{formatShortDateTime(c.at)}</span> },
];

const MEMBER_COLUMNS = memberColumns("Joined");

/** A dynamic list: who matches its criteria now, who joined and left, and the count over time. */
export function DynamicListPage({ list }: { list: List }) {
  const toast = useToast();
  const navigate = useNavigate();
  const { members, changes, setChangesPage, history, csvHref, evaluate, evaluating, remove } = useDynamicList(list);
  const [snapshotOpen, setSnapshotOpen] = useState(false);
  const [snapshot, setSnapshot] = useState<List | null>(null);
  const [deleting, setDeleting] = useState(false);

  return (
    <>
      <PageHeader
        title={
          <span className="row" style={{ gap: 8 }}>
            {list.name} <Badge tone="info">Dynamic</Badge>
          </span>
        }
        breadcrumbs={[{ label: "Lists", to: "/lists" }, { label: list.name }]}
        description={
          <>
            <span className="sr-only">Criteria: </span>
            {list.description ?? "Prospects matching this list's criteria."}
          </>
        }
        actions={
          <>
            <Button icon="refresh" loading={evaluating} onClick={evaluate}>
              Re-evaluate now
            </Button>
            <Button icon="copy" onClick={() => setSnapshotOpen(true)}>
              Snapshot to a static list
            </Button>
            <ButtonLink to={`/lists/${list.id}/edit`} icon="edit">
              Edit criteria
            </ButtonLink>
            <CsvLink href={csvHref}>Download CSV</CsvLink>
            <Button variant="ghost" icon="trash" onClick={() => setDeleting(true)} aria-label={`Delete ${list.name}`} />
          </>
        }
      />
      {snapshot ? (
        <Alert tone="success" title="Snapshot made" onDismiss={() => setSnapshot(null)}>
          <Link to={`/lists/${snapshot.id}`}>
            Open “{snapshot.name}” ({formatNumber(snapshot.memberCount)} members)
          </Link>
        </Alert>
      ) : null}
      <section className="grid-stats" aria-label="List figures">
        <Stat label="Members now" value={formatNumber(list.memberCount)} />
        <Stat
          label="Last full evaluation"
          value={list.evaluatedAt ? formatRelative(list.evaluatedAt) : "never"}
          sub={
            list.evaluatedAt ? formatDateTime(list.evaluatedAt) : "Members still join and leave as prospects change."
          }
        />
        <Stat label="Joined or left" value={formatNumber(changes.data?.total)} sub="changes recorded" />
      </section>
      <div className="grid-2">
        <MembersCard
          members={members}
          title="Members"
          id="list-members"
          caption={`Members of ${list.name}`}
          columns={MEMBER_COLUMNS}
          noun="members"
          emptyTitle="Nobody matches the criteria yet"
          emptyHint="Prospects join as soon as a sync, a form or an edit makes them match."
        />
        <div className="stack">
          <HistoryCard history={history} />
          <Card title="Joined and left" id="list-changes">
            <PagedQueryTable
              query={changes}
              placeholderRows={3}
              empty={
                <EmptyState icon="users" title="No changes yet">
                  Who joins and leaves, and when, shows here.
                </EmptyState>
              }
              caption={`Who joined and left ${list.name}, newest first`}
              columns={CHANGE_COLUMNS}
              rowKey={(c) => `${c.id}-${c.at}-${c.joined}`}
              noun="changes"
              onPage={setChangesPage}
              pagerWhenNeeded
            />
          </Card>
        </div>
      </div>
      <SnapshotDialog
        list={list}
        open={snapshotOpen}
        onClose={() => setSnapshotOpen(false)}
        onSaved={(saved) => {
          setSnapshotOpen(false);
          setSnapshot(saved);
          toast.success(`Static list “${saved.name}” made with ${formatNumber(saved.memberCount)} members.`);
        }}
      />
      <ConfirmDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        title={`Delete “${list.name}”?`}
        message="The list goes away; the prospects themselves stay, and so do snapshots made of it."
        confirmLabel="Delete list"
        onConfirm={async () => {
          await remove();
          toast.success(`List “${list.name}” deleted.`);
          navigate("/lists");
        }}
      />
    </>
  );
}

const HISTORY_COLUMNS: Column<ListHistory[number]>[] = [
  { key: "hour", header: "Hour", render: (p) => <span className="nowrap">{formatShortDateTime(p.hour)}</span> },
  { key: "count", header: "Members", numeric: true, render: (p) => formatNumber(p.count) },
];

/** The list's count per hour over 30 days: a sparkline, and the latest hours as a table. */
function HistoryCard({ history }: { history: QueryLike<ListHistory> }) {
  return (
    <Card title="Count history" id="list-history">
      <QueryView
        query={history}
        rows={2}
        isEmpty={(points) => points.length === 0}
        empty={
          <EmptyState icon="activity" title="No counts yet">
            A count is kept each hour the list changes.
          </EmptyState>
        }
      >
        {(points) => (
          <div className="card-body stack">
            <Sparkline
              values={points.map((p) => p.count)}
              label={`Members over the last 30 days: from ${formatNumber(points[0]?.count)} to ${formatNumber(points[points.length - 1]?.count)}`}
            />
            <DataTable
              caption="Members at the end of each hour, newest first"
              columns={HISTORY_COLUMNS}
              rows={[...points].reverse().slice(0, HISTORY_ROWS)}
              rowKey={(p) => p.hour}
            />
          </div>
        )}
      </QueryView>
    </Card>
  );
}
