import type { AccessToken, OAuthClient, Organizer } from "../state/types";

export interface AuthInfo {
  token: AccessToken;
  organizer: Organizer;
  client: OAuthClient;
}

declare module "fastify" {
  interface FastifyRequest {
    simStartedAt: number;
    simAuth: AuthInfo | null;
    simFault: string | null;
    simRateLimited: boolean;
  }
}
