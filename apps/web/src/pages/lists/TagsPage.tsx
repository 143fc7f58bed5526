import type { Tag } from "@gw/api-contract";
import { type CollectionKind, CollectionPage } from "./CollectionPage";

const TAGS: CollectionKind<Tag> = {
  noun: "tag",
  title: "Tags",
  description: "Labels on prospects, applied from webinar drill-downs or by form completion actions.",
  basePath: "/tags",
  apiPath: "/api/tags",
  membersPath: "prospects",
  countOf: (item) => item.prospectCount,
  countLabel: "Prospects",
};

export function TagsPage() {
  return <CollectionPage kind={TAGS} />;
}
