import type {
  ClientInfo,
  ClockState,
  ControlRegistrant,
  ControlWebinar,
  CreateClientRequest,
  CreateOrganizerRequest,
  Delivery,
  FaultSpec,
  IssueTokenRequest,
  JoinRequest,
  JoinResult,
  OrganizerInfo,
  QuestionRequest,
  RegisterRequest,
  RequestLogEntry,
  ScenarioRequest,
  ScenarioResult,
  SentEmailInfo,
  SetClockRequest,
  SettingsPatch,
  SimStats,
  SurveyRequest,
  TokenResponse,
  WebhookStateInfo,
  WebinarPatch,
} from "./types";

export class SimControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    message: string,
  ) {
    super(message);
    this.name = "SimControlError";
  }
}

export interface FaultInfo extends Required<Pick<FaultSpec, "path" | "type" | "count">> {
  id: string;
  method?: string;
  retryAfterSeconds?: number;
  delayMs: number;
  remaining: number;
}

/** Typed client for the sim's control API (/_sim/…). */
export class SimControl {
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/_sim${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const message = (parsed as { message?: string } | undefined)?.message ?? text;
      throw new SimControlError(
        response.status,
        parsed,
        `${method} /_sim${path} failed with ${response.status}: ${message}`,
      );
    }
    return parsed as T;
  }

  reset(seed?: number): Promise<{ ok: true; defaultOrganizerKey: string }> {
    return this.call("POST", "/reset", seed === undefined ? {} : { seed });
  }

  settings(): Promise<Record<string, unknown>> {
    return this.call("GET", "/settings");
  }

  updateSettings(patch: SettingsPatch): Promise<Record<string, unknown>> {
    return this.call("PATCH", "/settings", patch);
  }

  organizers(): Promise<OrganizerInfo[]> {
    return this.call("GET", "/organizers");
  }

  async defaultOrganizer(): Promise<OrganizerInfo> {
    const [first] = await this.organizers();
    if (!first) throw new Error("the sim has no organizer");
    return first;
  }

  createOrganizer(request: CreateOrganizerRequest): Promise<OrganizerInfo> {
    return this.call("POST", "/organizers", request);
  }

  clients(): Promise<ClientInfo[]> {
    return this.call("GET", "/clients");
  }

  createClient(request: CreateClientRequest): Promise<ClientInfo> {
    return this.call("POST", "/clients", request);
  }

  scenario(request: ScenarioRequest): Promise<ScenarioResult> {
    return this.call("POST", "/scenario", request);
  }

  clock(): Promise<ClockState> {
    return this.call("GET", "/clock");
  }

  setClock(request: SetClockRequest): Promise<ClockState> {
    return this.call("POST", "/clock", request);
  }

  advanceClock(ms: number): Promise<ClockState> {
    return this.setClock({ advanceMs: ms });
  }

  addFault(fault: FaultSpec): Promise<FaultInfo> {
    return this.call("POST", "/faults", fault);
  }

  faults(): Promise<FaultInfo[]> {
    return this.call("GET", "/faults");
  }

  clearFaults(): Promise<{ ok: true }> {
    return this.call("DELETE", "/faults");
  }

  /** Mints tokens directly, skipping the browser flow. */
  issueToken(request: IssueTokenRequest = {}): Promise<TokenResponse> {
    return this.call("POST", "/tokens", request);
  }

  expireTokens(organizerKey?: string): Promise<{ expired: number }> {
    return this.call("POST", "/tokens/expire", organizerKey === undefined ? {} : { organizerKey });
  }

  revokeTokens(
    request: { organizerKey?: string; clientId?: string; accessTokens?: boolean } = {},
  ): Promise<{ refreshTokens: number; accessTokens: number }> {
    return this.call("POST", "/tokens/revoke", request);
  }

  requests(since?: number | string): Promise<RequestLogEntry[]> {
    return this.call("GET", since === undefined ? "/requests" : `/requests?since=${encodeURIComponent(String(since))}`);
  }

  clearRequests(): Promise<{ ok: true }> {
    return this.call("DELETE", "/requests");
  }

  stats(): Promise<SimStats> {
    return this.call("GET", "/stats");
  }

  emails(): Promise<SentEmailInfo[]> {
    return this.call("GET", "/emails");
  }

  webinars(organizerKey?: string): Promise<ControlWebinar[]> {
    return this.call("GET", organizerKey ? `/webinars?organizerKey=${organizerKey}` : "/webinars");
  }

  webinar(webinarKey: string): Promise<ControlWebinar> {
    return this.call("GET", `/webinars/${webinarKey}`);
  }

  updateWebinar(webinarKey: string, patch: WebinarPatch): Promise<ControlWebinar> {
    return this.call("PATCH", `/webinars/${webinarKey}`, patch);
  }

  cancelWebinar(webinarKey: string, options: { sendCancellationEmails?: boolean } = {}): Promise<ControlWebinar> {
    return this.call("POST", `/webinars/${webinarKey}/cancel`, options);
  }

  registrants(webinarKey: string): Promise<ControlRegistrant[]> {
    return this.call("GET", `/webinars/${webinarKey}/registrants`);
  }

  /** As if the person used GoTo's own registration page (fires registrant.added). */
  register(webinarKey: string, request: RegisterRequest): Promise<ControlRegistrant> {
    return this.call("POST", `/webinars/${webinarKey}/registrants`, request);
  }

  /** Many registrations in one call (each fires registrant.added); all or none are added. */
  registerMany(webinarKey: string, requests: RegisterRequest[]): Promise<ControlRegistrant[]> {
    return this.call("POST", `/webinars/${webinarKey}/registrants/batch`, { registrants: requests });
  }

  setRegistrantStatus(
    webinarKey: string,
    registrantKey: string,
    status: "APPROVED" | "WAITING" | "DENIED",
  ): Promise<ControlRegistrant> {
    return this.call("POST", `/webinars/${webinarKey}/registrants/${registrantKey}/status`, { status });
  }

  /** Records a join (fires registrant.joined). */
  join(webinarKey: string, registrantKey: string, request: JoinRequest = {}): Promise<JoinResult> {
    return this.call("POST", `/webinars/${webinarKey}/registrants/${registrantKey}/join`, request);
  }

  /** The registrant removed in GoTo's UI (no event exists for this). */
  removeRegistrant(webinarKey: string, registrantKey: string): Promise<{ ok: true }> {
    return this.call("DELETE", `/webinars/${webinarKey}/registrants/${registrantKey}`);
  }

  askQuestion(webinarKey: string, request: QuestionRequest): Promise<{ sessionKey: string; askedAt: string }> {
    return this.call("POST", `/webinars/${webinarKey}/questions`, request);
  }

  submitSurvey(webinarKey: string, request: SurveyRequest): Promise<Record<string, unknown>> {
    return this.call("POST", `/webinars/${webinarKey}/surveys`, request);
  }

  webhooks(): Promise<WebhookStateInfo> {
    return this.call("GET", "/webhooks");
  }

  deliveries(): Promise<Delivery[]> {
    return this.call("GET", "/webhooks/deliveries");
  }

  clearDeliveries(): Promise<{ ok: true }> {
    return this.call("DELETE", "/webhooks/deliveries");
  }

  /** Waits (up to 30 s) until no delivery is pending, then returns them all. */
  webhooksIdle(): Promise<Delivery[]> {
    return this.call("POST", "/webhooks/idle");
  }
}
