import type { List, ListChange, ListEvaluation, ListHistory, Member, Page } from "@gw/api-contract";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { del, errorMessage, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { Badge } from "../../components/Badge";
import { Button, ButtonLink, buttonClass } from "../../components/Button";
import { type Column, DataTable, Pagination } from "../../components/DataTable";
import { ConfirmDialog } from "../../components/Dialog";
import { SearchInput } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { Card, PageHeader, Stat } from "../../components/Layout";
import { Sparkline } from "../../components/Sparkline";
import { Alert, EmptyState, ErrorState, LoadingState } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatDateTime, formatNumber, formatRelative, formatShortDateTime, fullName } from "../../lib/format";
import { useDebounced, useSearchState } from "../../lib/use-search-state";
import { SnapshotDialog } from "./SnapshotDialog";

const MEMBER_STATE = { mq: "", mpage: "1" };
/** Members join within seconds of a change: the page catches up on its own while it is open. */
export const DYNAMIC_LIST_REFRESH_MS = 15_000;
const POLL = { refetchInterval: DYNAMIC_LIST_REFRESH_MS };
const HISTORY_ROWS = 8;

/** A dynamic list: who matches its criteria now, who joined and left, and the count over time. */
export function DynamicListPage({ list }: { list: List }) {
  const toast = useToast();
  const navigate = useNavigate();
  const [state, set] = useSearchState(MEMBER_STATE, "mpage");
  const mq = useDebounced(state.mq, 250);
  const [changesPage, setChangesPage] = useState(1);
  const base = `/api/lists/${list.id}`;
  const members = useApi<Page<Member>>(`${base}/members`, { q: mq, page: state.mpage, pageSize: 25 }, POLL);
  const changes = useApi<Page<ListChange>>(`${base}/changes`, { page: changesPage, pageSize: 10 }, POLL);
  const history = useApi<ListHistory>(`${base}/history`, { hours: 720 }, POLL);
  const [evaluating, setEvaluating] = useState(false);
  const [snapshotOpen, setSnapshotOpen] = useState(false);
  const [snapshot, setSnapshot] = useState<List | null>(null);
  const [deleting, setDeleting] = useState(false);

  const evaluate = async () => {
    setEvaluating(true);
    try {
      const result = await post<ListEvaluation>(`${base}/evaluate`);
      toast.success(
        `Re-evaluated: ${formatNumber(result.joined)} joined, ${formatNumber(result.left)} left, ${formatNumber(result.memberCount)} members now.`,
      );
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setEvaluating(false);
    }
  };

  const memberColumns: Column<Member>[] = [
    {
      key: "email",
      header: "E-mail",
      render: (m) => (
        <Link to={`/prospects/${m.id}`} className="cell-title">
          {m.email}
        </Link>
      ),
    },
    { key: "name", header: "Name", render: (m) => fullName(m) || <span className="muted">—</span> },
    {
      key: "joined",
      header: "Joined",
      render: (m) => <span className="nowrap">{formatShortDateTime(m.addedAt)}</span>,
    },
  ];
  const changeColumns: Column<ListChange>[] = [
    {
      key: "email",
      header: "E-mail",
      render: (c) => (
        <Link to={`/prospects/${c.id}`} className="cell-title">
          {c.email}
        </Link>
      ),
    },
    {
      key: "change",
      header: "Change",
      render: (c) => (c.joined ? <Badge tone="success">Joined</Badge> : <Badge tone="warning">Left</Badge>),
    },
    { key: "at", header: "When", render: (c) => <span className="nowrap">{formatShortDateTime(c.at)}</span> },
  ];
  const points = history.data ?? [];
  const latest = [...points].reverse().slice(0, HISTORY_ROWS);

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
            <Button icon="refresh" loading={evaluating} onClick={() => void evaluate()}>
              Re-evaluate now
            </Button>
            <Button icon="copy" onClick={() => setSnapshotOpen(true)}>
              Snapshot to a static list
            </Button>
            <ButtonLink to={`/lists/${list.id}/edit`} icon="edit">
              Edit criteria
            </ButtonLink>
            <a className={buttonClass("secondary")} href={`${base}/members.csv`} download>
              <Icon name="download" /> Download CSV
            </a>
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
        <Card title="Members" id="list-members">
          <div className="card-header">
            <SearchInput
              label="Search members"
              value={state.mq}
              onChange={(value) => set({ mq: value })}
              placeholder="Search e-mail, name…"
            />
          </div>
          {members.error ? (
            <ErrorState error={members.error} onRetry={members.reload} />
          ) : !members.data ? (
            <LoadingState />
          ) : members.data.items.length === 0 ? (
            <EmptyState icon="users" title={mq ? "Nobody matches" : "Nobody matches the criteria yet"}>
              {mq ? null : "Prospects join as soon as a sync, a form or an edit makes them match."}
            </EmptyState>
          ) : (
            <>
              <DataTable
                caption={`Members of ${list.name}`}
                columns={memberColumns}
                rows={members.data.items}
                rowKey={(m) => m.id}
                busy={members.loading}
              />
              <Pagination
                page={members.data.page}
                pageSize={members.data.pageSize}
                total={members.data.total}
                noun="members"
                onPage={(page) => set({ mpage: page })}
              />
            </>
          )}
        </Card>
        <div className="stack">
          <Card title="Count history" id="list-history">
            {history.error ? (
              <ErrorState error={history.error} onRetry={history.reload} />
            ) : !history.data ? (
              <LoadingState rows={2} />
            ) : points.length === 0 ? (
              <EmptyState icon="activity" title="No counts yet">
                A count is kept each hour the list changes.
              </EmptyState>
            ) : (
              <div className="card-body stack">
                <Sparkline
                  values={points.map((p) => p.count)}
                  label={`Members over the last 30 days: from ${formatNumber(points[0]?.count)} to ${formatNumber(points[points.length - 1]?.count)}`}
                />
                <div className="table-wrap">
                  <table className="table">
                    <caption className="sr-only">Members at the end of each hour, newest first</caption>
                    <thead>
                      <tr>
                        <th scope="col">Hour</th>
                        <th scope="col" className="num">
                          Members
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {latest.map((p) => (
                        <tr key={p.hour}>
                          <td className="nowrap">{formatShortDateTime(p.hour)}</td>
                          <td className="num">{formatNumber(p.count)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            )}
          </Card>
          <Card title="Joined and left" id="list-changes">
            {changes.error ? (
              <ErrorState error={changes.error} onRetry={changes.reload} />
            ) : !changes.data ? (
              <LoadingState rows={3} />
            ) : changes.data.items.length === 0 ? (
              <EmptyState icon="users" title="No changes yet">
                Who joins and leaves, and when, shows here.
              </EmptyState>
            ) : (
              <>
                <DataTable
                  caption={`Who joined and left ${list.name}, newest first`}
                  columns={changeColumns}
                  rows={changes.data.items}
                  rowKey={(c) => `${c.id}-${c.at}-${c.joined}`}
                  busy={changes.loading}
                />
                {changes.data.total > changes.data.pageSize ? (
                  <Pagination
                    page={changes.data.page}
                    pageSize={changes.data.pageSize}
                    total={changes.data.total}
                    noun="changes"
                    onPage={(page) => setChangesPage(Number(page))}
                  />
                ) : null}
              </>
            )}
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
          await del(base);
          toast.success(`List “${list.name}” deleted.`);
          navigate("/lists");
        }}
      />
    </>
  );
}
