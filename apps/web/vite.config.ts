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
  build: { outDir: "dist", sourcemap: true, chunkSizeWarningLimit: 800 },
});
