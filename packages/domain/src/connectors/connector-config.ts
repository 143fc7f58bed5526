/** The settings connector code reads; `AppConfig` satisfies it (the domain does not import config). */
export interface ConnectorConfig {
  databaseUrl: string;
  /** Where the GoTo request budget is shared between processes; absent: this process's own. */
  redis?: { url: string; prefix: string };
  http: { publicUrl: string };
  goto: {
    authUrl: string;
    apiUrl: string;
    identityUrl: string;
    clientId?: string | undefined;
    clientSecret?: string | undefined;
    scopes: string;
    /** GoTo's request limit for one OAuth client. */
    requestsPerSecond: number;
    /** Share of that limit left unused (jitter). Default 0.1. */
    rateSafetyMargin?: number;
    /**
     * How long every request may fail (no answer, timeout, 5xx) before connector.failed
     * (goto_unreachable). Default one hour.
     */
    unreachableAfterMs?: number;
  };
}

/** GoTo sends the browser back here after consent; it must be registered on the OAuth client. */
export const oauthRedirectUri = (config: Pick<ConnectorConfig, "http">) => `${config.http.publicUrl}/oauth/callback`;
