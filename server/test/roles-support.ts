import type { TestServer } from './harness.js';
import { json } from '../src/features/ticketing/test-support/ticket-fixtures.js';

// People with roles: organizer accounts made with the bootstrap token, signed in through the
// embedded issuer's device login (the same pages a browser sees, driven over plain HTTP).

export const PASSWORD = 'correct horse battery';
export const ALL_BUT_ADMIN = [
  'events:read',
  'events:write',
  'tickets:read',
  'tickets:write',
  'checkin',
  'devices:write',
  'webhooks:read',
  'webhooks:write',
];

export interface Person {
  id: string;
  email: string;
  token: string;
}

/** A browser's cookie jar and redirects, enough for the issuer's pages. */
class Session {
  private readonly cookies = new Map<string, string>();

  async go(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    let res = await this.fetch(url, init);
    for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops++) {
      url = new URL(res.headers.get('location')!, url).toString();
      res = await this.fetch(url, {});
    }
    return { url, status: res.status, html: await res.text() };
  }

  private async fetch(url: string, init: { method?: string; form?: Record<string, string> }) {
    const res = await fetch(url, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return res;
  }
}

const attr = (html: string, re: RegExp): string => {
  const m = re.exec(html);
  if (!m) throw new Error(`not found ${re} in ${html.slice(0, 400)}`);
  return m[1]!;
};

/** Signs the account in with the CLI's device login; the access token it gets. */
export async function signIn(t: TestServer, email: string, scopes: string[]): Promise<string> {
  const form = (url: string, body: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
    }).then(async (r) => (await r.json()) as Record<string, string>);
  const start = await form(`${t.url}/oauth/device/auth`, {
    client_id: 'lanyard-cli',
    scope: ['openid', ...scopes].join(' '),
  });
  // Each page is a form (auto-submitted, the code confirmation, the password form); a browser
  // submits it as it comes, until the page that says the terminal is signed in.
  const browser = new Session();
  let page = await browser.go(start.verification_uri_complete!);
  for (let step = 0; step < 10 && /<form/.test(page.html); step++) {
    const formHtml = page.html.slice(page.html.indexOf('<form'), page.html.indexOf('</form>'));
    const action = attr(formHtml, /action="([^"]*)"/).replace(/&amp;/g, '&');
    const fields: Record<string, string> = {};
    for (const m of formHtml.matchAll(/<input[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(m[0])?.[1];
      if (name) fields[name] = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
    }
    if ('password' in fields) Object.assign(fields, { email, password: PASSWORD });
    page = await browser.go(new URL(action, page.url).toString(), { form: fields });
  }
  if (page.status !== 200 || !/Signed in/.test(page.html))
    throw new Error(`device login ended with ${page.status}: ${page.html.slice(0, 300)}`);
  const token = await form(`${t.url}/oauth/token`, {
    client_id: 'lanyard-cli',
    grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    device_code: start.device_code!,
  });
  if (!token.access_token) throw new Error(`no token: ${JSON.stringify(token)}`);
  return token.access_token;
}

/** An organizer account (made by the bootstrap client), signed in. */
export async function person(
  t: TestServer,
  name: string,
  opts: { scopes?: string[]; organizationAdmin?: boolean } = {},
): Promise<Person> {
  const email = `${name}@example.org`;
  const scopes = opts.scopes ?? ALL_BUT_ADMIN;
  const { id } = await json<{ id: string }>(
    await t.api('/api/v1/accounts', {
      body: {
        email,
        name,
        password: PASSWORD,
        scopes,
        ...(opts.organizationAdmin ? { organizationAdmin: true } : {}),
      },
    }),
    201,
  );
  return { id, email, token: await signIn(t, email, scopes) };
}

/** Gives the account a role on the event, with the bootstrap token. */
export async function grant(t: TestServer, eventId: string, accountId: string, role: string) {
  const res = await t.api(`/api/v1/events/${eventId}/team/${accountId}`, {
    method: 'PUT',
    body: { role },
  });
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`grant ${role}: ${res.status} ${await res.text()}`);
}
