import type { App } from "../app";
import type { ApiDeps } from "../deps";
import { authRoutes } from "./auth";
import { campaignRoutes } from "./campaigns";
import { connectorRoutes } from "./connectors";
import { oauthCallbackRoutes } from "./oauth-callback";
import { formRoutes } from "./forms";
import { hostedFormRoutes } from "./hosted-forms";
import { registrationRequestRoutes } from "./registration-requests";
import { healthRoutes } from "./health";
import { scoringRuleRoutes } from "./scoring-rules";
import { syncRunRoutes } from "./sync-runs";
import { listRoutes } from "./lists";
import { prospectRoutes } from "./prospects";
import { reportRoutes } from "./reports";
import { tagRoutes } from "./tags";
import { webhookRoutes } from "./webhooks";
import { connectorWebhookRoutes } from "./connector-webhooks";
import { opsRoutes } from "./ops";
import { registerQueueDashboard } from "../plugins/queue-dashboard";

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
  await registerQueueDashboard(app, deps);
}
