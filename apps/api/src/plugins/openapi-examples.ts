import { OPERATION_EXAMPLES, type OperationExamples } from "@gw/api-contract/examples";

type Media = { schema?: unknown; example?: unknown };
type Operation = {
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
};
type Document = {
  paths?: Record<string, Record<string, Operation | undefined> | undefined>;
  components?: { schemas?: Record<string, unknown> };
};

function jsonMedia(content: Record<string, Media> | undefined, where: string): Media {
  const media = content?.["application/json"];
  // A typo in the table or a renamed route must not silently drop an example from the document.
  if (!media) throw new Error(`OpenAPI example for ${where}: the document has no application/json body there`);
  return media;
}

/**
 * Puts the contract's request and response examples on the media types of their operations, where
 * Swagger UI and code generators look for them (`example` next to `schema`, which may be a $ref).
 */
export function addOperationExamples<D>(
  document: D,
  examples: Record<string, OperationExamples> = OPERATION_EXAMPLES,
): D {
  const paths = (document as Document).paths ?? {};
  for (const [key, { request, responses }] of Object.entries(examples)) {
    const [method = "", path = ""] = key.split(" ");
    const operation = paths[path]?.[method.toLowerCase()];
    if (!operation) throw new Error(`OpenAPI example for ${key}: no such operation`);
    if (request !== undefined) jsonMedia(operation.requestBody?.content, `${key} request`).example = request;
    for (const [status, example] of Object.entries(responses ?? {}))
      jsonMedia(operation.responses?.[status]?.content, `${key} ${status}`).example = example;
  }
  return document;
}

/**
 * Component schemas by name. They would come in the order their Zod schemas were first loaded,
 * which moves whenever a module's imports do, and the SDK's generated types with it.
 */
export function sortComponents<D>(document: D): D {
  const components = (document as Document).components;
  if (components?.schemas)
    components.schemas = Object.fromEntries(
      Object.entries(components.schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  return document;
}
