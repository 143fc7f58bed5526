export interface SerialPasses {
  /** Starts a pass, or asks for one more after the pass running now; resolves when that one ends. */
  kick(): Promise<void>;
  /** Resolves when no pass runs and none is asked for (tests, benchmarks). */
  drain(): Promise<void>;
  /** No new passes; resolves when the running one ends. */
  stop(): Promise<void>;
}

/**
 * Runs a consumer's passes one at a time: a kick during a pass (a notification that arrived
 * mid-pass) asks for one more pass after it, so nothing notified is missed, and any number of
 * kicks meanwhile fold into that one. A pass that throws is reported to `onError`; the caller
 * decides when to kick again.
 */
export function serialPasses(
  pass: () => Promise<void>,
  options: { onError: (error: unknown) => void; more?: () => boolean },
): SerialPasses {
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;

  const kick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await pass();
        } while ((again || options.more?.() === true) && !stopped);
      } catch (error) {
        options.onError(error);
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  return {
    kick,
    async drain() {
      do {
        await kick();
      } while (running);
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}
