import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import type { App } from "../app";
import { addOperationExamples, sortComponents } from "./openapi-examples";

/** The route schemas drive validation, serialisation and this OpenAPI document alike. */
export async function registerOpenApi(app: App, publicUrl: string) {
  await app.register(swagger, {
    openapi: {
      // 3.1: its schemas are JSON Schema 2020-12, what Zod emits (nullable as a type union), so
      // route schemas and components are converted the same way.
      openapi: "3.1.0",
      info: {
        title: "Webinar Sync API",
        description: "GoTo Webinar marketing-automation sync service",
        version: "0.1.0",
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "gw_session" },
          apiToken: {
            type: "http",
            scheme: "bearer",
            description:
              "An account API token (Settings > API tokens). Each operation lists the scope it needs: read for GET, write for changes.",
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Schemas named with `.meta({ id })` become components that the paths reference; the main
    // resources' operations get the contract's examples.
    transformObject: (documentObject) =>
      addOperationExamples(sortComponents(jsonSchemaTransformObject(documentObject))),
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
}
