/** Settings that point the service at a running GoTo stand-in and its default OAuth client. */
export function simEnv(sim: { url: string }, extra: Record<string, string> = {}): Record<string, string> {
  return {
    GOTO_AUTH_URL: sim.url,
    GOTO_API_URL: `${sim.url}/G2W/rest/v2`,
    GOTO_IDENTITY_URL: sim.url,
    GOTO_CLIENT_ID: "demo-client",
    GOTO_CLIENT_SECRET: "demo-secret",
    ...extra,
  };
}
