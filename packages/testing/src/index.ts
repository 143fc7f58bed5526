export { createTestDatabase, type TestDatabase } from "./test-database";
export { createTestRedis, type TestRedis } from "./test-redis";
export { testConfig } from "./test-config";
export * from "./factories";
export { freePort, repoRoot, spawnEntry, type SpawnedProcess } from "./processes";
