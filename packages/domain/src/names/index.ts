// Names users give to lists and tags: cleaned, bounded, unique per account; and what the two
// kinds of named record share (owned lookup, rename, find-or-create, a page by name).

export { addMembers, type MemberSummary, pageMembers, removeMember } from "./named-members";
export {
  type FindOrCreateNamedOptions,
  findOrCreateNamed,
  findOwnedNamed,
  type NamedKind,
  type NamedPageOptions,
  type NamedRecord,
  type NamedTargetInput,
  type OwnedNamedInput,
  pageNamed,
  type RenameNamedOptions,
  renameNamed,
} from "./named-records";
export { cleanName, MAX_NAME_LENGTH, rethrowNameTaken } from "./unique-name";
