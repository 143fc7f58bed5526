import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import type { SecretBox } from "../security/secret-box";
import { checkEndpointUrl, checkEventTypes, newEndpointSecret } from "./endpoint-input";
import { ENDPOINT_VIEW_SELECT, type EndpointView } from "./endpoint-view";

export interface EndpointDeps {
  db: Pick<Db, "outboundEndpoint">;
  secretBox: SecretBox;
  allowPrivateUrls: boolean;
}

export interface EndpointInput {
  url: string;
  description?: string | null;
  eventTypes?: string[];
}

/** Adds a receiver; the answer carries its signing secret (also readable later by admins). */
export async function createEndpoint(
  deps: EndpointDeps,
  accountId: string,
  input: EndpointInput,
): Promise<EndpointView & { secret: string }> {
  const url = await checkEndpointUrl(input.url, deps.allowPrivateUrls);
  const secret = newEndpointSecret();
  const row = await deps.db.outboundEndpoint.create({
    data: {
      accountId,
      url,
      description: input.description?.trim() || null,
      eventTypes: checkEventTypes(input.eventTypes ?? []),
      secretEnc: deps.secretBox.encrypt(secret),
    },
    select: ENDPOINT_VIEW_SELECT,
  });
  return { ...row, secret };
}

export async function listEndpoints(db: Pick<Db, "outboundEndpoint">, accountId: string): Promise<EndpointView[]> {
  return db.outboundEndpoint.findMany({
    where: { accountId },
    orderBy: { createdAt: "asc" },
    select: ENDPOINT_VIEW_SELECT,
  });
}

export async function getEndpoint(db: Pick<Db, "outboundEndpoint">, accountId: string, endpointId: string) {
  const row = await db.outboundEndpoint.findFirst({
    where: { id: endpointId, accountId },
    select: ENDPOINT_VIEW_SELECT,
  });
  if (!row) throw notFound("Endpoint", endpointId);
  return row;
}

export async function getEndpointSecret(
  deps: Omit<EndpointDeps, "allowPrivateUrls">,
  accountId: string,
  endpointId: string,
) {
  const row = await deps.db.outboundEndpoint.findFirst({
    where: { id: endpointId, accountId },
    select: { secretEnc: true },
  });
  if (!row) throw notFound("Endpoint", endpointId);
  return deps.secretBox.decrypt(row.secretEnc);
}

/** Changes URL, description, types or state; enabling again clears the disabled notice. */
export async function updateEndpoint(
  deps: EndpointDeps,
  accountId: string,
  endpointId: string,
  input: Partial<EndpointInput> & { enabled?: boolean },
): Promise<EndpointView> {
  const current = await getEndpoint(deps.db, accountId, endpointId);
  const data: Record<string, unknown> = {};
  if (input.url !== undefined) data.url = await checkEndpointUrl(input.url, deps.allowPrivateUrls);
  if (input.description !== undefined) data.description = input.description?.trim() || null;
  if (input.eventTypes !== undefined) data.eventTypes = checkEventTypes(input.eventTypes);
  if (input.enabled === true && !current.enabled)
    Object.assign(data, { enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
  if (input.enabled === false && current.enabled)
    Object.assign(data, { enabled: false, disabledReason: "Disabled by an admin.", disabledAt: new Date() });
  return deps.db.outboundEndpoint.update({ where: { id: endpointId }, data, select: ENDPOINT_VIEW_SELECT });
}

export async function deleteEndpoint(db: Pick<Db, "outboundEndpoint">, accountId: string, endpointId: string) {
  const { count } = await db.outboundEndpoint.deleteMany({ where: { id: endpointId, accountId } });
  if (count === 0) throw notFound("Endpoint", endpointId);
}
