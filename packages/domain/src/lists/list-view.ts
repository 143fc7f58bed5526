export interface ListView {
  id: string;
  name: string;
  /** STATIC: members added by hand, forms and rules. DYNAMIC: members are the criteria's matches. */
  kind: "STATIC" | "DYNAMIC";
  memberCount: number;
  createdAt: Date;
  /** DYNAMIC only: the criteria tree, and when members were last fully re-evaluated. */
  criteria?: unknown;
  evaluatedAt?: Date | null;
  /** DYNAMIC only, on a single list: the criteria in words. */
  description?: string;
}

export const LIST_VIEW_SELECT = {
  id: true,
  name: true,
  kind: true,
  criteria: true,
  evaluatedAt: true,
  createdAt: true,
  _count: { select: { members: true } },
} as const;

export function toListView(list: {
  id: string;
  name: string;
  kind: "STATIC" | "DYNAMIC";
  criteria: unknown;
  evaluatedAt: Date | null;
  createdAt: Date;
  _count: { members: number };
}): ListView {
  return {
    id: list.id,
    name: list.name,
    kind: list.kind,
    memberCount: list._count.members,
    createdAt: list.createdAt,
    ...(list.kind === "DYNAMIC" ? { criteria: list.criteria, evaluatedAt: list.evaluatedAt } : {}),
  };
}
