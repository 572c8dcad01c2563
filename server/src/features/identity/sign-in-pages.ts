/**
 * The pages a person sees while signing in at the embedded issuer: the device login's code entry
 * and confirmation (oidc-provider's `deviceFlow` page hooks), the password form and the final
 * "you can close this window". Plain HTML with one inline style, no external fonts or scripts:
 * an appliance on a venue network often has no internet.
 */

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:0 1rem;background:#f4f5f7;color:#1c1e21}
main{max-width:22rem;margin:8vh auto;padding:1.5rem 1.75rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0003}
h1{font-size:1.4rem;margin:0 0 .75rem}label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{box-sizing:border-box;width:100%;font:inherit;padding:.55rem .6rem;border:1px solid #8a8f98;border-radius:4px}
input.code{text-transform:uppercase;letter-spacing:.15em;text-align:center;font-size:1.3rem}
button{font:inherit;font-weight:600;margin-top:1rem;width:100%;padding:.6rem;border:0;border-radius:4px;background:#1f4fd1;color:#fff;cursor:pointer}
button.secondary{background:none;color:#1f4fd1;text-decoration:underline}a{color:#1f4fd1}
.error{color:#a40e26;font-weight:600}code{font-size:1.4rem;letter-spacing:.15em}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Lanyard</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

const errorLine = (message: string | undefined) =>
  message ? `<p class="error" role="alert">${escape(message)}</p>` : '';

/**
 * The device login's first page. oidc-provider hands over its own form; its action and
 * anti-forgery token are carried into a labelled one.
 */
export function userCodeInputPage(form: string, error: string | undefined): string {
  const action = /action="([^"]*)"/.exec(form)?.[1] ?? '';
  const xsrf = /name="xsrf" value="([^"]*)"/.exec(form)?.[1] ?? '';
  const code = /name="user_code"[^>]*?value="([^"]*)"|value="([^"]*)"[^>]*name="user_code"/.exec(
    form,
  );
  return page(
    'Sign in a device',
    `<h1>Sign in a device</h1>
<p>Enter the code your terminal shows.</p>${errorLine(error)}
<form method="post" action="${action}">
<input type="hidden" name="xsrf" value="${xsrf}">
<label for="user-code">Code</label>
<input id="user-code" name="user_code" class="code" autocomplete="off" autocapitalize="characters" autofocus required value="${code?.[1] ?? code?.[2] ?? ''}">
<button type="submit">Continue</button>
</form>`,
  );
}

export function userCodeConfirmPage(form: string, clientName: string, userCode: string): string {
  return page(
    'Confirm the device',
    `<h1>Is this your terminal?</h1>
<p><strong>${escape(clientName)}</strong> asks to act for you. It should show this code:</p>
<p><code>${escape(userCode)}</code></p>
<p>If you did not start this, or the code differs, choose Cancel.</p>
${form}
<button type="submit" form="op.deviceConfirmForm">Continue</button>
<button type="submit" form="op.deviceConfirmForm" class="secondary" name="abort" value="yes">Cancel</button>`,
  );
}

export function deviceSignedInPage(clientName: string): string {
  return page(
    'Signed in',
    `<h1>Signed in</h1><p>${escape(clientName)} is signed in. You can close this window and go back to your terminal.</p>`,
  );
}

export function passwordPage(opts: {
  action: string;
  /** The "forgot password" form. */
  forgotAction: string;
  clientName: string;
  email?: string | undefined;
  error?: string | undefined;
}): string {
  return page(
    'Sign in',
    `<h1>Sign in to Lanyard</h1>
<p>to continue to ${escape(opts.clientName)}</p>${errorLine(opts.error)}
<form method="post" action="${escape(opts.action)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escape(opts.email ?? '')}"${opts.email ? '' : ' autofocus'}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${opts.email ? ' autofocus' : ''}>
<button type="submit">Sign in</button>
</form>
<p><a href="${escape(opts.forgotAction)}">Forgot your password?</a></p>`,
  );
}

export function signInErrorPage(message: string): string {
  return page('Sign-in problem', `<h1>Sign-in problem</h1>${errorLine(message)}`);
}

/** "Forgot your password?": asks for the address; `sent` is the same answer for every address. */
export function forgotPasswordPage(opts: {
  action: string;
  /** Where to sign in again (the dashboard). */
  signInUrl: string;
  sent?: boolean;
  error?: string | undefined;
}): string {
  if (opts.sent)
    return page(
      'Check your mail',
      `<h1>Check your mail</h1>
<p role="status">If an account exists for this address, a link to set a new password is on its way. It works once; the mail says until when.</p>
<p><a href="${escape(opts.signInUrl)}">Back to signing in</a></p>`,
    );
  return page(
    'Forgot your password?',
    `<h1>Forgot your password?</h1>
<p>Enter your account's email address; we mail you a link to set a new password.</p>${errorLine(opts.error)}
<form method="post" action="${escape(opts.action)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required autofocus>
<button type="submit">Send the link</button>
</form>`,
  );
}

/** The page a one-time link opens: choose a password (twice). */
export function setPasswordPage(opts: {
  action: string;
  email: string;
  invite: boolean;
  error?: string | undefined;
}): string {
  const title = opts.invite ? 'Choose your password' : 'Set a new password';
  return page(
    title,
    `<h1>${title}</h1>
<p>For <strong>${escape(opts.email)}</strong>. At least 12 characters.</p>${errorLine(opts.error)}
<form method="post" action="${escape(opts.action)}">
<input type="hidden" name="username" autocomplete="username" value="${escape(opts.email)}">
<label for="password">New password</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="12" maxlength="200" required autofocus>
<label for="repeated">New password again</label>
<input id="repeated" name="repeated" type="password" autocomplete="new-password" minlength="12" maxlength="200" required>
<button type="submit">Set password</button>
</form>`,
  );
}

export function passwordSetPage(signInUrl: string): string {
  return page(
    'Password set',
    `<h1>Password set</h1><p role="status">Your password is set. Sign in with your email address and the new password.</p>
<p><a href="${escape(signInUrl)}">Sign in to the dashboard</a></p>`,
  );
}

export function linkUnusablePage(forgotUrl: string): string {
  return page(
    'Link not usable',
    `<h1>This link does not work any more</h1>${errorLine('It was used already, has expired, or its account is disabled.')}
<p>Ask an administrator for a new one, or <a href="${escape(forgotUrl)}">have a new link mailed to you</a>.</p>`,
  );
}
