import type { ClientContext } from "./context";
import type { PicklistRangeOptions } from "./data-sources/default-range";
import { selectOrganizer } from "./data-sources/select-organizer";
import { selectWebhook } from "./data-sources/select-webhook";
import { selectWebinar } from "./data-sources/select-webinar";
import { type EngagementOperations, engagementOperations, type WebinarExtrasOperations } from "./engagement-operations";
import { GotoInputError } from "./http/errors";
import { createRequestLimiter } from "./http/limiter";
import { DEFAULT_MAX_PAGES } from "./http/paging";
import { checkBaseUrl, trimBase } from "./http/secure-url";
import { Transport } from "./http/transport";
import { getIdentity } from "./identity/get-identity";
import { type RawRequestOptions, type RawResponse, rawRequest } from "./raw-request";
import { createRegistrant } from "./registrants/create-registrant";
import { deleteRegistrant } from "./registrants/delete-registrant";
import { getRegistrant } from "./registrants/get-registrant";
import { getRegistrationFields } from "./registrants/get-registration-fields";
import { listAllRegistrants, listRegistrants } from "./registrants/list-registrants";
import { getAttendee } from "./sessions/get-attendee";
import { listAttendees } from "./sessions/list-attendees";
import { listOrganizerSessions } from "./sessions/list-organizer-sessions";
import { listSessionAttendees } from "./sessions/list-session-attendees";
import { listSessions } from "./sessions/list-sessions";
import type { PicklistEntry, TimeRange } from "./types/common";
import type { GotoIdentity } from "./types/identity";
import { type GotoClientOptions, type RequestStats, silentLogger } from "./types/options";
import type {
  CreateRegistrantOptions,
  CreateRegistrantResult,
  GotoRegistrant,
  GotoRegistrantDetails,
  ListAllRegistrantsOptions,
  ListRegistrantsOptions,
  RegistrantPage,
  RegistrantRef,
  RegistrationFields,
} from "./types/registrants";
import type {
  AttendeeList,
  AttendeeRef,
  GotoAttendee,
  ListAttendeesOptions,
  ListOrganizerSessionsOptions,
  ListSessionsOptions,
  SessionList,
  SessionRef,
} from "./types/sessions";
import type {
  CreateUserSubscriptionInput,
  CreateWebhookInput,
  DeletedSubscriptions,
  DeleteInstancedSubscriptionsOptions,
  DeleteUserSubscriptionsOptions,
  GotoSecretKey,
  GotoUserSubscription,
  GotoWebhook,
  SubscribeOptions,
  UpdateUserSubscriptionInput,
  UpdateWebhookInput,
} from "./types/webhooks";
import type {
  CancelWebinarOptions,
  CreatedWebinar,
  CreateWebinarOptions,
  GotoWebinar,
  GotoWebinarDetails,
  ListInSessionWebinarsOptions,
  ListWebinarsOptions,
  UpdateWebinarOptions,
  WebinarList,
} from "./types/webinars";
import { deleteInstancedSubscriptions } from "./webhooks/delete-instanced-subscriptions";
import { createUserSubscription } from "./webhooks/subscribe";
import {
  createUserSubscriptions,
  deleteUserSubscriptions,
  getUserSubscription,
  listUserSubscriptions,
  updateUserSubscriptions,
} from "./webhooks/user-subscriptions";
import {
  createSecretKey,
  createWebhooks,
  deleteWebhooks,
  getWebhook,
  listWebhooks,
  updateWebhooks,
} from "./webhooks/webhooks";
import { cancelWebinar } from "./webinars/cancel-webinar";
import { createWebinar } from "./webinars/create-webinar";
import { getMeetingTimes } from "./webinars/get-meeting-times";
import { getWebinar, type WebinarRef } from "./webinars/get-webinar";
import { listInSessionWebinars } from "./webinars/list-in-session-webinars";
import { listWebinars } from "./webinars/list-webinars";
import { updateWebinar } from "./webinars/update-webinar";

/** A typed GoTo Webinar REST v2 client for one connector (one token, one organizer). */
export interface GotoClient extends EngagementOperations, WebinarExtrasOperations {
  /** Requests made so far (every attempt counts), retries, 429s, refreshes, failed calls. */
  readonly stats: RequestStats;

  // Identity
  getIdentity(): Promise<GotoIdentity>;

  // Webinars
  /** Seed "Get Webinars": by organizer (default) or account, one page or fetchAll. */
  listWebinars(options: ListWebinarsOptions): Promise<WebinarList>;
  getWebinar(options: WebinarRef): Promise<GotoWebinarDetails>;
  createWebinar(options: CreateWebinarOptions): Promise<CreatedWebinar>;
  updateWebinar(options: UpdateWebinarOptions): Promise<void>;
  cancelWebinar(options: CancelWebinarOptions): Promise<void>;
  getMeetingTimes(options: WebinarRef): Promise<TimeRange[]>;
  listInSessionWebinars(options?: ListInSessionWebinarsOptions): Promise<GotoWebinar[]>;

  // Registrants
  createRegistrant(options: CreateRegistrantOptions): Promise<CreateRegistrantResult>;
  getRegistrant(options: RegistrantRef): Promise<GotoRegistrantDetails>;
  listRegistrants(options: ListRegistrantsOptions): Promise<RegistrantPage>;
  listAllRegistrants(options: ListAllRegistrantsOptions): Promise<GotoRegistrant[]>;
  deleteRegistrant(options: RegistrantRef): Promise<void>;
  getRegistrationFields(options: WebinarRef): Promise<RegistrationFields>;

  // Sessions and attendees
  listSessions(options: ListSessionsOptions): Promise<SessionList>;
  listOrganizerSessions(options: ListOrganizerSessionsOptions): Promise<SessionList>;
  listSessionAttendees(options: SessionRef): Promise<GotoAttendee[]>;
  getAttendee(options: AttendeeRef): Promise<GotoRegistrant>;
  /** Seed "List All Attendees for all Webinar Sessions". */
  listAttendees(options: ListAttendeesOptions): Promise<AttendeeList>;

  // Webhooks and user subscriptions
  createSecretKey(options?: { validFrom?: Date | string }): Promise<GotoSecretKey>;
  createWebhooks(webhooks: CreateWebhookInput[]): Promise<GotoWebhook[]>;
  listWebhooks(options?: { product?: string }): Promise<GotoWebhook[]>;
  getWebhook(webhookKey: string): Promise<GotoWebhook>;
  updateWebhooks(webhooks: UpdateWebhookInput[]): Promise<void>;
  deleteWebhooks(webhookKeys: string[]): Promise<void>;
  /** Seed "Create User Subscription": finds or creates + activates the webhook, then subscribes. */
  createUserSubscription(options: SubscribeOptions): Promise<GotoUserSubscription[]>;
  createUserSubscriptions(subscriptions: CreateUserSubscriptionInput[]): Promise<GotoUserSubscription[]>;
  listUserSubscriptions(options?: { product?: string }): Promise<GotoUserSubscription[]>;
  getUserSubscription(userSubscriptionKey: string): Promise<GotoUserSubscription>;
  updateUserSubscription(subscription: UpdateUserSubscriptionInput): Promise<void>;
  updateUserSubscriptions(subscriptions: UpdateUserSubscriptionInput[]): Promise<void>;
  deleteUserSubscriptions(options: DeleteUserSubscriptionsOptions): Promise<{ webhookKeys: string[] }>;
  deleteInstancedSubscriptions(options: DeleteInstancedSubscriptionsOptions): Promise<DeletedSubscriptions>;

  // Data sources (picklists)
  selectOrganizer(options?: PicklistRangeOptions): Promise<PicklistEntry[]>;
  selectWebinar(options?: PicklistRangeOptions): Promise<PicklistEntry[]>;
  selectWebhook(): Promise<PicklistEntry[]>;

  rawRequest(options: RawRequestOptions): Promise<RawResponse>;
}

export const DEFAULT_API_BASE_URL = "https://api.getgo.com/G2W/rest/v2";
export const DEFAULT_IDENTITY_BASE_URL = "https://api.getgo.com";

function baseUrl(raw: string, field: string): string {
  const checked = checkBaseUrl(raw);
  if (!checked.ok) throw new GotoInputError(field, `${field}: ${checked.reason}`);
  return trimBase(checked.url);
}

export function createGotoClient(options: GotoClientOptions): GotoClient {
  const log = options.log ?? silentLogger;
  const transport = new Transport({
    apiBaseUrl: baseUrl(options.apiBaseUrl ?? DEFAULT_API_BASE_URL, "apiBaseUrl"),
    identityBaseUrl: baseUrl(options.identityBaseUrl ?? DEFAULT_IDENTITY_BASE_URL, "identityBaseUrl"),
    tokens: options.tokens,
    limiter: options.limiter ?? createRequestLimiter(),
    timeoutMs: options.timeoutMs ?? 30_000,
    retry: {
      maxRetries: options.retry?.maxRetries ?? 4,
      baseDelayMs: options.retry?.baseDelayMs ?? 300,
      maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
      maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 60_000,
    },
    log,
    onRequest: options.onRequest,
    fetch: options.fetch ?? globalThis.fetch,
  });

  let identity: Promise<GotoIdentity> | undefined;
  const resolveIdentity = (): Promise<GotoIdentity> => {
    identity ??= getIdentity({ transport }).catch((error: unknown) => {
      identity = undefined;
      throw error;
    });
    return identity;
  };

  const ctx: ClientContext = {
    transport,
    log,
    maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
    async organizerKey(override) {
      return override ?? options.organizerKey ?? (await resolveIdentity()).organizerKey;
    },
    async accountKey(override) {
      const key = override ?? options.accountKey ?? (await resolveIdentity()).accountKey;
      if (!key) throw new GotoInputError("accountKey", "no accountKey given and the identity endpoint reported none");
      return key;
    },
  };

  return {
    get stats() {
      return transport.snapshot();
    },
    getIdentity: () => getIdentity(ctx),

    listWebinars: (o) => listWebinars(ctx, o),
    getWebinar: (o) => getWebinar(ctx, o),
    createWebinar: (o) => createWebinar(ctx, o),
    updateWebinar: (o) => updateWebinar(ctx, o),
    cancelWebinar: (o) => cancelWebinar(ctx, o),
    getMeetingTimes: (o) => getMeetingTimes(ctx, o),
    listInSessionWebinars: (o) => listInSessionWebinars(ctx, o),

    createRegistrant: (o) => createRegistrant(ctx, o),
    getRegistrant: (o) => getRegistrant(ctx, o),
    listRegistrants: (o) => listRegistrants(ctx, o),
    listAllRegistrants: (o) => listAllRegistrants(ctx, o),
    deleteRegistrant: (o) => deleteRegistrant(ctx, o),
    getRegistrationFields: (o) => getRegistrationFields(ctx, o),

    listSessions: (o) => listSessions(ctx, o),
    listOrganizerSessions: (o) => listOrganizerSessions(ctx, o),
    listSessionAttendees: (o) => listSessionAttendees(ctx, o),
    getAttendee: (o) => getAttendee(ctx, o),
    listAttendees: (o) => listAttendees(ctx, o),

    createSecretKey: (o) => createSecretKey(ctx, o),
    createWebhooks: (w) => createWebhooks(ctx, w),
    listWebhooks: (o) => listWebhooks(ctx, o),
    getWebhook: (k) => getWebhook(ctx, k),
    updateWebhooks: (w) => updateWebhooks(ctx, w),
    deleteWebhooks: (k) => deleteWebhooks(ctx, k),
    createUserSubscription: (o) => createUserSubscription(ctx, o),
    createUserSubscriptions: (s) => createUserSubscriptions(ctx, s),
    listUserSubscriptions: (o) => listUserSubscriptions(ctx, o),
    getUserSubscription: (k) => getUserSubscription(ctx, k),
    updateUserSubscription: (s) => updateUserSubscriptions(ctx, [s]),
    updateUserSubscriptions: (s) => updateUserSubscriptions(ctx, s),
    deleteUserSubscriptions: (o) => deleteUserSubscriptions(ctx, o),
    deleteInstancedSubscriptions: (o) => deleteInstancedSubscriptions(ctx, o),

    selectOrganizer: (o) => selectOrganizer(ctx, o),
    selectWebinar: (o) => selectWebinar(ctx, o),
    selectWebhook: () => selectWebhook(ctx),

    rawRequest: (o) => rawRequest(ctx, o),
    ...engagementOperations(ctx),
  };
}
