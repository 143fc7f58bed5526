import { randomUUID } from "node:crypto";
import type { FastifyError, FastifyInstance } from "fastify";
import { ApiError } from "../errors";
import { FaultError } from "../faults";
import { isControlPath, pathOf } from "./hooks";
import { sendJson } from "./reply";

/** The one place errors become HTTP: G2W shapes for the API, `{error, message}` for /_sim/. */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    const control = isControlPath(pathOf(request.url));
    if (error instanceof ApiError) {
      if (error.headers) reply.headers(error.headers);
      if (control) return sendJson(reply, error.statusCode, { error: error.errorCode, message: error.description });
      return reply
        .code(error.statusCode)
        .header("content-type", "application/json; charset=utf-8")
        .send(error.toJson());
    }
    if (error instanceof FaultError) return sendJson(reply, 400, { error: "InvalidRequest", message: error.message });
    const status =
      typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500
        ? error.statusCode
        : 500;
    if (status === 500) request.log.error({ err: error }, "unhandled error in the simulator");
    const description = status === 500 ? "Internal server error" : error.message;
    if (control)
      return sendJson(reply, status, {
        error: status === 500 ? "InternalError" : "InvalidRequest",
        message: description,
      });
    return sendJson(reply, status, {
      errorCode: status === 500 ? "InternalServerError" : "InvalidRequest",
      description,
      incident: randomUUID(),
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendJson(reply, 404, {
      errorCode: "NOT_FOUND",
      message: `No route found for ${request.method} ${pathOf(request.url)}`,
    }),
  );
}
