import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src";

describe("loadConfig", () => {
  it("works with no settings at all on a development machine", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe("postgresql://postgres@127.0.0.1:5432/webinar_sync");
    expect(config.goto.apiUrl).toBe("https://api.getgo.com/G2W/rest/v2");
    expect(config.goto.authUrl).toBe("https://authentication.logmeininc.com");
    expect(config.sync.pollMinutes).toEqual({
      threeWeeksOrMore: 120,
      twoToThreeWeeks: 60,
      oneToTwoWeeks: 30,
      underOneWeek: 10,
    });
    expect(config.secrets.usingDevDefaults).toBe(true);
  });

  it("reads how long a connector may be unreachable before connector.failed, and refuses a period that is not positive", () => {
    expect(loadConfig({}).goto.unreachableAfterMs).toBe(60 * 60_000);
    expect(loadConfig({ CONNECTOR_UNREACHABLE_AFTER_MINUTES: "5" }).goto.unreachableAfterMs).toBe(5 * 60_000);
    expect(() => loadConfig({ CONNECTOR_UNREACHABLE_AFTER_MINUTES: "0" })).toThrow(
      /CONNECTOR_UNREACHABLE_AFTER_MINUTES/,
    );
  });

  it("names every missing production secret in one error", () => {
    expect.assertions(3);
    try {
      loadConfig({ NODE_ENV: "production" });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toContain("SECRET_KEYS is required in production");
      expect((error as ConfigError).problems).toContain("SESSION_SECRET is required in production");
    }
  });

  it("names malformed settings and says what to fix, without echoing secrets", () => {
    let message = "";
    try {
      loadConfig({ DATABASE_URL: "not a url", PORT: "seventy", SECRET_KEYS: "k1:c2hvcnQ=" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/SECRET_KEYS .*exactly 32 bytes/);
    expect(message).not.toContain("c2hvcnQ=");
  });

  it("trusts no proxy unless told which", () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1" }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.1, 10.0.0.2" }).http.trustProxy).toEqual(["10.0.0.1", "10.0.0.2"]);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ REDIS_URL: "" }).redis.url).toBe("redis://127.0.0.1:6379");
  });

  it("parses key rings and attendance delays", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    const config = loadConfig({ SECRET_KEYS: `k2:${key},k1:${key}`, ATTENDANCE_DELAYS_MINUTES: "5, 60" });
    expect(config.secrets.keys.map((k) => k.id)).toEqual(["k2", "k1"]);
    expect(config.sync.attendanceDelaysMinutes).toEqual([5, 60]);
  });

  it("serves metrics only with a token long enough to be a secret, and never echoes it", () => {
    expect(loadConfig({}).metrics).toEqual({ token: undefined, workerPort: 9464 });
    const token = "0123456789abcdef0123";
    expect(loadConfig({ METRICS_TOKEN: token, METRICS_PORT: "9500" }).metrics).toEqual({ token, workerPort: 9500 });
    let message = "";
    try {
      loadConfig({ METRICS_TOKEN: "short-one" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/METRICS_TOKEN .*at least 16 characters/);
    expect(message).not.toContain("short-one");
  });

  it("keeps records for the documented days unless told otherwise, and refuses a retention of zero", () => {
    expect(loadConfig({}).retention).toEqual({
      syncRunDays: 90,
      formSubmissionPayloadDays: 365,
      registrationRequestDays: 90,
      formSubmissionKeyDays: 7,
      changeEventDays: 90,
    });
    expect(() => loadConfig({ CHANGE_EVENT_RETENTION_DAYS: "0" })).toThrow(/CHANGE_EVENT_RETENTION_DAYS/);
  });
});
