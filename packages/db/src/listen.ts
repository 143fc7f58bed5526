import pg from "pg";

export interface NotificationListener {
  close(): Promise<void>;
}

/**
 * LISTENs on a Postgres channel on a connection of its own (pooled connections are shared and
 * released, so they cannot hold a LISTEN; behind PgBouncer it needs session pooling), reconnecting
 * after `retryMs` when the connection drops or cannot be made. `onListening` runs after every
 * (re)connect: notifications sent while nobody listened are gone, so the caller catches up then.
 *
 * A connection can also die silently (a NAT or firewall forgets it, the server's host vanishes):
 * no error ever arrives and no notification either. TCP keepalive and a `SELECT 1` every
 * `pingMs` (answered within `pingTimeoutMs`) find that, and it is treated as a drop.
 */
export function listenForNotifications(options: {
  databaseUrl: string;
  channel: string;
  onNotification: (payload: string | undefined) => void;
  onListening?: () => void;
  onError?: (error: unknown) => void;
  retryMs?: number;
  pingMs?: number;
  pingTimeoutMs?: number;
}): NotificationListener {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let ping: NodeJS.Timeout | undefined;
  const retryMs = options.retryMs ?? 2000;
  const pingMs = options.pingMs ?? 30_000;
  const pingTimeoutMs = options.pingTimeoutMs ?? 10_000;
  // A client's 'error' event and its failed query can both report one loss: only the first counts,
  // else two reconnects would run and one connection would leak.
  const failedClients = new WeakSet<pg.Client>();

  const reconnectLater = (failed: pg.Client, error: unknown) => {
    if (failedClients.has(failed)) return;
    failedClients.add(failed);
    options.onError?.(error);
    if (client === failed) {
      client = undefined;
      clearInterval(ping);
    }
    failed.end().catch(() => undefined);
    if (closed) return;
    clearTimeout(retry);
    retry = setTimeout(connect, retryMs);
    retry.unref();
  };

  const connect = () => {
    if (closed) return;
    const next = new pg.Client({
      connectionString: options.databaseUrl,
      // Names the session in pg_stat_activity: who holds a LISTEN, and how many.
      application_name: `listen:${options.channel}`.slice(0, 63),
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    next.on("error", (error) => reconnectLater(next, error));
    next.on("notification", (message) => options.onNotification(message.payload));
    next
      .connect()
      .then(() => next.query(`LISTEN "${options.channel.replace(/"/g, "")}"`))
      .then(() => {
        if (closed) return next.end();
        client = next;
        ping = setInterval(() => {
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`no answer to a ping within ${pingTimeoutMs} ms`)),
              pingTimeoutMs,
            );
          });
          // A ping still unanswered makes end() destroy the socket rather than wait on it.
          Promise.race([next.query("SELECT 1"), late])
            .catch((error) => reconnectLater(next, error))
            .finally(() => clearTimeout(timer));
        }, pingMs);
        ping.unref();
        options.onListening?.();
      })
      .catch((error) => reconnectLater(next, error));
  };
  connect();

  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(ping);
      await client?.end().catch(() => undefined);
    },
  };
}
