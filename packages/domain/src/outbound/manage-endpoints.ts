import type { Db } from "@gw/db";
import { notFound } from "../errors/index";
import type { SecretBox } from "../security/secret-box";
import { checkEndpointUrl, checkEventTypes, newEndpointSecret } from "./endpoint-input";
import { ENDPOINT_VIEW_SELECT, type EndpointView } from "./endpoint-view";

type EndpointDb = Pick<Db, "outboundEndpoint">;

export interface EndpointInput {
  url: string;
  description?: string | null;
  eventTypes?: string[];
}

export interface CreateEndpointOptions {
  db: EndpointDb;
  secretBox: SecretBox;
  allowPrivateUrls: boolean;
  accountId: string;
  input: EndpointInput;
}

/** Adds a receiver; the answer carries its signing secret (also readable later by admins). */
export async function createEndpoint(options: CreateEndpointOptions): Promise<EndpointView & { secret: string }> {
  const { db, input } = options;
  const url = await checkEndpointUrl(input.url, options.allowPrivateUrls);
  const secret = newEndpointSecret();
  const row = await db.outboundEndpoint.create({
    data: {
      accountId: options.accountId,
      url,
      description: input.description?.trim() || null,
      eventTypes: checkEventTypes(input.eventTypes ?? []),
      secretEnc: options.secretBox.encrypt(secret),
    },
    select: ENDPOINT_VIEW_SELECT,
  });
  return { ...row, secret };
}

export async function listEndpoints(options: { db: EndpointDb; accountId: string }): Promise<EndpointView[]> {
  return options.db.outboundEndpoint.findMany({
    where: { accountId: options.accountId },
    orderBy: { createdAt: "asc" },
    select: ENDPOINT_VIEW_SELECT,
  });
}

export interface EndpointRef {
  db: EndpointDb;
  accountId: string;
  endpointId: string;
}

export async function getEndpoint(options: EndpointRef): Promise<EndpointView> {
  const row = await options.db.outboundEndpoint.findFirst({
    where: { id: options.endpointId, accountId: options.accountId },
    select: ENDPOINT_VIEW_SELECT,
  });
  if (!row) throw notFound("Endpoint", options.endpointId);
  return row;
}

export async function getEndpointSecret(options: EndpointRef & { secretBox: SecretBox }): Promise<string> {
  const row = await options.db.outboundEndpoint.findFirst({
    where: { id: options.endpointId, accountId: options.accountId },
    select: { secretEnc: true },
  });
  if (!row) throw notFound("Endpoint", options.endpointId);
  return options.secretBox.decrypt(row.secretEnc);
}

/** A new signing secret, effective for the next delivery (receivers must switch at once). */
export async function rotateEndpointSecret(options: EndpointRef & { secretBox: SecretBox }): Promise<string> {
  const secret = newEndpointSecret();
  const { count } = await options.db.outboundEndpoint.updateMany({
    where: { id: options.endpointId, accountId: options.accountId },
    data: { secretEnc: options.secretBox.encrypt(secret) },
  });
  if (count === 0) throw notFound("Endpoint", options.endpointId);
  return secret;
}

/** Changes URL, description, types or state; enabling again clears the disabled notice. */
export async function updateEndpoint(
  options: EndpointRef & { allowPrivateUrls: boolean; input: Partial<EndpointInput> & { enabled?: boolean } },
): Promise<EndpointView> {
  const { input } = options;
  const current = await getEndpoint(options);
  const data: Record<string, unknown> = {};
  if (input.url !== undefined) data.url = await checkEndpointUrl(input.url, options.allowPrivateUrls);
  if (input.description !== undefined) data.description = input.description?.trim() || null;
  if (input.eventTypes !== undefined) data.eventTypes = checkEventTypes(input.eventTypes);
  if (input.enabled === true && !current.enabled)
    Object.assign(data, { enabled: true, disabledReason: null, disabledAt: null, failingSince: null });
  if (input.enabled === false && current.enabled)
    Object.assign(data, { enabled: false, disabledReason: "Disabled by an admin.", disabledAt: new Date() });
  return options.db.outboundEndpoint.update({ where: { id: options.endpointId }, data, select: ENDPOINT_VIEW_SELECT });
}

export async function deleteEndpoint(options: EndpointRef): Promise<void> {
  const { count } = await options.db.outboundEndpoint.deleteMany({
    where: { id: options.endpointId, accountId: options.accountId },
  });
  if (count === 0) throw notFound("Endpoint", options.endpointId);
}
