import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { createRateGate } from './platform/ratelimit/gate.js';
import { loadConfig, type Config, type ConfigOverrides } from './platform/config.js';
import { createLogger, type Logger } from './platform/log.js';
import { createMetrics } from './platform/metrics.js';
import { httpSpans, startTracing } from './platform/tracing.js';
import type { Db } from './platform/db/db.js';
import { openDb } from './platform/db/open-db.js';
import { openLimiters } from './platform/ratelimit/limiters.js';
import { migrate } from './platform/db/migrate.js';
import { createApp } from './http/app.js';
import { problem } from './http/problem.js';
import { InFlight } from './platform/in-flight.js';
import { createChangeSignal } from './platform/bus/change-signal.js';
import { authorizerFor } from './features/team/authorizer.js';
import { describeAccess } from './features/team/route-access.js';
import { createIdentity, ensureBootstrapClient, requireScope } from './features/identity/index.js';
import {
  featureMiddleware,
  featureRoutes,
  registerFeatureMetrics,
  startFeatureJobs,
  warmUpStatements,
  type FeatureDeps,
} from './features/index.js';

export interface StartOptions {
  env: Record<string, string | undefined>;
  overrides?: ConfigOverrides;
}

export interface RunningServer {
  config: Config;
  url: string;
  db: Db;
  log: Logger;
  /**
   * Stops accepting, ends streams and long-polls and stops jobs, lets accepted requests finish
   * (up to a grace period), then closes the database.
   */
  close(): Promise<void>;
  /** Resolves once close() has finished. */
  closed: Promise<void>;
}

const GRACE_MS = 10_000;
const SERVER_TIMEOUTS = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  connectionsCheckingInterval: 1_000,
};

/** Starts the whole server: config → database (migrated) → issuer → HTTP. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const config = loadConfig(options.env, options.overrides);
  const tracing = await startTracing(config.otlpEndpoint);
  const log = createLogger(config, tracing !== undefined);
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const db = await openDb(config);
  const limiters = await openLimiters(config.redisUrl);
  const rateLimits = createRateGate(limiters, config.rateLimits);
  try {
    const applied = await migrate(db);
    if (applied.length) log.info({ applied }, 'database migrated');
    // Doors open on a started server: the first scans should not open connections. A server
    // that cannot warm up still serves, opening connections as they are needed.
    await db.warmUp?.(warmUpStatements).catch((err: unknown) => {
      log.warn({ err }, 'database connections could not be warmed up');
    });

    // The handler is attached before listening: a connection accepted while the issuer and the
    // routes are still being set up is answered 503 (retry), never left waiting.
    const ready: { app?: RequestListener } = {};
    let stopping = false;
    let draining = false;
    const work = new InFlight();
    // A client gets 10 s to send its headers and 30 s for the whole request (bodies are at most
    // 1 MiB), checked every second; responses are not timed, so SSE streams and long-polls stay.
    const http = createServer(SERVER_TIMEOUTS, (req, res) => {
      if (!ready.app) return notReadyYet(res);
      work.trackRequest(req, res);
      // A request on a kept-alive connection during shutdown is served, then its connection ends.
      if (stopping) res.setHeader('Connection', 'close');
      ready.app(req, res);
    });
    http.keepAliveTimeout = 65_000;
    await listen(http, config.port, config.host);
    const { port } = http.address() as AddressInfo;
    const publicUrl = config.publicUrl ?? `http://127.0.0.1:${port}`;

    const identity = await createIdentity({ config, publicUrl, db, log, rateLimits });
    await ensureBootstrapClient({ config, db, identity, log });
    const metrics = createMetrics(() => db.stats());
    const changes = createChangeSignal(config.redisUrl, log);
    const authorizer = authorizerFor(db);
    const deps: FeatureDeps = {
      db,
      config,
      publicUrl,
      log,
      identity,
      rateLimits,
      limiters,
      registry: metrics.registry,
      changes,
    };
    registerFeatureMetrics(deps);
    ready.app = createApp({
      log,
      tracing: httpSpans(),
      metrics,
      publicUrl,
      bodyLimitBytes: config.bodyLimitBytes,
      metricsToken: config.metricsToken,
      trustProxy: config.trustProxy,
      auth: {
        authenticate: identity.authenticate,
        requireScope,
        authorization: {
          decided: (operationId) => authorizer.ruleFor(operationId) !== undefined,
          describe: (operationId) => {
            const rule = authorizer.ruleFor(operationId);
            return rule && describeAccess(rule);
          },
          authorize: (operationId, principal, params) =>
            authorizer.authorize(operationId, principal, params),
        },
      },
      issuerHandler: identity.issuerHandler,
      tokenEndpoint: identity.tokenEndpoint,
      readiness: [
        {
          name: 'shutdown',
          check: async () => {
            if (draining) throw new Error('draining: this server is stopping');
          },
        },
        { name: 'database', check: () => db.ping() },
        ...(limiters.kind === 'redis' ? [{ name: 'redis', check: () => limiters.ping() }] : []),
      ],
      routes: featureRoutes(deps).map((r) => work.trackRoute(r)),
      apiMiddleware: featureMiddleware(deps),
    });
    const stopJobs = startFeatureJobs(deps);
    log.info(
      { url: publicUrl, database: db.kind, dataDir: config.dataDir },
      'lanyard server listening',
    );

    let resolveClosed!: () => void;
    const closed = new Promise<void>((r) => (resolveClosed = r));
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        // Behind a load balancer: fail its health check first and keep serving until it has
        // noticed, so no request is sent to a port that no longer accepts. Every answer from
        // now on closes its connection, so the balancer keeps no idle one it could send a
        // request on just as it is closed.
        draining = true;
        stopping = true;
        if (config.drainMs > 0) {
          log.info({ drainMs: config.drainMs }, 'draining: /readyz fails, requests still served');
          await new Promise((r) => setTimeout(r, config.drainMs));
        }
        const drained = new Promise<void>((r) => http.close(() => r()));
        http.closeIdleConnections();
        let timer!: NodeJS.Timeout;
        const grace = new Promise<'grace over'>(
          (r) => (timer = setTimeout(r, GRACE_MS, 'grace over')),
        );
        // Streams and long-polls never end by themselves: end them (they answer what they have)
        // and stop the jobs before waiting for the requests.
        await stopJobs();
        if ((await Promise.race([work.settled(), grace])) === 'grace over') {
          log.warn({ running: work.size }, 'grace period over: closing with requests running');
        }
        // Kept-alive connections stay open after their answers; after the grace, every one.
        http.closeIdleConnections();
        await Promise.race([drained, grace]);
        http.closeAllConnections();
        // Requests that came on those connections meanwhile.
        await Promise.race([work.settled(), grace]);
        clearTimeout(timer);
        await identity.close();
        await changes.close();
        await limiters.close();
        await db.close();
        // Spans still buffered (the last requests') go out before the process ends.
        await tracing?.shutdown().catch(() => {});
        log.info('lanyard server stopped');
        resolveClosed();
      })());
    return { config, url: publicUrl, db, log, close, closed };
  } catch (err) {
    await limiters.close();
    await db.close().catch(() => {});
    await tracing?.shutdown().catch(() => {});
    throw err;
  }
}

function notReadyYet(res: ServerResponse): void {
  const body = JSON.stringify(
    problem(503, 'starting', 'The server is starting; retry in a moment.'),
  );
  res.writeHead(503, {
    'content-type': 'application/problem+json',
    'retry-after': '1',
    connection: 'close',
  });
  res.end(body);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
