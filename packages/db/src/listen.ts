import pg from "pg";

export interface NotificationListener {
  close(): Promise<void>;
}

/**
 * LISTENs on a Postgres channel on a connection of its own (pooled connections are shared and
 * released, so they cannot hold a LISTEN), reconnecting after `retryMs` when the connection
 * drops or cannot be made. `onListening` runs after every (re)connect: notifications sent while
 * nobody listened are gone, so the caller catches up then.
 */
export function listenForNotifications(options: {
  databaseUrl: string;
  channel: string;
  onNotification: (payload: string | undefined) => void;
  onListening?: () => void;
  onError?: (error: unknown) => void;
  retryMs?: number;
}): NotificationListener {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const retryMs = options.retryMs ?? 2000;

  const reconnectLater = (failed: pg.Client, error: unknown) => {
    options.onError?.(error);
    if (client === failed) client = undefined;
    failed.end().catch(() => undefined);
    if (closed) return;
    retry = setTimeout(connect, retryMs);
    retry.unref();
  };

  const connect = () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: options.databaseUrl });
    next.on("error", (error) => reconnectLater(next, error));
    next.on("notification", (message) => options.onNotification(message.payload));
    next
      .connect()
      .then(() => next.query(`LISTEN "${options.channel.replace(/"/g, "")}"`))
      .then(() => {
        if (closed) return next.end();
        client = next;
        options.onListening?.();
      })
      .catch((error) => reconnectLater(next, error));
  };
  connect();

  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
