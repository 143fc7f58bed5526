export type WebhookEventName =
  | "registrant.added"
  | "registrant.joined"
  | "webinar.created"
  | "webinar.changed"
  | "survey.submitted";

export type ActivationState = "ACTIVE" | "INACTIVE";

export interface GotoSecretKey {
  id: string;
  value: string;
  validFrom?: string;
}

export interface GotoWebhook {
  webhookKey: string;
  callbackUrl: string;
  eventName: string;
  eventVersion: string;
  product: string;
  state: ActivationState | (string & {});
  createTime?: string;
}

export interface CreateWebhookInput {
  callbackUrl: string;
  eventName: WebhookEventName | (string & {});
  /** Default "1.0.0". */
  eventVersion?: string;
  /** Default "g2w". */
  product?: string;
}

export interface UpdateWebhookInput {
  webhookKey: string;
  callbackUrl?: string;
  state?: ActivationState;
}

export interface GotoUserSubscription {
  userSubscriptionKey: string;
  webhookKey: string;
  callbackUrl: string;
  eventName: string;
  eventVersion: string;
  product: string;
  userSubscriptionState: ActivationState | (string & {});
  /** ACTIVE only when both the webhook and the subscription are ACTIVE. */
  activationState: ActivationState | (string & {});
  createTime?: string;
}

export interface CreateUserSubscriptionInput {
  webhookKey: string;
  callbackUrl?: string;
  userSubscriptionState?: ActivationState;
}

export interface UpdateUserSubscriptionInput {
  userSubscriptionKey: string;
  webhookKey: string;
  callbackUrl?: string;
  userSubscriptionState?: ActivationState;
}

/** The seed's "Create User Subscription": a subscription to one event at one callback URL. */
export interface SubscribeOptions {
  eventName: WebhookEventName | (string & {});
  /** Default "1.0.0". */
  eventVersion?: string;
  /** HTTPS URL that answers 200 to GET (GoTo probes it). */
  callbackUrl: string;
  /** Use this webhook instead of finding or creating one for eventName + callbackUrl. */
  webhookKey?: string;
}

export interface DeleteUserSubscriptionsOptions {
  userSubscriptionKeys: string[];
  /** Also delete their webhooks (which deletes every other subscription of those webhooks). */
  deleteWebhooks?: boolean;
}

export interface DeleteInstancedSubscriptionsOptions {
  /** This service's callback base URL: subscriptions and webhooks whose callbackUrl starts with it are deleted. */
  callbackUrlPrefix: string;
  /** Delete the matching webhooks too. Default true. */
  deleteWebhooks?: boolean;
}

export interface DeletedSubscriptions {
  userSubscriptionKeys: string[];
  webhookKeys: string[];
}
