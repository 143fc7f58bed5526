import type { Member, Page } from "@gw/api-contract";
import { type ApiOptions, useApi } from "../../api/use-api";
import { Blank, type Column, PagedQueryTable, titleLinkColumn } from "../../components/DataTable";
import { SearchInput } from "../../components/Field";
import { Card } from "../../components/Layout";
import { EmptyState } from "../../components/States";
import { formatShortDateTime, fullName } from "../../lib/format";
import { useDebounced, useSearchState } from "../../lib/use-search-state";

const MEMBER_STATE = { mq: "", mpage: "1" };

/** The members of a list or tag (`path`), searched and paged in the URL beside the page's own state. */
export function useMembers(path: string, options?: ApiOptions<Page<Member>>) {
  const [state, set] = useSearchState(MEMBER_STATE, "mpage");
  const mq = useDebounced(state.mq, 250);
  const members = useApi<Page<Member>>(path, { q: mq, page: state.mpage, pageSize: 25 }, options);
  return {
    members,
    search: state.mq,
    searched: mq !== "",
    setSearch: (mq: string) => set({ mq }),
    setPage: (mpage: number) => set({ mpage }),
  };
}
export type Members = ReturnType<typeof useMembers>;

/** A prospect's e-mail, linked to their page. */
export function prospectLinkColumn<T extends { id: string; email: string }>(): Column<T> {
  return titleLinkColumn(
    "email",
    "E-mail",
    (p) => `/prospects/${p.id}`,
    (p) => p.email,
  );
}

/** The columns every member table starts with: who, linked to their page, and when they came in. */
export function memberColumns(addedHeader: string): Column<Member>[] {
  return [
    prospectLinkColumn<Member>(),
    { key: "name", header: "Name", render: (m) => fullName(m) || <Blank /> },
    {
      key: "added",
      header: addedHeader,
      render: (m) => <span className="nowrap">{formatShortDateTime(m.addedAt)}</span>,
    },
  ];
}

/** A card of members: search, the table, the pager, and what to say when nobody is there. */
export function MembersCard({
  members: { members, search, searched, setSearch, setPage },
  title,
  id,
  caption,
  columns,
  noun,
  emptyTitle,
  emptyHint,
}: {
  members: Members;
  title: string;
  id: string;
  caption: string;
  columns: Column<Member>[];
  noun: string;
  emptyTitle: string;
  emptyHint: string;
}) {
  return (
    <Card title={title} id={id}>
      <div className="card-header">
        <SearchInput label="Search members" value={search} onChange={setSearch} placeholder="Search e-mail, name…" />
      </div>
      <PagedQueryTable
        query={members}
        empty={
          <EmptyState icon="users" title={searched ? "Nobody matches" : emptyTitle}>
            {searched ? null : emptyHint}
          </EmptyState>
        }
        caption={caption}
        columns={columns}
        rowKey={(m) => m.id}
        noun={noun}
        onPage={setPage}
      />
    </Card>
  );
}
