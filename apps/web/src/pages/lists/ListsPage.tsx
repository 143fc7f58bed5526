import type { List } from "@gw/api-contract";
import { useParams } from "react-router-dom";
import { useApi } from "../../api/use-api";
import { Badge } from "../../components/Badge";
import { ButtonLink } from "../../components/Button";
import { LoadingState } from "../../components/States";
import { type CollectionKind, CollectionPage } from "./CollectionPage";
import { DynamicListPage } from "./DynamicListPage";
import { DYNAMIC_LIST_REFRESH_MS } from "./use-dynamic-list";

const LISTS: CollectionKind<List> = {
  noun: "list",
  title: "Lists",
  description:
    "Static lists hold the prospects you put in them, for example everyone who missed a webinar. Dynamic lists hold whoever matches their criteria right now, kept current as prospects change.",
  basePath: "/lists",
  apiPath: "/api/lists",
  membersPath: "members",
  countOf: (item) => item.memberCount,
  countLabel: "Members",
  badgeOf: (item) => (item.kind === "DYNAMIC" ? <Badge tone="info">Dynamic</Badge> : null),
  moreActions: (
    <ButtonLink to="/lists/new" icon="plus">
      New dynamic list
    </ButtonLink>
  ),
};

/** Static lists keep the shared list-and-members page; a dynamic list has a page of its own. */
export function ListsPage() {
  const { id } = useParams();
  // A dynamic list's count moves by itself: its figures refresh with its members.
  const list = useApi<List>(id ? `/api/lists/${id}` : null, undefined, {
    refetchInterval: (data) => (data?.kind === "DYNAMIC" ? DYNAMIC_LIST_REFRESH_MS : false),
  });
  // While another list loads, the previous answer stays: only a dynamic one for this id gets its page.
  const current = list.data?.id === id ? list.data : undefined;
  if (id && current?.kind === "DYNAMIC") return <DynamicListPage list={current} />;
  if (id && !current && !list.error && list.data?.kind !== "STATIC") return <LoadingState />;
  return <CollectionPage kind={LISTS} />;
}
