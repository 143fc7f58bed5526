import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes the run's unhandled errors (rejections and exceptions vitest caught outside any test)
 * to a file of their own. Vitest fails the run for them, but its JSON report does not record
 * them, so without this file `npm test`'s summary would count such a run as passed.
 */
export class UnhandledErrorsReporter {
  constructor(outputFile) {
    this.outputFile = outputFile;
  }

  onTestRunEnd(_testModules, unhandledErrors) {
    const errors = unhandledErrors.map((error) => ({
      name: error?.name ?? "Error",
      message: error?.message ?? String(error),
      // Which test file was running when it happened, as vitest reports it.
      origin: error?.VITEST_TEST_PATH ?? null,
    }));
    mkdirSync(path.dirname(this.outputFile), { recursive: true });
    writeFileSync(this.outputFile, JSON.stringify({ unhandledErrors: errors }, null, 2));
  }
}
