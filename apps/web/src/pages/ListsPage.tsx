import type { List } from "@gw/api-contract";
import { type CollectionKind, CollectionPage } from "./CollectionPage";

const LISTS: CollectionKind<List> = {
  noun: "list",
  title: "Lists",
  description:
    "Static lists of prospects, for example everyone who missed a webinar, to follow up in your e-mail tool.",
  basePath: "/lists",
  apiPath: "/api/lists",
  membersPath: "members",
  countOf: (item) => item.memberCount,
  countLabel: "Members",
};

export function ListsPage() {
  return <CollectionPage kind={LISTS} />;
}
