import type { Logger } from "@gw/logger";

/**
 * Closes the process gracefully on SIGTERM / SIGINT: `close` finishes or releases in-flight work;
 * a second signal, or `graceMs` passing, forces the exit.
 */
export function closeOnSignals(log: Logger, close: () => Promise<void>, graceMs = 30_000): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) {
      log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    closing = true;
    log.info({ signal }, "shutting down");
    const timer = setTimeout(() => {
      log.error({ graceMs }, "shutdown took too long: exiting");
      process.exit(1);
    }, graceMs);
    timer.unref();
    close().then(
      () => {
        log.info("shut down cleanly");
        log.flush?.();
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, "error while shutting down");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
}
