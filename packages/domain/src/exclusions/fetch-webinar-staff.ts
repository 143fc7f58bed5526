import { type Db, type PgQueryDb, pgQuery } from "@gw/db";
import { type GotoClient, GotoNotFoundError } from "@gw/gotowebinar";
import type { ConnectGoto } from "../sync/sync-webinar";
import type { WebinarStaffRole } from "./exclusion-rules";
import {
  listExcludedStaffRoles,
  type RecordWebinarStaffResult,
  recordWebinarStaff,
  type WebinarStaffMember,
} from "./record-webinar-staff";
import { completeStaffFetch, WEBINARS_WITHOUT_STAFF_SYNC } from "./staff-fetch-outbox";

export type StaffClient = Pick<GotoClient, "listPanelists" | "listCoorganizers">;

/** A webinar's people of `roles` as GoTo lists them now: one request per role. */
export async function fetchStaff(
  goto: StaffClient,
  organizerKey: string | undefined,
  webinarKey: string,
  roles: readonly WebinarStaffRole[],
): Promise<WebinarStaffMember[]> {
  const [panelists, coorganizers] = await Promise.all([
    roles.includes("PANELIST") ? goto.listPanelists({ organizerKey, webinarKey }) : [],
    roles.includes("CO_ORGANIZER") ? goto.listCoorganizers({ organizerKey, webinarKey }) : [],
  ]);
  return [
    ...panelists.map((p) => ({ role: "PANELIST" as const, email: p.email, name: p.name })),
    ...coorganizers.map((c) => ({
      role: "CO_ORGANIZER" as const,
      email: c.email,
      name: [c.givenName, c.surname].filter(Boolean).join(" ") || null,
    })),
  ];
}

/**
 * The account's webinars no sync will read again (fully synced: nothing planned, not cancelled,
 * of a verified connector that was not deleted). A role rule added now reaches their staff only
 * by asking GoTo once more; webinars still polled read the lists at their next sync anyway.
 */
export async function listWebinarsWithoutStaffSync(options: { db: PgQueryDb; accountId: string }): Promise<string[]> {
  const rows = await pgQuery<{ id: string }>(options.db, WEBINARS_WITHOUT_STAFF_SYNC, [options.accountId]);
  return rows.map((r) => r.id);
}

export type FetchWebinarStaffResult =
  | { status: "skipped"; reason: string }
  | ({ status: "fetched"; roles: WebinarStaffRole[]; apiRequests: number } & RecordWebinarStaffResult);

export interface FetchWebinarStaffOptions {
  db: Db;
  webinarId: string;
  roles: readonly WebinarStaffRole[];
  connectGoto: ConnectGoto<StaffClient>;
}

/**
 * Asks GoTo for one webinar's panelists and/or co-organizers (only the roles asked for that an
 * exclusion rule still names) and applies the rules to them: the background work behind a role
 * rule added after the webinar's last sync. A webinar GoTo no longer has keeps what it had.
 * Fetched or skipped, its outbox row (WebinarStaffFetch) goes.
 */

export async function fetchWebinarStaff(options: FetchWebinarStaffOptions): Promise<FetchWebinarStaffResult> {
  const result = await fetchStaffOnce(options);
  // Done with, either way (an error leaves the row for the dispatcher to queue again).
  await completeStaffFetch({ db: options.db, webinarId: options.webinarId, roles: options.roles });
  return result;
}

async function fetchStaffOnce(options: FetchWebinarStaffOptions): Promise<FetchWebinarStaffResult> {
  const { db } = options;
  const webinar = await db.webinar.findUnique({ where: { id: options.webinarId }, include: { connector: true } });
  if (!webinar) return { status: "skipped", reason: "webinar no longer exists" };
  if (webinar.status === "CANCELLED") return { status: "skipped", reason: "webinar is cancelled" };
  const { connector } = webinar;
  if (connector.deletedAt) return { status: "skipped", reason: "connector was deleted" };
  if (connector.status !== "VERIFIED") return { status: "skipped", reason: `connector is ${connector.status}` };
  const named = await listExcludedStaffRoles({ db, accountId: webinar.accountId });
  const roles = named.filter((role) => options.roles.includes(role));
  if (roles.length === 0) return { status: "skipped", reason: "no exclusion rule names these roles any more" };

  let apiRequests = 0;
  const goto = await options.connectGoto(connector, { onRequest: () => apiRequests++ });
  let staff: WebinarStaffMember[];
  try {
    staff = await fetchStaff(goto, connector.organizerKey ?? undefined, webinar.webinarKey, roles);
  } catch (error) {
    if (error instanceof GotoNotFoundError) return { status: "skipped", reason: "GoTo no longer has the webinar" };
    throw error;
  }
  const recorded = await recordWebinarStaff({ db, accountId: webinar.accountId, webinarId: webinar.id, roles, staff });
  return { status: "fetched", roles, apiRequests, ...recorded };
}
