import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, type TestApi } from "./helpers";

type Operation = { summary?: string; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const METHODS = ["get", "put", "post", "patch", "delete", "head"];
const WRITES = new Set(["put", "post", "patch", "delete"]);

function operations(doc: Document) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, method, operation })),
  );
}

describe("the served OpenAPI document", () => {
  let api: TestApi;
  let doc: Document;

  beforeAll(async () => {
    api = await createTestApi("openapi-valid");
    const response = await api.app.inject({ method: "GET", url: "/docs/json" });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(() => api?.close());

  it("is valid OpenAPI 3.1 for a standard validator", async () => {
    expect(doc.openapi).toBe("3.1.0");
    // Validates against the OpenAPI 3.1 schema and resolves every $ref; throws on the first error.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it("gives every operation a summary", () => {
    const missing = operations(doc)
      .filter(({ operation }) => !operation.summary?.trim())
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it("documents the 4xx answers of every write, each with the one error body", () => {
    const writesWithout4xx = operations(doc)
      .filter(({ method }) => WRITES.has(method))
      .filter(({ operation }) => !Object.keys(operation.responses ?? {}).some((status) => status.startsWith("4")))
      .map(({ name }) => name);
    expect(writesWithout4xx).toEqual([]);

    const notErrorBody = operations(doc).flatMap(({ name, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([status]) => status.startsWith("4"))
        .filter(([, response]) => {
          const schema = Object.values(response.content ?? {})[0]?.schema as
            | { properties?: Record<string, unknown>; required?: string[] }
            | undefined;
          return !["statusCode", "error", "message", "reqId"].every((key) => schema?.required?.includes(key));
        })
        .map(([status]) => `${name} ${status}`),
    );
    expect(notErrorBody).toEqual([]);
  });
});
