import { findOrCreateNamed, type NamedTargetInput } from "../names/named-records";

export type FindOrCreateTagOptions = NamedTargetInput<"tagId", "tagName">;

/** The tag a bulk action targets, given by id (must exist) or by name (made if new). */
export async function findOrCreateTag(options: FindOrCreateTagOptions): Promise<{ id: string; name: string }> {
  const nameField = options.field ?? "tagName";
  const { id, name } = await findOrCreateNamed({
    ...options,
    kind: "tag",
    id: options.tagId,
    name: options.tagName,
    nameField,
  });
  return { id, name };
}
