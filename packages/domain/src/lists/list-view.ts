export interface ListView {
  id: string;
  name: string;
  memberCount: number;
  createdAt: Date;
}

export const LIST_VIEW_SELECT = {
  id: true,
  name: true,
  createdAt: true,
  _count: { select: { members: true } },
} as const;

export function toListView(list: { id: string; name: string; createdAt: Date; _count: { members: number } }): ListView {
  return { id: list.id, name: list.name, memberCount: list._count.members, createdAt: list.createdAt };
}
