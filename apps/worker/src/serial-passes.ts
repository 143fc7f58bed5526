import { listenForNotifications } from "@gw/db";

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

export interface NotifiedPasses {
  /** Resolves when no pass runs and none is asked for (tests, benchmarks). */
  drain(): Promise<void>;
  /** Stops the sweep, waits for the running pass and closes the listener. */
  close(): Promise<void>;
}

/**
 * Serial passes woken three ways: a NOTIFY on `channel`, each (re)connect of the listener (for
 * what was notified while nobody listened) and a sweep every `sweepEveryMs` (for a notification
 * lost on a connection that died silently). `onWake` hears each wake-up before its kick: a
 * notification with its payload, a reconnect or a sweep without one.
 */
export function notifiedPasses(
  pass: () => Promise<void>,
  options: {
    databaseUrl: string;
    channel: string;
    sweepEveryMs: number;
    onWake?: (reason: "notification" | "listening" | "sweep", payload?: string) => void;
    /** A pass that threw; the next wake-up tries again unless this kicks sooner. */
    onError: (error: unknown, kick: () => Promise<void>) => void;
    onListenerError: (error: unknown) => void;
    more?: () => boolean;
  },
): NotifiedPasses {
  const passes = serialPasses(pass, { more: options.more, onError: (error) => options.onError(error, passes.kick) });
  const wake = (reason: "notification" | "listening" | "sweep", payload?: string) => {
    options.onWake?.(reason, payload);
    void passes.kick();
  };
  const listener = listenForNotifications({
    databaseUrl: options.databaseUrl,
    channel: options.channel,
    onNotification: (payload) => wake("notification", payload),
    onListening: () => wake("listening"),
    onError: options.onListenerError,
  });
  const sweep = setInterval(() => wake("sweep"), options.sweepEveryMs);
  sweep.unref();
  return {
    drain: passes.drain,
    async close() {
      clearInterval(sweep);
      await passes.stop();
      await listener.close();
    },
  };
}
