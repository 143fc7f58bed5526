import { OPERATION_EXAMPLES } from "@gw/api-contract/examples";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../src/openapi-document";
import { addOperationExamples } from "../src/plugins/openapi-examples";

type Media = { schema?: object; example?: unknown; examples?: Record<string, { value?: unknown }> };
type Operation = {
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components?: object };

/** The main resources an integrator meets first: each shows what to send and what comes back. */
const MAIN_OPERATIONS = {
  "GET /api/reports/webinars": ["200"],
  "GET /api/reports/webinars/{id}/prospects": ["200"],
  "POST /api/reports/webinars/{id}/prospects/actions": ["request", "200"],
  "GET /api/prospects": ["200"],
  "GET /api/prospects/{id}": ["200"],
  "GET /api/lists": ["200"],
  "POST /api/lists": ["request", "201"],
  "POST /api/forms": ["request", "201"],
  "POST /f/{formId}": ["request", "200"],
  "GET /api/connectors": ["200"],
  "POST /api/connectors": ["request", "201"],
  "GET /api/tokens": ["200"],
  "POST /api/tokens": ["request", "201"],
};

// The document's components, addressable from the schemas compiled one by one.
const DOCUMENT_ID = "https://webinar-sync.invalid/openapi.json";

let doc: Document;
let ajv: Ajv2020;

beforeAll(async () => {
  doc = (await buildOpenApiDocument()) as unknown as Document;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: DOCUMENT_ID, components: doc.components });
}, 120_000);

function validator(schema: object) {
  const rooted = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`));
  return ajv.compile(rooted);
}

/** Every example on a media type of the document, with the schema it illustrates. */
function documentExamples() {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, operation]) => {
      const media = [
        ...Object.entries(operation.requestBody?.content ?? {}).map(([type, m]) => ({ at: `request ${type}`, m })),
        ...Object.entries(operation.responses ?? {}).flatMap(([status, response]) =>
          Object.entries(response.content ?? {}).map(([type, m]) => ({ at: `${status} ${type}`, m })),
        ),
      ];
      return media.flatMap(({ at, m }) => [
        ...(m.example !== undefined
          ? [{ name: `${method.toUpperCase()} ${path} ${at}`, schema: m.schema, value: m.example }]
          : []),
        ...Object.entries(m.examples ?? {}).map(([key, { value }]) => ({
          name: `${method.toUpperCase()} ${path} ${at} (${key})`,
          schema: m.schema,
          value,
        })),
      ]);
    }),
  );
}

describe("the OpenAPI document's examples", () => {
  it("show a request and an answer for each main resource", () => {
    const missing = Object.entries(MAIN_OPERATIONS).flatMap(([key, wanted]) => {
      const [method = "", path = ""] = key.split(" ");
      const operation = doc.paths[path]?.[method.toLowerCase()];
      return wanted
        .filter((what) => {
          const content = what === "request" ? operation?.requestBody?.content : operation?.responses?.[what]?.content;
          return content?.["application/json"]?.example === undefined;
        })
        .map((what) => `${key} ${what}`);
    });
    expect(missing).toEqual([]);
  });

  it("each validate against the schema they stand beside", () => {
    const examples = documentExamples();
    expect(examples.length).toBeGreaterThanOrEqual(
      Object.values(OPERATION_EXAMPLES).reduce(
        (n, e) => n + (e.request ? 1 : 0) + Object.keys(e.responses ?? {}).length,
        0,
      ),
    );
    const invalid = examples.flatMap(({ name, schema, value }) => {
      const validate = validator(schema ?? {});
      return validate(value) ? [] : [{ name, errors: ajv.errorsText(validate.errors) }];
    });
    expect(invalid).toEqual([]);
  });

  it("would be caught lying: a missing, an unknown or a mistyped field fails", () => {
    const media = doc.paths["/api/reports/webinars"]?.get?.responses?.["200"]?.content?.["application/json"];
    const validate = validator(media?.schema ?? {});
    const page = structuredClone(media?.example) as { items: Record<string, unknown>[] };
    expect(validate(page)).toBe(true);
    const row = page.items[0]!;
    for (const broken of [
      { ...row, registered: undefined },
      { ...row, attendees: 3 },
      { ...row, startsAt: "last Tuesday" },
      { ...row, status: "FINISHED" },
    ])
      expect(validate({ ...page, items: [JSON.parse(JSON.stringify(broken))] })).toBe(false);
  });

  it("refuses an example for an operation or status the document lacks", () => {
    const copy = structuredClone(doc);
    expect(() => addOperationExamples(copy, { "GET /api/nowhere": { responses: { 200: {} } } })).toThrow(
      /no such operation/,
    );
    expect(() => addOperationExamples(copy, { "GET /api/lists": { responses: { 418: {} } } })).toThrow(
      /GET \/api\/lists 418/,
    );
  });
});
