import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A tiny stand-in for the Stripe API on 127.0.0.1, for tests: a real HTTP peer for the stripe
// client (form-encoded requests, JSON answers). It keeps Checkout Sessions and refunds in memory
// and records every request so tests can check what Lanyard asked for.

export interface RecordedRequest {
  method: string;
  path: string;
  form: Record<string, string>;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
}

export interface FakeSession {
  id: string;
  object: 'checkout.session';
  url: string | null;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  payment_intent: string | null;
  expires_at: number;
}

export interface FakeStripe {
  url: string;
  requests: RecordedRequest[];
  sessions: Map<string, FakeSession>;
  /** Marks a session paid, as Stripe does when the buyer completes the checkout. */
  pay(sessionId: string): FakeSession;
  /** The next refund request is refused with this Stripe error message. */
  refuseNextRefund(message: string): void;
  /** The next refund is made, but the answer is lost (a 500 that the client must not retry). */
  loseNextRefundAnswer(): void;
  /** Refunds made, by idempotency key. */
  refunds: Map<string, unknown>;
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, FakeSession>();
  const refundsByKey = new Map<string, unknown>();
  let refusal: string | undefined;
  let loseAnswer = false;
  let n = 0;

  const server: Server = createServer((req, res) => {
    void readForm(req).then((form) => {
      const path = (req.url ?? '').split('?')[0]!;
      const idempotencyKey = header(req, 'idempotency-key');
      requests.push({
        method: req.method ?? '',
        path,
        form,
        idempotencyKey,
        authorization: header(req, 'authorization'),
      });
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${++n}` });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'POST' && path === '/v1/checkout/sessions') {
        const id = `cs_test_${++n}`;
        const session: FakeSession = {
          id,
          object: 'checkout.session',
          url: `https://checkout.stripe.test/c/pay/${id}`,
          status: 'open',
          payment_status: 'unpaid',
          amount_total:
            Number(form['line_items[0][price_data][unit_amount]']) *
            Number(form['line_items[0][quantity]']),
          currency: form['line_items[0][price_data][currency]'] ?? 'eur',
          client_reference_id: form.client_reference_id ?? null,
          metadata: {
            orderId: form['metadata[orderId]'] ?? '',
            eventId: form['metadata[eventId]'] ?? '',
          },
          payment_intent: null,
          expires_at: Number(form.expires_at),
        };
        sessions.set(id, session);
        return send(200, session);
      }
      const get = /^\/v1\/checkout\/sessions\/([\w-]+)$/.exec(path);
      if (req.method === 'GET' && get) {
        const session = sessions.get(get[1]!);
        return session
          ? send(200, session)
          : send(404, {
              error: { type: 'invalid_request_error', message: 'No such checkout.session' },
            });
      }
      if (req.method === 'POST' && path === '/v1/refunds') {
        if (refusal) {
          const message = refusal;
          refusal = undefined;
          return send(400, { error: { type: 'invalid_request_error', message } });
        }
        // Stripe answers a repeated idempotency key with the first refund.
        const earlier = idempotencyKey && refundsByKey.get(idempotencyKey);
        if (earlier) return send(200, earlier);
        const refund = {
          id: `re_test_${++n}`,
          object: 'refund',
          status: 'succeeded',
          amount: Number(form.amount),
          payment_intent: form.payment_intent,
        };
        if (idempotencyKey) refundsByKey.set(idempotencyKey, refund);
        if (loseAnswer) {
          loseAnswer = false;
          res.setHeader('stripe-should-retry', 'false');
          return send(500, { error: { type: 'api_error', message: 'The answer got lost.' } });
        }
        return send(200, refund);
      }
      send(404, {
        error: {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${req.method}: ${path})`,
        },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    sessions,
    pay(sessionId) {
      const s = sessions.get(sessionId);
      if (!s) throw new Error(`no session ${sessionId}`);
      Object.assign(s, {
        status: 'complete',
        payment_status: 'paid',
        url: null,
        payment_intent: `pi_${sessionId}`,
      });
      return s;
    },
    refuseNextRefund(message) {
      refusal = message;
    },
    loseNextRefundAnswer() {
      loseAnswer = true;
    },
    refunds: refundsByKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
}
