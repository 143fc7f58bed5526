import type { List, Member, Page, Tag } from "@gw/api-contract";
import { type ReactNode, useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ApiError, del, errorMessage, patch, post } from "../../api/client";
import { useApi } from "../../api/use-api";
import { Button } from "../../components/Button";
import { type Column, DataTable, Pagination } from "../../components/DataTable";
import { ConfirmDialog, Dialog } from "../../components/Dialog";
import { SearchInput, TextField } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { EmptyState, ErrorState, LoadingState } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatNumber, formatShortDateTime, fullName } from "../../lib/format";
import { useDebounced, useSearchState } from "../../lib/use-search-state";

const LIST_STATE = { q: "", page: "1" };
const MEMBER_STATE = { mq: "", mpage: "1" };

/** A list or a tag: both have a name and a count of prospects. */
export type NamedItem = List | Tag;

export interface CollectionKind<T extends NamedItem> {
  /** "list" or "tag" */
  noun: string;
  title: string;
  description: string;
  basePath: string;
  apiPath: string;
  membersPath: string;
  countOf(item: T): number;
  countLabel: string;
  /** Shown after an item's name, e.g. that a list is dynamic. */
  badgeOf?(item: T): ReactNode;
  /** Beside "New …" in the page header. */
  moreActions?: ReactNode;
}

/** Lists and tags share one page: their names, counts and members, created and edited in place. */
export function CollectionPage<T extends NamedItem>({ kind }: { kind: CollectionKind<T> }) {
  const { id } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const [state, set] = useSearchState(LIST_STATE);
  const q = useDebounced(state.q, 250);
  const items = useApi<Page<T>>(kind.apiPath, { q, page: state.page, pageSize: 50 });
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const selected = items.data?.items.find((item) => item.id === id);

  const columns: Column<T>[] = [
    {
      key: "name",
      header: "Name",
      render: (item) => <NameCell item={item} kind={kind} current={item.id === id} />,
    },
    {
      key: "count",
      header: kind.countLabel,
      align: "right",
      render: (item) => <span className="num">{formatNumber(kind.countOf(item))}</span>,
    },
    {
      key: "actions",
      header: <span className="sr-only">Actions</span>,
      align: "right",
      render: (item) => (
        <span className="row" style={{ justifyContent: "flex-end", flexWrap: "nowrap" }}>
          <Button
            size="sm"
            variant="ghost"
            icon="edit"
            onClick={() => setEditing(item)}
            aria-label={`Rename ${item.name}`}
          />
          <Button
            size="sm"
            variant="ghost"
            icon="trash"
            onClick={() => setDeleting(item)}
            aria-label={`Delete ${item.name}`}
          />
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={kind.title}
        description={kind.description}
        actions={
          <>
            {kind.moreActions}
            <Button variant="primary" icon="plus" onClick={() => setEditing("new")}>
              New {kind.noun}
            </Button>
          </>
        }
      />
      <div className="grid-2" style={{ gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1.4fr)" }}>
        <Card>
          <div className="card-header">
            <SearchInput
              label={`Search ${kind.noun}s`}
              value={state.q}
              onChange={(value) => set({ q: value })}
              placeholder={`Search ${kind.noun}s…`}
            />
          </div>
          {items.error ? (
            <ErrorState error={items.error} onRetry={items.reload} />
          ) : !items.data ? (
            <LoadingState />
          ) : items.data.items.length === 0 ? (
            <EmptyState
              icon={kind.noun === "tag" ? "tag" : "list"}
              title={q ? `No ${kind.noun}s match` : `No ${kind.noun}s yet`}
            >
              {q ? null : `Create one here, or from a webinar's drill-down.`}
            </EmptyState>
          ) : (
            <>
              <DataTable
                caption={kind.title}
                columns={columns}
                rows={items.data.items}
                rowKey={(item) => item.id}
                busy={items.loading}
              />
              {items.data.total > items.data.pageSize ? (
                <Pagination
                  page={items.data.page}
                  pageSize={items.data.pageSize}
                  total={items.data.total}
                  noun={`${kind.noun}s`}
                  onPage={(page) => set({ page })}
                />
              ) : null}
            </>
          )}
        </Card>
        {id ? (
          <Members kind={kind} id={id} name={selected?.name} onChanged={items.reload} />
        ) : (
          <Card>
            <EmptyState icon="users" title={`Pick a ${kind.noun}`}>
              Its {kind.noun === "tag" ? "tagged prospects" : "members"} show here.
            </EmptyState>
          </Card>
        )}
      </div>
      <NameDialog
        kind={kind}
        item={editing === "new" ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={(saved, created) => {
          items.reload();
          setEditing(null);
          toast.success(created ? `${capitalize(kind.noun)} “${saved.name}” created.` : `Renamed to “${saved.name}”.`);
          if (created) navigate(`${kind.basePath}/${saved.id}`);
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete “${deleting?.name ?? ""}”?`}
        message={`The ${kind.noun} goes away; the prospects themselves stay.`}
        confirmLabel={`Delete ${kind.noun}`}
        onConfirm={async () => {
          if (!deleting) return;
          await del(`${kind.apiPath}/${deleting.id}`);
          toast.success(`${capitalize(kind.noun)} “${deleting.name}” deleted.`);
          items.reload();
          if (deleting.id === id) navigate(kind.basePath);
        }}
      />
    </>
  );
}

function Members<T extends NamedItem>({
  kind,
  id,
  name,
  onChanged,
}: {
  kind: CollectionKind<T>;
  id: string;
  name?: string;
  onChanged(): void;
}) {
  const [state, set] = useSearchState(MEMBER_STATE, "mpage");
  const mq = useDebounced(state.mq, 250);
  const members = useApi<Page<Member>>(`${kind.apiPath}/${id}/${kind.membersPath}`, {
    q: mq,
    page: state.mpage,
    pageSize: 25,
  });
  const toast = useToast();
  const remove = async (member: Member) => {
    try {
      await del(`${kind.apiPath}/${id}/${kind.membersPath}/${member.id}`);
      members.reload();
      onChanged();
      toast.success(`${member.email} removed from “${name ?? kind.noun}”.`);
    } catch (error) {
      toast.error(errorMessage(error));
    }
  };
  const columns: Column<Member>[] = [
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
    { key: "added", header: "Added", render: (m) => <span className="nowrap">{formatShortDateTime(m.addedAt)}</span> },
    {
      key: "remove",
      header: <span className="sr-only">Remove</span>,
      align: "right",
      render: (m) => (
        <Button size="sm" variant="ghost" icon="x" onClick={() => void remove(m)} aria-label={`Remove ${m.email}`} />
      ),
    },
  ];
  return (
    <Card title={name ?? "…"} id="members">
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
        <EmptyState icon="users" title={mq ? "Nobody matches" : "Nobody here yet"}>
          {mq ? null : "Add prospects from a webinar's registered, attended or absent drill-down."}
        </EmptyState>
      ) : (
        <>
          <DataTable
            caption={`Prospects in ${name ?? kind.noun}`}
            columns={columns}
            rows={members.data.items}
            rowKey={(m) => m.id}
            busy={members.loading}
          />
          <Pagination
            page={members.data.page}
            pageSize={members.data.pageSize}
            total={members.data.total}
            noun="prospects"
            onPage={(page) => set({ mpage: page })}
          />
        </>
      )}
    </Card>
  );
}

function NameDialog<T extends NamedItem>({
  kind,
  item,
  open,
  onClose,
  onSaved,
}: {
  kind: CollectionKind<T>;
  item: T | null;
  open: boolean;
  onClose(): void;
  onSaved(saved: T, created: boolean): void;
}) {
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (open) {
      setName(item?.name ?? "");
      setError(undefined);
    }
  }, [open, item]);
  return (
    <Dialog
      open={open}
      onClose={() => !busy && onClose()}
      title={item ? `Rename “${item.name}”` : `New ${kind.noun}`}
      onSubmit={async () => {
        setBusy(true);
        setError(undefined);
        try {
          const saved = item
            ? await patch<T>(`${kind.apiPath}/${item.id}`, { name: name.trim() })
            : await post<T>(kind.apiPath, { name: name.trim() });
          onSaved(saved, !item);
        } catch (caught) {
          setError(caught instanceof ApiError ? (caught.fieldMessage("name") ?? caught.message) : errorMessage(caught));
        } finally {
          setBusy(false);
        }
      }}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={busy}>
            {item ? "Save" : "Create"}
          </Button>
        </>
      }
    >
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={error} required autoFocus />
    </Dialog>
  );
}

function NameCell<T extends NamedItem>({
  item,
  kind,
  current,
}: {
  item: T;
  kind: CollectionKind<T>;
  current: boolean;
}) {
  const link = (
    <Link to={`${kind.basePath}/${item.id}`} className="cell-title" aria-current={current ? "true" : undefined}>
      {item.name}
    </Link>
  );
  const badge = kind.badgeOf?.(item);
  if (!badge) return link;
  return (
    <span className="row" style={{ gap: 6 }}>
      {link} {badge}
    </span>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
