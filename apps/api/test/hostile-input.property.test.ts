import { pgQuery } from "@gw/db";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { type FormsEnv, startFormsEnv } from "./forms-harness";

// Issue 19: no input answers 5xx, and a refused request changes nothing. Walks every route the
// API registers and throws hostile strings (NUL, lone surrogates, huge, markup), numbers,
// arrays, objects and deep nesting at its params, query and body, as a logged-in admin.
let env: FormsEnv;
let realIds: string[] = [];
const RUNS = Number(process.env.HOSTILE_RUNS ?? 12);

// Routes that end the test's own session or serve no JSON contract.
const SKIPPED = [/^\/api\/auth\/logout$/, /^\/docs/, /^\/admin\/queues/, /^\/\*$/, /^\/assets/, /^\/$/];

beforeAll(async () => {
  env = await startFormsEnv("hostile", {
    env: { FORM_REGISTRATION_WAIT_MS: "0", FORM_RATE_LIMIT_PER_MINUTE: "1000000" },
  });
  const webinar = await env.createWebinar();
  const form = await env.api.app.inject({
    method: "POST",
    url: "/api/forms",
    headers: env.user.headers,
    payload: {
      name: "Hostile",
      fields: [{ name: "email" }],
      completionActions: [{ type: "REGISTER_WEBINAR", webinarId: webinar.id }],
    },
  });
  const list = await env.api.deps.db.list.create({ data: { accountId: env.user.accountId, name: "Hostile list" } });
  const prospect = await env.api.deps.db.prospect.create({
    data: { accountId: env.user.accountId, email: "hostile@example.com", source: "FORM" },
  });
  realIds = [webinar.id, list.id, prospect.id, env.connector.id, form.json().id].filter(Boolean);
});
afterAll(async () => env?.close());

/** Every table's content, hashed: equal before and after means the request stored nothing. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await pgQuery<{ name: string }>(
    env.api.deps.db,
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('_prisma_migrations', 'UserSession')`,
    [],
  );
  const sql = tables
    .map(
      ({ name }) =>
        `SELECT '${name}' AS name, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM "${name}" t`,
    )
    .join(" UNION ALL ");
  const rows = await pgQuery<{ name: string; hash: string }>(env.api.deps.db, sql, []);
  return Object.fromEntries(rows.map((row) => [row.name, row.hash]));
}

const hostileString = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDC00y",
    "\uDBFF\uDBFF",
    "",
    "   ",
    `'; DROP TABLE "Prospect"; --`,
    "<script>alert(1)</script>",
    "%00",
    "../../etc/passwd",
    "\u202Eevil",
    "😀".repeat(300),
    "\uFEFF",
    "x".repeat(100_000),
    "2026-13-45T99:99:99Z",
    "NaN",
    "-1",
    "1e309",
  ),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 2 ** 31, -(2 ** 31) - 1, 0.5, 1e-300, -0),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const deep = fc.integer({ min: 50, max: 2_000 }).map((depth) => JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`));
const { value: hostileValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    deep,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom("__proto__", "constructor", "prototype")), tie("value"), {
      maxKeys: 4,
    }),
  ),
}));

/** Keys a Zod object schema declares (its shape), so hostile values land on real fields. */
function keysOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, ZodType> } | undefined)?.shape;
  return shape && typeof shape === "object" ? Object.keys(shape) : [];
}

/** Percent-encodes any string, lone surrogates included (encodeURIComponent throws on those). */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((c) => (c.length === 1 && c >= "\uD800" && c <= "\uDFFF" ? "%ED%A0%80" : encodeURIComponent(c)))
      .join("");
  }
}

function routes() {
  return env.api.app.routeTable.filter(
    (route) => route.method !== "HEAD" && route.method !== "OPTIONS" && !SKIPPED.some((re) => re.test(route.url)),
  );
}

describe("hostile input at every route", () => {
  it("walks a route table with the API's routes", () => {
    expect(routes().length).toBeGreaterThan(40);
  });

  it("never answers 5xx, and a refused request stores nothing", async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const queryKeys = keysOf(route.schema?.querystring);
      const bodyKeys = keysOf(route.schema?.body);
      const input = fc.record({
        params: fc.tuple(
          ...paramNames.map(() => fc.oneof(fc.constantFrom(...realIds), fc.uuid(), hostileString)),
          fc.constant(""),
        ),
        query: fc.dictionary(
          fc.oneof(fc.constantFrom(...(queryKeys.length ? queryKeys : ["q"])), hostileString),
          fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 })),
          { maxKeys: 4 },
        ),
        body: fc.oneof(
          // Every field the schema declares, each a hostile string: what reaches the handlers.
          {
            weight: 3,
            arbitrary: fc.record(
              Object.fromEntries((bodyKeys.length ? bodyKeys : ["name"]).map((k) => [k, hostileString])),
            ),
          },
          {
            weight: 3,
            arbitrary: fc.dictionary(
              fc.oneof(fc.constantFrom(...(bodyKeys.length ? bodyKeys : ["name"])), hostileString),
              hostileValue,
              { maxKeys: 6 },
            ),
          },
          { weight: 1, arbitrary: hostileValue },
        ),
      });
      await fc
        .assert(
          fc.asyncProperty(input, async ({ params, query, body }) => {
            let url = route.url;
            paramNames.forEach((name, i) => {
              url = url.replace(`:${name}`, encode(String(params[i])));
            });
            const search = Object.entries(query)
              .flatMap(([key, value]) => [value].flat().map((v) => `${encode(key)}=${encode(String(v))}`))
              .join("&");
            const before = await snapshot();
            const isWebhook = route.url.startsWith("/webhooks/");
            const res = await env.api.app.inject({
              method: route.method as "GET",
              url: search ? `${url}?${search}` : url,
              headers: { ...env.user.headers, "content-type": "application/json", accept: "application/json" },
              ...(route.method === "GET" || route.method === "DELETE" ? {} : { payload: JSON.stringify(body) }),
            });
            const problem =
              res.statusCode >= 500
                ? `${res.statusCode}: ${res.body.slice(0, 300)}`
                : res.statusCode >= 400
                  ? Object.entries(await snapshot())
                      // A refused webhook delivery is recorded (REJECTED, with its reason) on purpose.
                      .filter(([table, hash]) => before[table] !== hash && !(table === "WebhookEvent" && isWebhook))
                      .map(([table]) => `refused with ${res.statusCode} but changed ${table}`)
                      .join(", ")
                  : "";
            if (problem) {
              failures.push(`${route.method} ${route.url} → ${problem}`);
              return false;
            }
            return true;
          }),
          { numRuns: RUNS, endOnFailure: true },
        )
        .catch(() => undefined); // collected above: one report for every route
    }
    expect(failures).toEqual([]);
  }, 900_000);
});
