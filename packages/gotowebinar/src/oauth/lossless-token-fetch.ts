import { parseJsonLossless } from "../http/json";
import { isRecord, keyOf } from "../http/values";

/** Token-response fields that are 64-bit keys (legacy GoTo token responses carry them). */
const KEY_FIELDS = ["organizer_key", "account_key"] as const;

/**
 * openid-client parses token responses with JSON.parse, which would round a 19-digit
 * organizer_key. This fetch wrapper re-reads a successful JSON answer losslessly and rewrites
 * the key fields as strings before openid-client sees it.
 */
export function losslessTokenFetch(baseFetch: typeof globalThis.fetch) {
  return async (url: string, init: RequestInit): Promise<Response> => {
    const response = await baseFetch(url, init);
    if (!response.ok || !(response.headers.get("content-type") ?? "").includes("json")) return response;
    const text = await response.text();
    let body: unknown;
    try {
      body = parseJsonLossless(text);
    } catch {
      return rebuild(response, text);
    }
    if (isRecord(body)) {
      for (const field of KEY_FIELDS) if (body[field] !== undefined) body[field] = keyOf(body[field]);
    }
    return rebuild(response, JSON.stringify(body));
  };
}

function rebuild(response: Response, text: string): Response {
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  return new Response(text, { status: response.status, statusText: response.statusText, headers });
}
