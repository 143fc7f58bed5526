import type { Db } from "@gw/db";
import { notFound } from "../errors/index";

/** Everything held on one prospect (access requests), as one JSON document. */
export async function exportProspect(options: { db: Db; accountId: string; prospectId: string }) {
  const { db, accountId, prospectId } = options;
  const prospect = await db.prospect.findFirst({
    where: { id: prospectId, accountId },
    include: {
      campaign: { select: { id: true, name: true } },
      mergedFrom: { select: { id: true, email: true, createdAt: true } },
      registrations: {
        include: { webinar: { select: { id: true, webinarKey: true, subject: true, startsAt: true } } },
      },
      activities: { orderBy: { occurredAt: "asc" } },
      submissions: { include: { form: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
      requests: {
        select: { id: true, webinarId: true, status: true, payload: true, createdAt: true, completedAt: true },
      },
      lists: { include: { list: { select: { id: true, name: true } } } },
      tags: { include: { tag: { select: { id: true, name: true } } } },
    },
  });
  if (!prospect) throw notFound("Prospect", prospectId);
  const [changes, listHistory] = await Promise.all([
    db.changeEvent.findMany({ where: { prospectId }, orderBy: { id: "asc" } }),
    // Every join and leave of a dynamic list, kept as long as the list (a static list keeps its
    // current members, above): lists' change events exist only while an endpoint wants them, and
    // every change event expires.
    db.listMembershipChange.findMany({
      where: { prospectId, list: { accountId } },
      select: { joined: true, at: true, list: { select: { id: true, name: true } } },
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    exportedAt: new Date(),
    prospect,
    listHistory,
    events: changes.map((c) => ({ id: `evt_${c.id}`, type: c.type, occurredAt: c.occurredAt, data: c.data })),
  };
}
