import { type Db, pgQuery } from "@gw/db";
import { conflict, notFound } from "../errors/index";
import { cleanQuery, containsPattern, type Page, type PageRequest, pageWindow } from "../paging/paging";
import { cleanName, rethrowNameTaken } from "./unique-name";

/**
 * Lists and tags are the same kind of record: named by users, unique per account ignoring case.
 * What they share is written once here, over whichever of the two tables `kind` names.
 */
export type NamedKind = "list" | "tag";

const NOUN = { list: "List", tag: "Tag" } as const;

interface NameWhere {
  accountId: string;
  id?: string | { not: string };
  name?: { equals: string; mode: "insensitive" };
}

/** What a list or tag function is given: the account, and the record's id under its own key. */
export type OwnedNamedInput<IdKey extends string> = { db: Db; accountId: string } & Record<IdKey, string>;

/** A bulk action's target by id or by name, under the request's own keys; `field` names the 400's field. */
export type NamedTargetInput<IdKey extends string, NameKey extends string> = {
  db: Db;
  accountId: string;
  field?: string;
} & Partial<Record<IdKey | NameKey, string>>;

export interface NamedRecord {
  id: string;
  name: string;
}

// The few calls both Prisma delegates answer alike: `db.list` and `db.tag` are each assignable.
interface NamedDelegate {
  findFirst(args: { where: NameWhere; select: { id: true; name: true } }): PromiseLike<NamedRecord | null>;
  findFirstOrThrow(args: { where: NameWhere; select: { id: true; name: true } }): PromiseLike<NamedRecord>;
  createMany(args: { data: { accountId: string; name: string }[]; skipDuplicates: true }): PromiseLike<unknown>;
}

const delegate = (db: Db, kind: NamedKind): NamedDelegate => db[kind];
const NAMED = { id: true, name: true } as const;

/** The account's list or tag, or a 404 naming it: another account's is as absent as a deleted one. */
export async function findOwnedNamed(db: Db, kind: NamedKind, accountId: string, id: string): Promise<NamedRecord> {
  const found = await delegate(db, kind).findFirst({ where: { id, accountId }, select: NAMED });
  if (!found) throw notFound(NOUN[kind], id);
  return found;
}

export interface RenameNamedOptions {
  db: Db;
  kind: NamedKind;
  accountId: string;
  id: string;
  name: string;
}

/** Renames after the checks both share (owned, name free ignoring case); `save` writes and reads back. */
export async function renameNamed<V>(options: RenameNamedOptions, save: (name: string) => Promise<V>): Promise<V> {
  const { db, kind, accountId } = options;
  const name = cleanName(options.name);
  const { id } = await findOwnedNamed(db, kind, accountId, options.id);
  const where = { accountId, name: { equals: name, mode: "insensitive" as const }, id: { not: id } };
  const taken = await delegate(db, kind).findFirst({ where, select: NAMED });
  if (taken) throw conflict(`A ${kind} named "${taken.name}" already exists; choose another name`, "name");
  try {
    return await save(name);
  } catch (error) {
    rethrowNameTaken(error, kind, name);
  }
}

export interface FindOrCreateNamedOptions {
  db: Db;
  kind: NamedKind;
  accountId: string;
  id?: string;
  /** Matched ignoring case; created when none has it. */
  name?: string;
  /** The request field the name came from, named by a 400. */
  nameField: string;
}

/**
 * The list or tag a bulk action targets: by id (must exist) or by name (made if new). `found`
 * tells a caller that must check an existing record (a list's kind) which one it got.
 */
export async function findOrCreateNamed(options: FindOrCreateNamedOptions): Promise<NamedRecord & { found: boolean }> {
  const { db, kind, accountId } = options;
  if (options.id) return { ...(await findOwnedNamed(db, kind, accountId, options.id)), found: true };
  const name = cleanName(options.name ?? "", options.nameField);
  const where = { accountId, name: { equals: name, mode: "insensitive" as const } };
  const existing = await delegate(db, kind).findFirst({ where, select: NAMED });
  if (existing) return { ...existing, found: true };
  // Two concurrent actions may both create it: the loser reads the winner's row.
  await delegate(db, kind).createMany({ data: [{ accountId, name }], skipDuplicates: true });
  return { ...(await delegate(db, kind).findFirstOrThrow({ where, select: NAMED })), found: false };
}

export interface NamedPageOptions extends PageRequest {
  db: Db;
  accountId: string;
  /** Name contains, ignoring case. */
  q?: string;
}

const TABLE = { list: '"List"', tag: '"Tag"' } as const;

/**
 * A page of the account's lists or tags by name (ignoring case). `columns` is the select list over
 * alias `t`, aliased to the keys of `T`.
 */
export async function pageNamed<T>(options: NamedPageOptions, kind: NamedKind, columns: string): Promise<Page<T>> {
  const { page, pageSize, offset } = pageWindow(options);
  const q = cleanQuery(options.q);
  const where = `t."accountId" = $1::uuid AND ($2::text IS NULL OR t."name" ILIKE $2)`;
  const values = [options.accountId, q ? containsPattern(q) : null];
  const items = await pgQuery<T>(
    options.db,
    `SELECT ${columns} FROM ${TABLE[kind]} t WHERE ${where} ORDER BY lower(t."name"), t."id" LIMIT $3 OFFSET $4`,
    [...values, pageSize, offset],
  );
  const [counted] = await pgQuery<{ total: number }>(
    options.db,
    `SELECT count(*)::int AS total FROM ${TABLE[kind]} t WHERE ${where}`,
    values,
  );
  return { items, total: counted?.total ?? 0, page, pageSize };
}
