// Branding set on its settings page shows on the hosted form; the form embeds in another site with
// the script tag and records that page as the referrer; the forms page counts what each form did.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "./axe";
import { connectDefaultOrganizer, eventually, logIn, PHONE, screenshot, sidewaysOverflow, useStack } from "./harness";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAHElEQVR42mNkYPhfz0AEYBxVSF+FQ4YBAQBpRQkRVx7i4wAAAABJRU5ErkJggg==",
  "base64",
);

describe("hosted form branding, embedding and the forms page", () => {
  let site: Server;
  let siteUrl: string;
  let formId: string;
  let webinarSubject: string;
  const stack = useStack("e2ebrand", {
    async setup() {
      await stack.sim.control.scenario({
        webinars: [{ subject: "Brand launch briefing", startsInMinutes: 5 * 24 * 60, durationMinutes: 45 }],
      });
      await connectDefaultOrganizer(stack, "Brand webinars");
      const webinar = await eventually("the webinar synced", () =>
        stack.db.webinar.findFirst({ where: { subject: "Brand launch briefing" } }).then((w) => w ?? undefined),
      );
      webinarSubject = webinar.subject;
      const form = await stack.db.form.create({
        data: {
          accountId: stack.admin.accountId,
          name: "Launch registration",
          fields: [
            { kind: "standard", name: "email", label: "Email", required: true },
            { kind: "standard", name: "firstName", label: "First name", required: true },
            { kind: "standard", name: "lastName", label: "Last name", required: true },
          ],
          completionActions: [{ type: "REGISTER_WEBINAR", webinarId: webinar.id }],
        },
      });
      formId = form.id;
      // A marketer's own site on another origin, embedding the form with the script tag.
      site = createServer((_request, response) => {
        response.setHeader("content-type", "text/html; charset=utf-8");
        response.end(
          `<!doctype html><html lang="en"><head><title>Our events</title></head><body><h1>Our events</h1><script src="${stack.url}/f/${formId}/embed.js" async></script></body></html>`,
        );
      });
      await new Promise<void>((resolve) => site.listen(0, "localhost", resolve));
      siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
    },
  });
  afterAll(async () => {
    await new Promise((resolve) => site?.close(resolve));
  });

  it("sets a logo, colours and footer on the branding page (refusing an unreadable colour) and the hosted form shows them, at 390 px and without axe findings", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.getByRole("link", { name: "Form branding" }).click();
    const colours = page.getByRole("region", { name: "Colours and footer" });
    await colours.getByRole("textbox", { name: /Accent colour/ }).fill("#ffeb3b");
    await page.getByRole("button", { name: "Save branding" }).click();
    await colours.getByText(/#ffeb3b is too light for white button text/).waitFor();
    expect(await stack.db.formBranding.count()).toBe(0);

    await colours.getByRole("textbox", { name: /Accent colour/ }).fill("#7b1fa2");
    await colours.getByRole("textbox", { name: /Page background/ }).fill("#e8eef5");
    await colours.getByRole("textbox", { name: "Footer text" }).fill("Acme Events Ltd · 1 Main Street, Springfield");
    await page.getByRole("button", { name: "Save branding" }).click();
    await page.getByText("Branding saved.").waitFor();

    await page.getByLabel("Or upload an image").setInputFiles({ name: "acme.png", mimeType: "image/png", buffer: PNG });
    await page.getByText("Logo “acme.png” uploaded.").waitFor();
    await page.getByRole("img", { name: "Current logo" }).waitFor();
    await screenshot(page, "form-branding-settings");
    const saved = await stack.db.formBranding.findUniqueOrThrow({ where: { accountId: stack.admin.accountId } });
    expect(saved).toMatchObject({ accentColor: "#7b1fa2", backgroundColor: "#e8eef5", logoType: "image/png" });

    const visitor = await stack.newPage();
    await visitor.setViewportSize(PHONE);
    // The form's definition is cached for a moment: the branding shows once it is read again.
    await eventually("the branded hosted form", async () => {
      await visitor.goto(`/f/${formId}`);
      return (await visitor.getByText("Acme Events Ltd").count()) > 0;
    });
    const logo = visitor.locator("header.brand img");
    expect(await logo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(16);
    expect(
      await visitor
        .getByRole("button", { name: "Register" })
        .evaluate(
          (b) =>
            (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(b)
              .backgroundColor,
        ),
    ).toBe("rgb(123, 31, 162)");
    expect(await sidewaysOverflow(visitor)).toBeLessThanOrEqual(0);
    expect(await audit(visitor, "branded hosted form")).toEqual([]);
    await screenshot(visitor, "hosted-form-branded-phone");
  });

  it("embeds in another site with the script tag, sized to the form, and records that page as the referrer", async () => {
    const page = await stack.newPage();
    // A campaign link's query may carry personal data (an e-mail tool's `email=`): only the UTM
    // values and the page's origin and path reach us.
    await page.goto(`${siteUrl}/events/launch?utm_source=newsletter&utm_campaign=launch&email=jane%40example.com`);
    const frame = page.frameLocator(`iframe[title="Launch registration"]`);
    await frame.getByRole("textbox", { name: /^Email/ }).fill("embedded.visitor@example.com");
    await frame.getByRole("textbox", { name: /^First name/ }).fill("Grace");
    await frame.getByRole("textbox", { name: /^Last name/ }).fill("Hopper");
    // The frame took the form's own height (the form tells the embed script).
    const height = await page
      .locator("iframe")
      .evaluate((f) => (f as unknown as { offsetHeight: number }).offsetHeight);
    expect(height).toBeGreaterThan(500);
    await frame.getByRole("button", { name: "Register" }).click();
    await frame
      .getByText(/Thank you/)
      .first()
      .waitFor();
    await screenshot(page, "hosted-form-embedded");
    const submission = await stack.db.formSubmission.findFirstOrThrow({
      where: { formId, prospect: { email: "embedded.visitor@example.com" } },
    });
    expect(submission.utm).toMatchObject({
      referrer: `${siteUrl}/events/launch`,
      utm_source: "newsletter",
      utm_campaign: "launch",
    });
  });

  it("shows the embed snippets in the editor and each form's views, submissions, registrations and failures on the forms page, the register chip naming its webinar; archives it", async () => {
    const page = await stack.newPage();
    await logIn(page, stack);
    await page.goto(`/forms/${formId}`);
    const embed = page.getByRole("region", { name: "Embed on your site" });
    expect(await embed.getByRole("textbox", { name: "Script tag (recommended)" }).inputValue()).toBe(
      `<script src="${stack.url}/f/${formId}/embed.js" async></script>`,
    );
    expect(await embed.getByRole("textbox", { name: "Iframe" }).inputValue()).toContain(
      `src="${stack.url}/f/${formId}"`,
    );
    await embed.getByText("Any site may show your forms.").waitFor();

    await stack.apiDeps.formViews.flush();
    const form = await stack.db.form.findUniqueOrThrow({ where: { id: formId } });
    // The visitor's page loads and the embedded one; the editor's preview is not a view.
    expect(form.views).toBeGreaterThanOrEqual(2);
    await page.goto("/forms");
    const row = page.getByRole("row", { name: /Launch registration/ });
    await row.getByText(`Register for ${webinarSubject}`).waitFor();
    const headers = (await page.getByRole("columnheader").allTextContents()).map((h) => h.trim());
    const columns = ["Views", "Submissions", "Registrations", "Failures"].map((h) => headers.indexOf(h));
    let seen: string[] = [];
    await eventually("the embedded visitor's registration counted", async () => {
      await page.reload();
      await row.getByText(`Register for ${webinarSubject}`).waitFor();
      const cells = (await row.locator("td, th").allTextContents()).map((c) => c.trim());
      seen = columns.map((i) => cells[i] ?? "");
      return seen[2] === "1";
    }).catch((error) => {
      throw new Error(`${error}; columns ${headers.join("|")}, seen ${seen.join("|")}`);
    });
    expect(seen).toEqual([String(form.views), "1", "1", "0"]);
    await screenshot(page, "forms-page-counts");

    // Archived, it leaves the list (its hosted page stops taking submissions).
    await row.getByRole("button", { name: "Archive Launch registration" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Archive form" }).click();
    await page.getByText("“Launch registration” archived.").waitFor();
    await page.getByRole("heading", { name: "No forms yet" }).waitFor();
    expect((await stack.db.form.findUniqueOrThrow({ where: { id: formId } })).archivedAt).not.toBeNull();
  });
});
