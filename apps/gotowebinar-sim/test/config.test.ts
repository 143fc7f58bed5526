import { describe, expect, it } from "vitest";
import { parseEnv } from "../src/config";
import { createSim } from "../src/index";

describe("standalone configuration", () => {
  it("has defaults", () => {
    const config = parseEnv({});
    expect(config).toMatchObject({ port: 4100, host: "127.0.0.1", options: { rateLimitPerSecond: 10 } });
  });

  it("reads every variable", () => {
    const config = parseEnv({
      SIM_PORT: "5000",
      SIM_HOST: "0.0.0.0",
      SIM_CLIENT_ID: "id",
      SIM_CLIENT_SECRET: "secret",
      SIM_RATE_LIMIT: "0",
      SIM_SIGNATURE_SCHEME: "none",
      SIM_SCENARIO: "/tmp/s.json",
      SIM_REDIRECT_URIS: "http://localhost:3000/cb, http://localhost:5173/cb",
    });
    expect(config).toMatchObject({
      port: 5000,
      host: "0.0.0.0",
      scenarioPath: "/tmp/s.json",
      options: {
        clientId: "id",
        clientSecret: "secret",
        rateLimitPerSecond: 0,
        signatureScheme: "none",
        redirectUris: ["http://localhost:3000/cb", "http://localhost:5173/cb"],
      },
    });
  });

  it("reports every bad variable at once", () => {
    expect(() => parseEnv({ SIM_PORT: "http", SIM_RATE_LIMIT: "-1", SIM_SIGNATURE_SCHEME: "md5" })).toThrow(
      /SIM_PORT.*\n.*SIM_RATE_LIMIT.*\n.*SIM_SIGNATURE_SCHEME/s,
    );
  });

  it("createSim refuses invalid options", async () => {
    await expect(createSim({ rateLimitPerSecond: -1 })).rejects.toThrow(/rateLimitPerSecond/);
  });

  it("createSim gives an app that answers through inject without listening", async () => {
    const sim = await createSim({ seed: 4 });
    const res = await sim.app.inject({ method: "GET", url: "/_sim/clock" });
    expect(res.statusCode).toBe(200);
    await sim.close();
  });
});
