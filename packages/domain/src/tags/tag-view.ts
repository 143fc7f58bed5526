export interface TagView {
  id: string;
  name: string;
  prospectCount: number;
  createdAt: Date;
}

export const TAG_VIEW_SELECT = {
  id: true,
  name: true,
  createdAt: true,
  _count: { select: { prospects: true } },
} as const;

export function toTagView(tag: { id: string; name: string; createdAt: Date; _count: { prospects: number } }): TagView {
  return { id: tag.id, name: tag.name, prospectCount: tag._count.prospects, createdAt: tag.createdAt };
}
