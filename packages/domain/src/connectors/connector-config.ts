/** The settings connector code reads; `AppConfig` satisfies it (the domain does not import config). */
export interface ConnectorConfig {
  databaseUrl: string;
  http: { publicUrl: string };
  goto: {
    authUrl: string;
    apiUrl: string;
    identityUrl: string;
    clientId?: string | undefined;
    clientSecret?: string | undefined;
    scopes: string;
    requestsPerSecond: number;
  };
}

/** GoTo sends the browser back here after consent; it must be registered on the OAuth client. */
export const oauthRedirectUri = (config: Pick<ConnectorConfig, "http">) => `${config.http.publicUrl}/oauth/callback`;
