import type { FastifyInstance } from "fastify";
import type { SimContext } from "../context";
import { sendJson } from "../http/reply";
import type { RateLimiter } from "../rate-limit";
import { authOf, registerTokenAuth } from "../rest/auth";

/**
 * Who the token belongs to (§2.5): the SCIM-style identity endpoint (id = organizerKey,
 * accounts[0].value = accountKey) and the admin one (key/accountKey). Bad tokens get 401 here,
 * not the product API's 403.
 */
export function registerIdentityRoutes(app: FastifyInstance, ctx: SimContext, limiter: RateLimiter): void {
  void app.register(async (scope) => {
    registerTokenAuth(scope, ctx, limiter);

    scope.get("/identity/v1/Users/me", async (request, reply) => {
      const { organizer } = authOf(request);
      return sendJson(reply, 200, {
        schemas: ["urn:scim:schemas:core:1.0", "urn:scim:schemas:extension:getgo:1.0"],
        id: organizer.organizerKey,
        userName: organizer.email,
        displayName: `${organizer.firstName} ${organizer.lastName}`,
        name: { givenName: organizer.firstName, familyName: organizer.lastName },
        emails: [{ value: organizer.email, type: "work", primary: true }],
        locale: organizer.locale,
        timezone: organizer.timeZone,
        active: true,
        accounts: [{ value: organizer.accountKey, display: organizer.accountName, entitlements: ["g2w", "g2m"] }],
        "urn:scim:schemas:extension:getgo:1.0": { createTime: new Date(organizer.createTime).toISOString() },
      });
    });

    scope.get("/admin/rest/v1/me", async (request, reply) => {
      const { organizer } = authOf(request);
      return sendJson(reply, 200, {
        key: organizer.organizerKey,
        accountKey: organizer.accountKey,
        email: organizer.email,
        firstName: organizer.firstName,
        lastName: organizer.lastName,
        locale: organizer.locale,
        timeZone: organizer.timeZone,
        adminRoles: ["SUPER_USER"],
        accounts: [{ key: organizer.accountKey, name: organizer.accountName, adminRoles: ["SUPER_USER"] }],
        createTime: organizer.createTime,
        products: ["G2M", "G2W"],
      });
    });
  });
}
