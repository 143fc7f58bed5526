/**
 * The domain's own errors. Domain code never imports Fastify or BullMQ: each app maps these
 * (apps/api to HTTP statuses in one error handler, apps/worker to retry / skip / fail).
 */
export type DomainErrorCode =
  | "VALIDATION"
  | "NOT_FOUND"
  /** It existed and is closed for good (an archived form). */
  | "GONE"
  | "CONFLICT"
  | "FORBIDDEN"
  | "UNAUTHORIZED"
  | "RATE_LIMITED"
  | "PRECONDITION"
  | "UPSTREAM"
  /** Our own storage cannot be reached right now: nothing was saved, try again shortly. */
  | "UNAVAILABLE";

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { field?: string; value?: unknown; retryable?: boolean } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DomainError";
  }
}

export const notFound = (what: string, id?: string) =>
  new DomainError("NOT_FOUND", id ? `${what} ${id} was not found` : `${what} was not found`);
export const invalid = (field: string, message: string, value?: unknown) =>
  new DomainError("VALIDATION", message, { field, value });
export const conflict = (message: string, field?: string) =>
  new DomainError("CONFLICT", message, field ? { field } : {});
