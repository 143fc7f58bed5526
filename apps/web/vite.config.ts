import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the UI runs on Vite's server and everything server-side goes to the API; in
// production the API serves the built files itself (apps/api/src/plugins/web.ts).
const api = process.env.API_URL ?? "http://127.0.0.1:3000";
const proxied = ["/api", "/oauth", "/f", "/docs", "/admin/queues", "/healthz", "/readyz"];

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((prefix) => [prefix, { target: api, changeOrigin: false }])),
  },
  // No source maps in the served bundle: they would publish the sources; debug with `npm run dev`.
  build: { outDir: "dist", sourcemap: false, chunkSizeWarningLimit: 800 },
});
