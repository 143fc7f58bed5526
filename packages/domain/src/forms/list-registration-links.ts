import type { Db } from "@gw/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RegistrationLink {
  requestId: string;
  webinarId: string;
  /** The personal join link GoTo returned; null until GoTo has the registrant. */
  joinUrl: string | null;
}

/** The join links of a submission's registration requests, in the order given. */
export async function listRegistrationLinks(options: {
  db: Pick<Db, "registrationRequest">;
  requestIds: string[];
  /** Only requests of this form's submissions (a link shared from one form opens nothing of another). */
  formId?: string;
}): Promise<RegistrationLink[]> {
  if (options.requestIds.length === 0) return [];
  const rows = await options.db.registrationRequest.findMany({
    where: {
      id: { in: options.requestIds.filter((id) => UUID.test(id)) },
      ...(options.formId ? { submission: { formId: options.formId } } : {}),
    },
    select: { id: true, webinarId: true, joinUrl: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return options.requestIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ requestId: row.id, webinarId: row.webinarId, joinUrl: row.joinUrl }] : [];
  });
}
