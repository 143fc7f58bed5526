import type { App } from "../app";
import type { ApiDeps } from "../deps";
import { registerQueueDashboard } from "../plugins/queue-dashboard";
import { apiTokenRoutes } from "./api-tokens";
import { authRoutes } from "./auth";
import { campaignRoutes } from "./campaigns";
import { connectorWebhookRoutes } from "./connector-webhooks";
import { connectorRoutes } from "./connectors";
import { formRoutes } from "./forms";
import { healthRoutes } from "./health";
import { hostedFormRoutes } from "./hosted-forms";
import { listRoutes } from "./lists";
import { oauthCallbackRoutes } from "./oauth-callback";
import { opsRoutes } from "./ops";
import { participationRoutes } from "./participation";
import { prospectRoutes } from "./prospects";
import { registrationRequestRoutes } from "./registration-requests";
import { reportRoutes } from "./reports";
import { scoringRuleRoutes } from "./scoring-rules";
import { syncRunRoutes } from "./sync-runs";
import { tagRoutes } from "./tags";
import { webhookRoutes } from "./webhooks";

/** Every route module of the API; each domain adds one line here. */
export async function registerRoutes(app: App, deps: ApiDeps) {
  await app.register(healthRoutes(deps));
  await app.register(webhookRoutes(deps));
  await app.register(connectorWebhookRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(connectorRoutes(deps));
  await app.register(campaignRoutes(deps));
  await app.register(oauthCallbackRoutes(deps));
  await app.register(reportRoutes(deps));
  await app.register(prospectRoutes(deps));
  await app.register(listRoutes(deps));
  await app.register(tagRoutes(deps));
  await app.register(formRoutes(deps));
  await app.register(hostedFormRoutes(deps));
  await app.register(registrationRequestRoutes(deps));
  await app.register(opsRoutes(deps));
  await app.register(syncRunRoutes(deps));
  await app.register(scoringRuleRoutes(deps));
  await app.register(apiTokenRoutes(deps));
  await app.register(participationRoutes(deps));
  await registerQueueDashboard(app, deps);
}
