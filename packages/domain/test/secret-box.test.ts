import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretBox } from "../src/security";

const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };

describe("SecretBox", () => {
  it("round-trips a secret and never stores it in clear", () => {
    const box = new SecretBox([k1]);
    const sealed = box.encrypt("refresh-token-value");
    expect(sealed).not.toContain("refresh-token-value");
    expect(sealed.startsWith("v1.k1.")).toBe(true);
    expect(box.decrypt(sealed)).toBe("refresh-token-value");
  });

  it("decrypts with an older key after rotation and encrypts with the newest", () => {
    const sealedWithOld = new SecretBox([k1]).encrypt("s");
    const rotated = new SecretBox([k2, k1]);
    expect(rotated.decrypt(sealedWithOld)).toBe("s");
    expect(rotated.keyIdOf(rotated.encrypt("s"))).toBe("k2");
  });

  it("refuses tampered data and unknown keys", () => {
    const box = new SecretBox([k1]);
    const sealed = box.encrypt("secret");
    const parts = sealed.split(".");
    parts[4] = Buffer.from("forged").toString("base64url");
    expect(() => box.decrypt(parts.join("."))).toThrow();
    expect(() => new SecretBox([k2]).decrypt(sealed)).toThrow(/key "k1"/);
  });
});
