import { Random } from "../random";
import type {
  AccessToken,
  AuthorizationCode,
  OAuthClient,
  Organizer,
  PendingAuthorization,
  RefreshToken,
  SecretKey,
  SentEmail,
  UserSubscription,
  Webhook,
  Webinar,
} from "./types";

const MAX_EMAILS = 10_000;

/** Everything the sim knows; a reset replaces the whole object. */
export class SimState {
  readonly organizers = new Map<string, Organizer>();
  readonly webinars = new Map<string, Webinar>();
  readonly clients = new Map<string, OAuthClient>();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly refreshTokens = new Map<string, RefreshToken>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly pendingAuthorizations = new Map<string, PendingAuthorization>();
  readonly secretKeys: SecretKey[] = [];
  readonly webhooks = new Map<string, Webhook>();
  readonly subscriptions = new Map<string, UserSubscription>();
  readonly emails: SentEmail[] = [];
  defaultOrganizerKey = "";
  random: Random;
  /** Rounded doubles of every key handed out: a rounding clash only costs a redraw. */
  private readonly usedKeys = new Set<number>();
  private readonly usedWebinarIds = new Set<string>();

  constructor(seed: number) {
    this.random = new Random(seed);
  }

  reseed(seed: number): void {
    this.random = new Random(seed);
  }

  /** A fresh 19-digit key, unique across every kind of key. */
  newKey(): string {
    for (;;) {
      const { key, approx } = this.random.key19();
      if (!this.usedKeys.has(approx)) {
        this.usedKeys.add(approx);
        return key;
      }
    }
  }

  newWebinarId(): string {
    for (;;) {
      const id = this.random.digits(9);
      if (!this.usedWebinarIds.has(id)) {
        this.usedWebinarIds.add(id);
        return id;
      }
    }
  }

  recordEmail(email: SentEmail): void {
    this.emails.push(email);
    if (this.emails.length > MAX_EMAILS) this.emails.splice(0, this.emails.length - MAX_EMAILS);
  }

  webinarsOf(organizerKey: string): Webinar[] {
    return [...this.webinars.values()].filter((w) => w.organizerKey === organizerKey);
  }
}
