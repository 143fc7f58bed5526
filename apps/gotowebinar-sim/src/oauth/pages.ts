import type { OAuthClient, Organizer, PendingAuthorization } from "../state/types";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – GoTo Webinar simulator</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #1b1b1b; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  select, button, input { font-size: 1rem; padding: .5rem .75rem; }
  fieldset { margin-top: 1.25rem; border: 1px solid #ccc; border-radius: 6px; }
  input { width: 100%; box-sizing: border-box; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  .note { color: #555; font-size: .9rem; }
</style>
</head>
<body>
<main>
${body}
<p class="note">This is the GoTo Webinar simulator, not GoTo. No real account is involved.</p>
</main>
</body>
</html>`;
}

export function consentPage(
  pending: PendingAuthorization,
  client: OAuthClient,
  organizers: Organizer[],
  preselect?: string,
): string {
  const options = organizers
    .map((o) => {
      const selected = o.organizerKey === preselect ? " selected" : "";
      const label = `${o.firstName} ${o.lastName} <${o.email}>`;
      return `<option value="${escapeHtml(o.organizerKey)}"${selected}>${escapeHtml(label)}</option>`;
    })
    .join("\n      ");
  const scopes = pending.scope ? `<p>It asks for: <code>${escapeHtml(pending.scope)}</code></p>` : "";
  return page(
    "Allow access",
    `<h1>Allow ${escapeHtml(client.name)} to access your GoTo Webinar account?</h1>
<p><strong>${escapeHtml(client.name)}</strong> wants to manage your webinars, registrants and attendance data.</p>
${scopes}
<form method="post" action="/oauth/authorize/decision">
  <input type="hidden" name="request_id" value="${escapeHtml(pending.id)}">
  <label for="organizerKey">Sign in as</label>
  <select id="organizerKey" name="organizerKey">
      ${options}
      <option value="new">Someone else: a new organizer (below)</option>
  </select>
  <fieldset>
    <legend>Or sign in as a new organizer</legend>
    <p class="note">Fill these in to add another GoTo organizer (a second connector in the demo, for example). Leave them empty to sign in as the person chosen above.</p>
    <label for="newEmail">E-mail</label>
    <input id="newEmail" name="newEmail" type="email" autocomplete="off">
    <label for="newFirstName">First name</label>
    <input id="newFirstName" name="newFirstName" autocomplete="off">
    <label for="newLastName">Last name</label>
    <input id="newLastName" name="newLastName" autocomplete="off">
  </fieldset>
  <div class="actions">
    <button type="submit" name="decision" value="allow">Allow</button>
    <button type="submit" name="decision" value="deny">Deny</button>
  </div>
</form>`,
  );
}

export function errorPage(message: string): string {
  return page("Sign-in error", `<h1>Sign-in error</h1>\n<p role="alert">${escapeHtml(message)}</p>`);
}
