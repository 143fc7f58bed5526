import { type CollectionKind, CollectionPage } from "./CollectionPage";

const TAGS: CollectionKind = {
  noun: "tag",
  title: "Tags",
  description: "Labels on prospects, applied from webinar drill-downs or by form completion actions.",
  basePath: "/tags",
  apiPath: "/api/tags",
  membersPath: "prospects",
  countOf: (item) => item.prospectCount ?? 0,
  countLabel: "Prospects",
};

export function TagsPage() {
  return <CollectionPage kind={TAGS} />;
}
