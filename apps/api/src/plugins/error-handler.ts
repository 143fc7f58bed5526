import { isDatabaseUnavailable } from "@gw/db";
import { DomainError, type DomainErrorCode } from "@gw/domain";
import type { FastifyError } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { App } from "../app";
import { errorBodyOf } from "./error-body";

const STATUS: Record<DomainErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  GONE: 410,
  CONFLICT: 409,
  PRECONDITION: 422,
  RATE_LIMITED: 429,
  UPSTREAM: 502,
  UNAVAILABLE: 503,
};

/** Seconds a 503 asks the caller to wait before retrying (Postgres restarting, pool exhausted). */
export const RETRY_AFTER_SECONDS = 10;

/** The HTTP status of an error: the one status table, used by every error handler. */
export function statusOf(error: unknown): number {
  if (hasZodFastifySchemaValidationErrors(error)) return 400;
  if (error instanceof DomainError) return STATUS[error.code];
  if (isDatabaseUnavailable(error)) return 503;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === "number" && status >= 400 && status < 500 ? status : 500;
}

/**
 * The one place errors become HTTP: `{ statusCode, error, message, reqId }`. A 4xx says what to
 * fix (naming the field); a 5xx tells the caller nothing internal and is logged with context.
 */
export function registerErrorHandler(app: App) {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request, reply) => {
    const statusCode = statusOf(error);
    let message = "Something went wrong on our side; the error has been logged.";
    let fields: { field: string; message: string }[] | undefined;

    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      fields = error.validation.map((issue) => ({
        field: [
          where,
          ...String(issue.instancePath || "")
            .split("/")
            .filter(Boolean),
        ].join("."),
        message: issue.message ?? "is invalid",
      }));
      message = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
    } else if (error instanceof DomainError) {
      message = error.message;
      if (error.details.field) fields = [{ field: error.details.field, message: error.message }];
    } else if (statusCode === 503) {
      message = "The database cannot be reached right now. Try again shortly.";
    } else if (statusCode < 500) {
      message = error.message;
    }

    if (statusCode >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ statusCode, message }, "request refused");
    if (statusCode === 503) reply.header("retry-after", String(RETRY_AFTER_SECONDS));

    return reply.status(statusCode).send(errorBodyOf(request, statusCode, message, fields));
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBodyOf(request, 404, `No route for ${request.method} ${request.url.split("?")[0]}`)),
  );
}
