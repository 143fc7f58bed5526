import { describe, expect, it } from "vitest";
import { DEV_SECRETS, devSecretsRefusal, loadConfig } from "../src";

const ownSecrets = {
  SECRET_KEYS: `own:${Buffer.alloc(32, 7).toString("base64")}`,
  SESSION_SECRET: "an-operator-chosen-session-secret-0123456789",
};

describe("devSecretsRefusal", () => {
  it("lets a listening process use the development secrets on loopback only, unless ALLOW_DEV_SECRETS", () => {
    expect(devSecretsRefusal(loadConfig({ HOST: "127.0.0.1" }), { listens: true })).toBeNull();
    expect(devSecretsRefusal(loadConfig({ HOST: "0.0.0.0" }), { listens: true })).toMatch(
      /^Refusing to listen on 0\.0\.0\.0 with the built-in development SECRET_KEYS/,
    );
    expect(devSecretsRefusal(loadConfig({ HOST: "0.0.0.0", ALLOW_DEV_SECRETS: "true" }), { listens: true })).toBeNull();
    expect(devSecretsRefusal(loadConfig({ HOST: "0.0.0.0" }), { listens: false })).toBeNull();
    expect(devSecretsRefusal(loadConfig({ HOST: "0.0.0.0", ...ownSecrets }), { listens: true })).toBeNull();
  });

  it("refuses the development secrets set by hand in production, for every process and whatever ALLOW_DEV_SECRETS says", () => {
    for (const secrets of [DEV_SECRETS, { ...ownSecrets, SECRET_KEYS: DEV_SECRETS.SECRET_KEYS }]) {
      const config = loadConfig({ NODE_ENV: "production", HOST: "127.0.0.1", ALLOW_DEV_SECRETS: "true", ...secrets });
      expect(config.secrets.usingDevDefaults).toBe(true);
      for (const listens of [true, false])
        expect(devSecretsRefusal(config, { listens })).toMatch(/^Refusing to start with NODE_ENV=production/);
    }
    // The development key under another name is still the public key.
    const renamed = `prod:${DEV_SECRETS.SECRET_KEYS.split(":")[1]}`;
    expect(loadConfig({ ...ownSecrets, SECRET_KEYS: renamed }).secrets.usingDevDefaults).toBe(true);
    expect(loadConfig({ NODE_ENV: "production", ...ownSecrets }).secrets.usingDevDefaults).toBe(false);
  });

  it("leaves a development key that only decrypts, after a rotation, alone", () => {
    const rotated = { ...ownSecrets, SECRET_KEYS: `${ownSecrets.SECRET_KEYS},${DEV_SECRETS.SECRET_KEYS}` };
    const config = loadConfig({ NODE_ENV: "production", ...rotated });
    expect(devSecretsRefusal(config, { listens: true })).toBeNull();
  });
});
