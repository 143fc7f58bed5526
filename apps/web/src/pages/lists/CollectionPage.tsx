import type { List, Member, Tag } from "@gw/api-contract";
import { type ReactNode, useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { fieldErrorMessage } from "../../api/client";
import { Button, RowButton } from "../../components/Button";
import { actionsColumn, type Column, PagedQueryTable } from "../../components/DataTable";
import { ConfirmDialog, FormDialog } from "../../components/Dialog";
import { QuerySearch, TextField } from "../../components/Field";
import { Card, PageHeader } from "../../components/Layout";
import { EmptyState } from "../../components/States";
import { useToast } from "../../components/Toast";
import { formatNumber } from "../../lib/format";
import { MembersCard, memberColumns } from "./MembersCard";
import { useCollection, useCollectionMembers } from "./use-collection";

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
  const { state, set, q, items, selected, save, remove } = useCollection(kind, id);
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);

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
    actionsColumn((item) => (
      <>
        <RowButton icon="edit" onClick={() => setEditing(item)} label={`Rename ${item.name}`} />
        <RowButton icon="trash" onClick={() => setDeleting(item)} label={`Delete ${item.name}`} />
      </>
    )),
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
            <QuerySearch label={`Search ${kind.noun}s`} placeholder={`Search ${kind.noun}s…`} q={state.q} set={set} />
          </div>
          <PagedQueryTable
            query={items}
            empty={
              <EmptyState
                icon={kind.noun === "tag" ? "tag" : "list"}
                title={q ? `No ${kind.noun}s match` : `No ${kind.noun}s yet`}
              >
                {q ? null : `Create one here, or from a webinar's drill-down.`}
              </EmptyState>
            }
            caption={kind.title}
            columns={columns}
            rowKey={(item) => item.id}
            noun={`${kind.noun}s`}
            onPage={(page) => set({ page })}
            pagerWhenNeeded
          />
        </Card>
        {id ? (
          <Members kind={kind} id={id} name={selected?.name} />
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
        save={(name) => save.mutateAsync({ item: editing === "new" ? null : editing, name })}
        onSaved={(saved, created) => {
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
          await remove.mutateAsync(deleting);
          toast.success(`${capitalize(kind.noun)} “${deleting.name}” deleted.`);
          if (deleting.id === id) navigate(kind.basePath);
        }}
      />
    </>
  );
}

function Members<T extends NamedItem>({ kind, id, name }: { kind: CollectionKind<T>; id: string; name?: string }) {
  const { members, removeMember } = useCollectionMembers(kind, id, name);
  const columns: Column<Member>[] = [
    ...memberColumns("Added"),
    actionsColumn(
      (m) => <RowButton icon="x" onClick={() => removeMember.mutate(m)} label={`Remove ${m.email}`} />,
      "Remove",
    ),
  ];
  return (
    <MembersCard
      members={members}
      title={name ?? "…"}
      id="members"
      caption={`Prospects in ${name ?? kind.noun}`}
      columns={columns}
      noun="prospects"
      emptyTitle="Nobody here yet"
      emptyHint="Add prospects from a webinar's registered, attended or absent drill-down."
    />
  );
}

function NameDialog<T extends NamedItem>({
  kind,
  item,
  open,
  onClose,
  save,
  onSaved,
}: {
  kind: CollectionKind<T>;
  item: T | null;
  open: boolean;
  onClose(): void;
  save(name: string): Promise<T>;
  onSaved(saved: T, created: boolean): void;
}) {
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (open) {
      setName(item?.name ?? "");
      setError(undefined);
    }
  }, [open, item]);
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={item ? `Rename “${item.name}”` : `New ${kind.noun}`}
      submitLabel={item ? "Save" : "Create"}
      submit={async () => {
        setError(undefined);
        onSaved(await save(name.trim()), !item);
      }}
      onError={(caught) => setError(fieldErrorMessage(caught, "name"))}
    >
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={error} required autoFocus />
    </FormDialog>
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
