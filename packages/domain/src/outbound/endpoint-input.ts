import { randomBytes } from "node:crypto";
import { invalid } from "../errors/index";
import { EVENT_TYPE_PATTERN } from "../events/event-types";
import { firstPrivateAddress } from "./address-policy";

/** A new Standard Webhooks signing secret: whsec_ and 24 random bytes in base64. */
export const newEndpointSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

/** The receiver URL, checked: http(s), no credentials, and public unless private ones are allowed. */
export async function checkEndpointUrl(raw: string, allowPrivateUrls: boolean): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid("url", `"${raw}" is not a URL: give the full address, e.g. https://example.com/webhooks.`, raw);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw invalid("url", `The URL must start with https:// (or http://), not ${url.protocol}`, raw);
  if (url.username || url.password)
    throw invalid("url", "Leave credentials out of the URL: receivers verify the signature instead.", raw);
  if (!allowPrivateUrls) {
    const address = await firstPrivateAddress(url);
    if (address)
      throw invalid(
        "url",
        `${url.hostname} is (or resolves to) ${address}, a private, loopback or link-local address: events are sent to public addresses only.`,
        raw,
      );
  }
  return url.toString();
}

export function checkEventTypes(types: string[]): string[] {
  const unknown = types.filter((type) => !EVENT_TYPE_PATTERN.test(type));
  if (unknown.length > 0)
    throw invalid(
      "eventTypes",
      `Unknown event type ${unknown.map((t) => `"${t}"`).join(", ")}: see GET /api/endpoints/event-types.`,
      unknown,
    );
  return [...new Set(types)].sort();
}
