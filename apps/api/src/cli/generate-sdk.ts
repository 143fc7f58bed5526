// `npm run sdk:generate`: writes the SDK's types (packages/sdk/src/generated/api.ts) from the
// OpenAPI document, built in-process from the API's route table (no server, no network).
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateSdkTypes, SDK_TYPES_PATH } from "./sdk-types";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const target = resolve(root, SDK_TYPES_PATH);
await mkdir(dirname(target), { recursive: true });
await writeFile(target, await generateSdkTypes());
console.log(`wrote ${SDK_TYPES_PATH}`);
