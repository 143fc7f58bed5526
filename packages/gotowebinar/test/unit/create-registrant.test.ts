import { describe, expect, it } from "vitest";
import { createGotoClient, GotoConflictError, staticTokenSource, unlimited } from "../../src/index";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function clientAnswering(registrants: unknown[]) {
  return createGotoClient({
    apiBaseUrl: "https://api.example.test/G2W/rest/v2",
    organizerKey: "1",
    tokens: staticTokenSource("t"),
    limiter: unlimited,
    fetch: async (_url, init) =>
      init?.method === "POST"
        ? json(409, { errorCode: "DuplicateRegistrant", description: "The user is already registered" })
        : new Response(`[${registrants.join(",")}]`, { status: 200, headers: { "content-type": "application/json" } }),
  });
}

describe("createRegistrant on a 409 without a registrantKey", () => {
  it("finds the existing registrant by e-mail (case-insensitive), key exact", async () => {
    const client = clientAnswering([
      '{"registrantKey": 9223372036854775001, "email": "other@example.com"}',
      '{"registrantKey": 9223372036854775807, "email": "Ada@Example.com", "joinUrl": "https://j/1"}',
    ]);
    const result = await client.createRegistrant({
      webinarKey: "5",
      firstName: "Ada",
      lastName: "L",
      email: "ada@example.com",
    });
    expect(result).toEqual({ status: "existing", registrantKey: "9223372036854775807", joinUrl: "https://j/1" });
  });

  it("rethrows the conflict when nobody in the list has that e-mail", async () => {
    const client = clientAnswering([]);
    await expect(
      client.createRegistrant({ webinarKey: "5", firstName: "Ada", lastName: "L", email: "ada@example.com" }),
    ).rejects.toBeInstanceOf(GotoConflictError);
  });
});
