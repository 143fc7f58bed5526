import { type PgQueryDb, pgQuery } from "@gw/db";
import { invalid } from "../errors/index";
import type { Criteria, CriteriaNode } from "./criteria";

/** What criteria refer to by id, each with the name shown when the criteria are put in words. */
export type ReferenceKind = "webinar" | "connector" | "program" | "list" | "tag" | "form" | "campaign";
export type ReferenceNames = Record<ReferenceKind, Map<string, string>>;

const TABLES: Record<ReferenceKind, { table: string; name: string; extra?: string }> = {
  webinar: { table: "Webinar", name: `"subject"` },
  connector: { table: "Connector", name: `"name"`, extra: `AND "deletedAt" IS NULL` },
  program: { table: "WebinarProgram", name: `"subject"` },
  list: { table: "List", name: `"name"` },
  tag: { table: "Tag", name: `"name"` },
  form: { table: "Form", name: `"name"` },
  campaign: { table: "Campaign", name: `"name"` },
};

interface Reference {
  kind: ReferenceKind;
  id: string;
  path: string;
}

/** Every id in the tree with the path it sits at. */
export function collectReferences(criteria: Criteria, field = "criteria"): Reference[] {
  const found: Reference[] = [];
  const walk = (n: CriteriaNode, path: string) => {
    if (n.type === "group") {
      for (const [i, c] of n.conditions.entries()) walk(c, `${path}.conditions.${i}`);
      return;
    }
    if ("webinar" in n) {
      if ("webinarId" in n.webinar)
        found.push({ kind: "webinar", id: n.webinar.webinarId, path: `${path}.webinar.webinarId` });
      if ("programId" in n.webinar)
        found.push({ kind: "program", id: n.webinar.programId, path: `${path}.webinar.programId` });
      if ("connectorId" in n.webinar)
        found.push({ kind: "connector", id: n.webinar.connectorId, path: `${path}.webinar.connectorId` });
    }
    if (n.type === "listMember") found.push({ kind: "list", id: n.listId, path: `${path}.listId` });
    if (n.type === "hasTag") found.push({ kind: "tag", id: n.tagId, path: `${path}.tagId` });
    if (n.type === "submittedForm") found.push({ kind: "form", id: n.formId, path: `${path}.formId` });
    if (n.type === "campaign") found.push({ kind: "campaign", id: n.campaignId, path: `${path}.campaignId` });
  };
  walk(criteria, field);
  return found;
}

/**
 * Loads the names of everything the criteria refer to, in the account only; an id of another
 * account (or of nothing) is a 400 naming where it sits, as a made-up id is.
 */
export async function checkCriteriaReferences(options: {
  db: PgQueryDb;
  accountId: string;
  criteria: Criteria;
  field?: string;
}): Promise<ReferenceNames> {
  const references = collectReferences(options.criteria, options.field);
  const names = await loadReferenceNames({ db: options.db, accountId: options.accountId, references });
  const missing = references.find((r) => !names[r.kind].has(r.id));
  if (missing)
    throw invalid(missing.path, `${missing.path}: no ${missing.kind} ${missing.id} in this account`, missing.id);
  return names;
}

/** The names of what stored criteria refer to; what was deleted since is simply absent. */
export async function loadReferenceNames(options: {
  db: PgQueryDb;
  accountId: string;
  criteria?: Criteria;
  references?: Reference[];
}): Promise<ReferenceNames> {
  const references = options.references ?? (options.criteria ? collectReferences(options.criteria) : []);
  const names = emptyNames();
  const kinds = [...new Set(references.map((r) => r.kind))];
  await Promise.all(
    kinds.map(async (kind) => {
      const ids = [...new Set(references.filter((r) => r.kind === kind).map((r) => r.id))];
      const { table, name, extra = "" } = TABLES[kind];
      const rows = await pgQuery<{ id: string; name: string }>(
        options.db,
        `SELECT "id", ${name} AS "name" FROM "${table}" WHERE "accountId" = $1::uuid AND "id" = ANY($2::uuid[]) ${extra}`,
        [options.accountId, ids],
      );
      for (const row of rows) names[kind].set(row.id, row.name);
    }),
  );
  return names;
}

export function emptyNames(): ReferenceNames {
  return {
    webinar: new Map(),
    connector: new Map(),
    program: new Map(),
    list: new Map(),
    tag: new Map(),
    form: new Map(),
    campaign: new Map(),
  };
}
