import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { problem, sendProblem } from '../../http/problem.js';
import type { Registry } from 'prom-client';

/** A backing service the server needs; readiness asks each one. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2000;

async function runCheck(c: ReadinessCheck): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      c.check(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return 'ok';
  } catch (err) {
    return `failing: ${(err as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

/** Compares in constant time, so response times do not spell the token out. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * /healthz (the process answers), /readyz (every backing service answers), /metrics (behind
 * METRICS_TOKEN when set: its figures tell an outsider about sales and load).
 */
export function healthRouter(
  checks: ReadinessCheck[],
  registry: Registry,
  metricsToken?: string | undefined,
): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async (c) => [c.name, await runCheck(c)] as const),
    );
    const ready = results.every(([, r]) => r === 'ok');
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(results) });
  });
  router.get('/metrics', async (req, res) => {
    if (metricsToken && !bearerMatches(req.get('authorization'), metricsToken)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      sendProblem(
        res,
        problem(401, 'metrics_token_required', 'Send METRICS_TOKEN as a bearer token.'),
      );
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}
