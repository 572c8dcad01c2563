/** Answered instead of the portal when server/dist/web is missing: the server still runs. */
export function notBuiltPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Portal not built</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem">
<h1>The web portal is not built</h1>
<p>The Lanyard server is running, but the attendee portal was not built into
<code>server/dist/web</code>. Run <code>npm run build</code> (or
<code>npm run build:web -w server</code>) and reload this page.</p>
</body></html>
`;
}
