// Screenshots of a running demo (`npm run demo`), for looking at the product without a browser:
//   npx tsx apps/web/e2e/screenshot-demo.ts [http://localhost:3000]
// Logs in with the demo login and saves each page under apps/web/test-results/demo-*.png.
import path from "node:path";
import { chromium } from "playwright-core";
import { ARTIFACTS, CHROMIUM } from "./harness";

const base = process.argv[2] ?? "http://localhost:3000";
const PAGES = [
  ["dashboard", "/"],
  ["webinars-upcoming", "/reports/webinars"],
  ["webinars-finished", "/reports/webinars?tab=finished"],
  ["connectors", "/connectors"],
  ["prospects", "/prospects"],
  ["forms", "/forms"],
  ["scoring", "/scoring"],
  ["sync", "/sync"],
] as const;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ baseURL: base, viewport: { width: 1440, height: 900 } });
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(process.env.DEMO_EMAIL ?? "admin@demo.example.com");
  await page.getByLabel("Password").fill(process.env.DEMO_PASSWORD ?? "webinar-demo-2026");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("navigation", { name: "Main" }).waitFor();
  for (const [name, url] of PAGES) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: path.join(ARTIFACTS, `demo-${name}.png`), fullPage: true });
  }
  const webinar = page.getByRole("link", { name: "Webinar best practices", exact: true });
  await page.goto("/reports/webinars?tab=finished");
  await webinar.click();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(ARTIFACTS, "demo-webinar.png"), fullPage: true });
  await page.getByRole("link", { name: "View registrants" }).click();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(ARTIFACTS, "demo-drilldown.png"), fullPage: true });
  console.log(`screenshots in ${ARTIFACTS}`);
} finally {
  await browser.close();
}
