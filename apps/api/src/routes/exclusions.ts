import { errors, exclusionRules, exclusionRulesBody, exclusionsApplied } from "@gw/api-contract";
import { listExclusionRules, setExclusionRules } from "@gw/domain/exclusions";
import type { ApiDeps } from "../deps";
import { queueRequestedStaffFetches } from "../staff-fetches";
import { accountPlugin } from "./account-routes";

/** Admin > Exclusions: who the account keeps out of automation (filtered prospects). */
export const exclusionRoutes = (deps: ApiDeps) =>
  accountPlugin({ tags: ["exclusions"], errors }, (route, app) => {
    const { db } = deps;

    route.get(
      "/api/exclusions",
      {
        summary: "The account's exclusion rules",
        reply: exclusionRules,
      },
      async ({ accountId }) => ({ rules: await listExclusionRules({ db, accountId }) }),
    );

    route.put(
      "/api/exclusions",
      {
        preHandler: app.requireAdmin,
        summary: "Replace the exclusion rules and re-apply them to every prospect now (admins)",
        description:
          "Matching prospects become filtered: the sync still records their activities, but they get no completion or rule " +
          "actions, leave dynamic lists, and the reports hide them unless includeFiltered=true. Prospects only the old rules " +
          "filtered are released; prospects filtered by hand stay filtered. A PANELIST or CO_ORGANIZER rule added here also " +
          "queues, for each webinar no sync reads again, one GoTo request per role (in the background, behind other sync " +
          "work): their staff are filtered as the answers arrive (staffWebinarsQueued). The requests are recorded with the " +
          "rules, so a Redis outage delays them (the worker queues them again) but loses none.",
        body: exclusionRulesBody,
        reply: exclusionsApplied,
      },
      async ({ accountId, body, request }) => {
        const { addedStaffRoles, staffFetches, ...applied } = await setExclusionRules({
          db,
          accountId,
          rules: body.rules,
        });
        await queueRequestedStaffFetches(deps, { fetches: staffFetches, requestId: request.id, log: request.log });
        return { ...applied, staffWebinarsQueued: staffFetches.length };
      },
    );
  });
