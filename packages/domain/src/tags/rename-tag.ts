import { type OwnedNamedInput, renameNamed } from "../names/named-records";
import { TAG_VIEW_SELECT, type TagView, toTagView } from "./tag-view";

export type RenameTagOptions = OwnedNamedInput<"tagId"> & { name: string };

export async function renameTag({ tagId, ...options }: RenameTagOptions): Promise<TagView> {
  return renameNamed({ ...options, kind: "tag", id: tagId }, async (name) =>
    toTagView(await options.db.tag.update({ where: { id: tagId }, data: { name }, select: TAG_VIEW_SELECT })),
  );
}
