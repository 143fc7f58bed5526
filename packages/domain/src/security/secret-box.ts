import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export interface SecretKey {
  id: string;
  key: Buffer;
}

/**
 * Encrypts secrets at rest (tokens, client secrets) with AES-256-GCM. The output names the key
 * it was made with — `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url) — so keys can be rotated:
 * the first key encrypts, every key listed still decrypts.
 */
export class SecretBox {
  private readonly byId: Map<string, Buffer>;

  constructor(private readonly keys: readonly SecretKey[]) {
    if (keys.length === 0) throw new Error("SecretBox needs at least one key");
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  encrypt(plaintext: string): string {
    const current = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", current.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return [
      "v1",
      current.id,
      iv.toString("base64url"),
      cipher.getAuthTag().toString("base64url"),
      data.toString("base64url"),
    ].join(".");
  }

  decrypt(sealed: string): string {
    const [version, keyId, iv, tag, data] = sealed.split(".");
    if (version !== "v1" || !keyId || !iv || !tag || data === undefined) throw new Error("not a sealed secret");
    const key = this.byId.get(keyId);
    if (!key) throw new Error(`secret was encrypted with key "${keyId}", which is not configured in SECRET_KEYS`);
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  }

  /** The id of the key new secrets are encrypted with (rotation re-encrypts older ones lazily). */
  get currentKeyId(): string {
    return this.keys[0]!.id;
  }

  keyIdOf(sealed: string): string | undefined {
    return sealed.split(".")[1];
  }
}
