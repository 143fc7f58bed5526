import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCompress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import type { App } from "../app";

/** Where `npm run build -w @gw/web` writes the admin UI. */
export const WEB_DIST = fileURLToPath(new URL("../../../web/dist", import.meta.url));

/** Paths the server owns: never answered with the UI, so an unknown API path still gets a JSON 404. */
const SERVER_PATHS = ["/api", "/oauth", "/f", "/docs", "/webhooks", "/healthz", "/readyz", "/metrics", "/admin/queues"];

const isServerPath = (pathname: string) =>
  SERVER_PATHS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

/**
 * Serves the built admin UI when it exists (production builds, the demo, the browser tests):
 * hashed assets with a long cache, and `index.html` for every other GET that is not a server
 * path, so client-side routes (`/connectors`, `/reports/webinars/...`) survive a reload.
 * Registered after the routes: any real route wins over this catch-all.
 */
export async function registerWeb(app: App, options: { distDir?: string } = {}) {
  const root = options.distDir ?? WEB_DIST;
  if (!existsSync(path.join(root, "index.html"))) {
    app.log.info({ distDir: root }, "web UI not built (npm run build -w @gw/web): serving the API only");
    return;
  }

  await app.register(async (scope) => {
    // The bundle goes out brotli- or gzip-compressed to browsers that ask (it shrinks to a third).
    await scope.register(fastifyCompress, { global: true, threshold: 1024 });
    await scope.register(fastifyStatic, { root, serve: false });

    scope.get("/*", { schema: { hide: true } }, async (request, reply) => {
      const pathname = decodeURIComponent(request.url.split("?")[0] ?? "/");
      if (isServerPath(pathname)) return reply.callNotFound();

      const relative = path.normalize(pathname).replace(/^([/\\])+/, "");
      const file = path.join(root, relative);
      const inside = file.startsWith(root + path.sep);
      if (inside && relative !== "index.html" && isFile(file)) {
        const hashed = relative.startsWith(`assets${path.sep}`);
        return reply.sendFile(relative, { maxAge: hashed ? "365d" : "1h", immutable: hashed });
      }
      // A missing asset is a real 404: answering it with HTML would only confuse the browser.
      if (relative.startsWith(`assets${path.sep}`) || path.extname(relative) !== "") return reply.callNotFound();

      // CSP, nosniff and the frame guard come from plugins/security-headers.ts.
      reply.header("cache-control", "no-cache");
      return reply.sendFile("index.html", { maxAge: 0, cacheControl: false });
    });
  });
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
