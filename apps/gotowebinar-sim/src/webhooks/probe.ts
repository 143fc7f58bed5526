import { ApiError, badRequest } from "../errors";

const PROBE_TIMEOUT_MS = 5000;

/** GoTo validates a callback URL with a GET that must answer 200 OK (§6). */
export async function probeCallbackUrl(url: unknown, requireHttps: boolean): Promise<string> {
  if (typeof url !== "string" || url === "") throw badRequest("callbackUrl is required");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest(`callbackUrl is not a URL: ${JSON.stringify(url)}`);
  }
  const allowed = requireHttps ? ["https:"] : ["https:", "http:"];
  if (!allowed.includes(parsed.protocol)) {
    throw badRequest(`callbackUrl must be an ${requireHttps ? "https" : "http(s)"} URL, got ${JSON.stringify(url)}`);
  }
  let status: number;
  try {
    const response = await fetch(url, { method: "GET", signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    status = response.status;
    await response.body?.cancel();
  } catch (error) {
    throw new ApiError(
      400,
      "InvalidCallbackUrl",
      `The callback URL ${url} could not be reached for validation: ${(error as Error).message}`,
    );
  }
  if (status !== 200) {
    throw new ApiError(
      400,
      "InvalidCallbackUrl",
      `The callback URL ${url} answered ${status} to the validation GET; 200 is required`,
    );
  }
  return url;
}
