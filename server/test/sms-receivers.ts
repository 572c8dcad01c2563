import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Loopback stand-ins for SMS providers, for tests. Each checks requests as the real one would,
// independently of the server's code: the gateway its HMAC signature from the documented scheme,
// the Twilio stand-in basic auth and the form fields.

export interface ReceivedSms {
  to: string;
  body: string;
  id: string;
}

interface Receiver {
  url: string;
  received: ReceivedSms[];
  /** Answers to give, in turn, for a number (then 200/201); e.g. [500] or [400]. */
  answers: Map<string, number[]>;
  /** Requests refused because their signature or credentials were wrong. */
  rejected: string[];
  stop(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The generic HTTP gateway: verifies `lanyard-sms-signature` = v1=hex(HMAC(secret, ts.body)). */
export async function startSmsGateway(secret: string): Promise<Receiver> {
  const received: ReceivedSms[] = [];
  const answers = new Map<string, number[]>();
  const rejected: string[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    void bodyOf(req).then((raw) => {
      const ts = String(req.headers['lanyard-sms-timestamp'] ?? '');
      const sig = String(req.headers['lanyard-sms-signature'] ?? '');
      const expected = `v1=${createHmac('sha256', secret).update(`${ts}.${raw}`).digest('hex')}`;
      const fresh = Math.abs(Date.now() / 1000 - Number(ts)) < 300;
      if (
        !fresh ||
        sig.length !== expected.length ||
        !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))
      ) {
        rejected.push(raw);
        res.writeHead(401).end('bad signature');
        return;
      }
      const { to, body } = JSON.parse(raw) as { to: string; body: string };
      const status = answers.get(to)?.shift() ?? 200;
      if (status !== 200) {
        res.writeHead(status, { 'content-type': 'text/plain' }).end(`gateway says ${status}`);
        return;
      }
      const id = `gw-${++n}`;
      received.push({ to, body, id });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
    });
  });
  const url = await listen(server);
  return { url, received, answers, rejected, stop: () => close(server) };
}

/** Twilio's Messages resource: basic auth with SID and token, form-encoded To, From, Body. */
export async function startTwilioStandIn(
  accountSid: string,
  authToken: string,
  from: string,
): Promise<Receiver & { errorCode: Map<string, number> }> {
  const received: ReceivedSms[] = [];
  const answers = new Map<string, number[]>();
  const errorCode = new Map<string, number>();
  const rejected: string[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    void bodyOf(req).then((raw) => {
      const auth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
      const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
      const form = new URLSearchParams(raw);
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.method !== 'POST' || req.url !== path) return json(404, { code: 20404 });
      if (req.headers.authorization !== auth) {
        rejected.push(raw);
        return json(401, { code: 20003, message: 'Authenticate', status: 401 });
      }
      if (
        !String(req.headers['content-type']).startsWith('application/x-www-form-urlencoded') ||
        form.get('From') !== from ||
        !/^\+\d+$/.test(form.get('To') ?? '')
      ) {
        rejected.push(raw);
        return json(400, { code: 21604, message: 'bad form', status: 400 });
      }
      const to = form.get('To')!;
      const status = answers.get(to)?.shift() ?? 201;
      if (status !== 201) {
        const code = errorCode.get(to) ?? 20500;
        return json(status, { code, message: `error ${code}`, status });
      }
      const sid = `SM${String(++n).padStart(32, '0')}`;
      received.push({ to, body: form.get('Body') ?? '', id: sid });
      json(201, { sid, status: 'queued', to, body: form.get('Body') });
    });
  });
  const url = await listen(server);
  return { url, received, answers, errorCode, rejected, stop: () => close(server) };
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((r) => server.close(() => r()));
}
