import { beforeEach, describe, expect, it } from "vitest";
import { GotoInputError, type GotoLogger, GotoNotFoundError, GotoTimeoutError } from "../../src/index";
import { DAY_MINUTES, useScenarioHarness } from "./harness";

const { h, scenario } = useScenarioHarness({
  webinars: [{ subject: "Raw", startsInMinutes: 3 * DAY_MINUTES, registrants: 2 }],
});

const webinarKey = () => scenario.webinars[0]!.webinarKey;

beforeEach(async () => {
  await h.sim.control.clearFaults();
  await h.sim.control.clearRequests();
});

describe("rawRequest", () => {
  it("GETs JSON with query parameters, filling {organizerKey}, keys beyond 2^53 kept exact", async () => {
    const response = await h.client.rawRequest({
      method: "GET",
      path: `/organizers/{organizerKey}/webinars/${webinarKey()}`,
      query: [{ key: "unused", value: "1" }],
      headers: { "User-Agent": "curl/7.64.1" },
    });
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("application/json");
    expect(response.data).toMatchObject({ webinarKey: webinarKey(), organizerKey: scenario.organizerKey });
    const log = await h.sim.control.requests();
    expect(log.at(-1)?.query).toEqual({ unused: "1" });
  });

  it("returns text and binary bodies as asked", async () => {
    const path = `/organizers/{organizerKey}/webinars/${webinarKey()}/registrants`;
    const text = await h.client.rawRequest({ method: "GET", path, responseType: "text" });
    expect(typeof text.data).toBe("string");
    expect(text.data as string).toContain(scenario.webinars[0]!.registrantKeys[0]);
    const binary = await h.client.rawRequest({ method: "GET", path, responseType: "binary" });
    expect(binary.data).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(binary.data as Uint8Array)).toBe(text.data);
  });

  it("POSTs JSON and form-urlencoded bodies", async () => {
    const path = `/organizers/{organizerKey}/webinars/${webinarKey()}/registrants`;
    const json = await h.client.rawRequest({
      method: "POST",
      path,
      data: { firstName: "Jay", lastName: "Son", email: "json@example.com" },
    });
    expect(json.status).toBe(201);
    expect(json.data).toMatchObject({ registrantKey: expect.stringMatching(/^\d+$/), joinUrl: expect.any(String) });
    const form = await h.client.rawRequest({
      method: "POST",
      path,
      bodyType: "form-urlencoded",
      data: { firstName: "Form", lastName: "Body", email: "form@example.com" },
    });
    expect(form.status).toBe(201);
  });

  it("sends multipart form data with file data and file names", async () => {
    const error = await h.client
      .rawRequest({
        method: "POST",
        path: `/organizers/{organizerKey}/webinars/${webinarKey()}/panelists`,
        formData: [{ key: "Example Key", value: "Hello World" }],
        fileData: { "example.txt": "My File Contents" },
        fileDataFileNames: { "example.txt": "notes.txt" },
      })
      .catch((e: unknown) => e);
    // The panelists route wants JSON, so the stand-in refuses the upload; what matters is what arrived.
    expect(error).toMatchObject({ status: 400 });
    const body = String((await h.sim.control.requests()).at(-1)?.body);
    expect(body).toContain('name="Example Key"');
    expect(body).toContain("Hello World");
    expect(body).toContain('filename="notes.txt"');
    expect(body).toContain("My File Contents");
  });

  it("retries 5xx only when asked, with a fixed delay or exponential backoff", async () => {
    const path = `/organizers/{organizerKey}/webinars/${webinarKey()}`;
    await h.sim.control.addFault({ path: `/webinars/${webinarKey()}`, type: "500", count: 1 });
    await expect(h.client.rawRequest({ method: "GET", path })).rejects.toMatchObject({ status: 500 });

    await h.sim.control.addFault({ path: `/webinars/${webinarKey()}`, type: "503", count: 2 });
    const fixed = await h.client.rawRequest({ method: "GET", path, maxRetries: 2, retryDelayMs: 50 });
    expect(fixed.status).toBe(200);

    await h.sim.control.addFault({ path: `/webinars/${webinarKey()}`, type: "500", count: 2 });
    const backoff = await h.client.rawRequest({ method: "GET", path, maxRetries: 3, useExponentialBackoff: true });
    expect(backoff.status).toBe(200);
  });

  it("retries 4xx only with retryOnAllErrors", async () => {
    const path = "/organizers/{organizerKey}/webinars/1234567890123456789";
    await expect(h.client.rawRequest({ method: "GET", path, maxRetries: 2 })).rejects.toBeInstanceOf(GotoNotFoundError);
    expect(await h.sim.control.requests()).toHaveLength(1);
    await h.sim.control.clearRequests();
    await expect(
      h.client.rawRequest({ method: "GET", path, maxRetries: 2, retryDelayMs: 10, retryOnAllErrors: true }),
    ).rejects.toBeInstanceOf(GotoNotFoundError);
    expect(await h.sim.control.requests()).toHaveLength(3);
  });

  it("honours its timeout", async () => {
    await h.sim.control.addFault({ path: `/webinars/${webinarKey()}`, type: "slow", delayMs: 1_000 });
    await expect(
      h.client.rawRequest({
        method: "GET",
        path: `/organizers/{organizerKey}/webinars/${webinarKey()}`,
        timeoutMs: 200,
      }),
    ).rejects.toBeInstanceOf(GotoTimeoutError);
  });

  it("refuses absolute URLs so the token never leaves the API host", async () => {
    await expect(h.client.rawRequest({ method: "GET", path: "https://evil.example.com/steal" })).rejects.toBeInstanceOf(
      GotoInputError,
    );
    await expect(h.client.rawRequest({ method: "GET", path: "//evil.example.com/steal" })).rejects.toBeInstanceOf(
      GotoInputError,
    );
  });

  it("debug logging shows method, path and status but never the token", async () => {
    const lines: string[] = [];
    const push = (obj: object, msg?: string) => lines.push(`${msg} ${JSON.stringify(obj)}`);
    const log: GotoLogger = { debug: push, info: push, warn: push, error: push };
    const token = h.tokenSet.accessToken;
    await h.makeClient({ log }).rawRequest({
      method: "GET",
      path: `/organizers/{organizerKey}/webinars/${webinarKey()}`,
      headers: { Authorization: `Bearer ${token}` },
      debug: true,
    });
    const all = lines.join("\n");
    expect(all).toContain(`/webinars/${webinarKey()}`);
    expect(all).toContain('"status":200');
    expect(all).not.toContain(token);
    expect(all).not.toContain(h.tokenSet.refreshToken!);
  });
});
