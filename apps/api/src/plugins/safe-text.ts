import { DomainError } from "@gw/domain";
import { findUnsafeText } from "@gw/domain/text";
import type { App } from "../app";

/**
 * Every route's params, query string and body (admin API, hosted forms, OAuth callback) are
 * refused with a 400 naming the field when a string holds NUL or an unpaired surrogate, before
 * any validation or handler runs: such text would fail in Postgres as a 500. GoTo's webhook
 * deliveries are not refused but cleaned where their JSON is parsed (a forged one fails its
 * signature anyway). Register before the routes.
 */
export function registerSafeText(app: App) {
  app.addHook("preValidation", async (request) => {
    if (request.url.startsWith("/webhooks/")) return;
    const unsafe =
      findUnsafeText(request.params, "params") ??
      findUnsafeText(request.query, "query") ??
      findUnsafeText(request.body, "body");
    if (unsafe) throw new DomainError("VALIDATION", unsafe.message, { field: unsafe.field });
  });
}
