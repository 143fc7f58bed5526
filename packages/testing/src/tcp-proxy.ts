import net from "node:net";

export interface TcpProxy {
  port: number;
  /** `host:port` to put in a URL in place of the target's. */
  address: string;
  /** Drops every open connection and refuses new ones: the target looks down. */
  cut(): Promise<void>;
  /**
   * Stops passing bytes on the connections open now, which stay open (a silent network loss, or
   * a server stuck mid-command); connections made afterwards pass.
   */
  stall(): void;
  /** Accepts connections again, on the same port, and lets stalled connections pass what they held. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a server (Postgres, Redis) that a test can cut, stall and restore, to
 * make the server look down to one client without touching the server the other tests share.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const pipes = new Set<{ stalled: boolean; held: [net.Socket, Buffer][] }>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const pipe = { stalled: false, held: [] as [net.Socket, Buffer][] };
    pipes.add(pipe);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
      pipes.delete(pipe);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    const pass = (to: net.Socket) => (chunk: Buffer) => (pipe.stalled ? pipe.held.push([to, chunk]) : to.write(chunk));
    client.on("data", pass(upstream));
    upstream.on("data", pass(client));
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const port = await listen(0);
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      pipes.clear();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  return {
    port,
    address: `127.0.0.1:${port}`,
    cut: stop,
    stall() {
      for (const pipe of pipes) pipe.stalled = true;
    },
    async restore() {
      for (const pipe of pipes) {
        pipe.stalled = false;
        for (const [to, chunk] of pipe.held.splice(0)) if (!to.destroyed) to.write(chunk);
      }
      if (!server.listening) await listen(port);
    },
    close: stop,
  };
}
