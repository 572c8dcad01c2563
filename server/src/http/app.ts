import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { requestLog } from './request-log.js';
import type { Logger } from '../platform/log.js';
import type { Metrics } from '../platform/metrics.js';
import { healthRouter, type ReadinessCheck } from '../features/health/routes.js';
import { webhookDocs } from '../features/webhooks/catalog.js';
import { buildOpenApi } from './openapi.js';
import { problem, problemHandler, sendProblem } from './problem.js';
import { mountRoutes, type AnyRoute, type AuthMiddleware } from './route.js';

export interface AppDeps {
  log: Logger;
  metrics: Metrics;
  publicUrl: string;
  bodyLimitBytes: number;
  /** Hops of trusted proxies in front (TRUST_PROXY): req.ip is the address they saw. */
  trustProxy: number;
  /** Bearer token /metrics needs; unset: open. */
  metricsToken?: string | undefined;
  auth: AuthMiddleware;
  /** The embedded OAuth2 issuer, mounted at /oauth; absent with an external issuer. */
  issuerHandler: RequestHandler | undefined;
  tokenEndpoint: string | undefined;
  readiness: ReadinessCheck[];
  routes: AnyRoute[];
  /** Opens each request's span (tracing on only); runs first, so every log line can name it. */
  tracing?: RequestHandler | undefined;
  /** Run on every API request before its route (rate limits that span many routes). */
  apiMiddleware?: RequestHandler[];
}

/** Composes the HTTP surface: logging, metrics, issuer, health, JSON API, problem+json errors. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // API responses are not cached by validators; hashing every body for an ETag is pure cost.
  app.set('etag', false);
  app.set('trust proxy', deps.trustProxy > 0 ? deps.trustProxy : false);

  if (deps.tracing) app.use(deps.tracing);
  app.use(requestLog(deps.log, (path) => path === '/healthz' || path === '/metrics'));
  app.use((req, res, next) => {
    const stop = deps.metrics.httpDuration.startTimer();
    res.on('finish', () => {
      // The route template, not the URL, so ids do not explode the label set.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      const labels = { method: req.method, route, status: String(res.statusCode) };
      stop(labels);
      deps.metrics.httpRequests.inc(labels);
    });
    next();
  });
  app.use(securityHeaders(deps.publicUrl));

  if (deps.issuerHandler) {
    // The issuer's own pages carry one inline <style> each, and a form may send the browser on
    // to a client's redirect URI on another origin.
    app.use('/oauth', helmet.contentSecurityPolicy({ useDefaults: false, directives: OAUTH_CSP }));
    app.use('/oauth', deps.issuerHandler);
  }
  app.use(healthRouter(deps.readiness, deps.metrics.registry, deps.metricsToken));

  // Built on the first request for it: turning every zod schema into JSON Schema costs ~0.3 s of
  // CPU, which a server start (every test server's too) need not wait for.
  let openapi: ReturnType<typeof buildOpenApi> | undefined;
  app.get('/api/v1/openapi.json', (_req, res) => {
    openapi ??= buildOpenApi(deps.routes, {
      serverUrl: deps.publicUrl,
      tokenUrl: deps.tokenEndpoint,
      webhooks: webhookDocs(),
      accessOf: deps.auth.authorization?.describe,
    });
    res.json(openapi);
  });

  const api = express.Router();
  api.use((req, res, next) => {
    const hasBody =
      req.headers['transfer-encoding'] !== undefined ||
      Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody && !req.is('application/json')) {
      sendProblem(
        res,
        problem(415, 'unsupported_media_type', 'Send the request body as application/json.'),
      );
      return;
    }
    next();
  });
  api.use(
    express.json({
      limit: deps.bodyLimitBytes,
      strict: false,
      // Kept for signature checks over the exact bytes (payment provider webhooks).
      verify: (req, _res, buf) => {
        (req as { rawBody?: Buffer }).rawBody = buf;
      },
    }),
  );
  for (const m of deps.apiMiddleware ?? []) api.use(m);
  mountRoutes(api, deps.routes, deps.auth);
  app.use(api);

  app.use((req, res) => {
    sendProblem(res, problem(404, 'route_not_found', `No endpoint ${req.method} ${req.path}.`));
  });
  app.use(problemHandler);
  return app;
}

// Everything the server answers loads only its own files and may be framed by nobody. The portal,
// dashboard and staff app set their own page policies on top (same sources).
const CSP = {
  defaultSrc: ["'self'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  connectSrc: ["'self'"],
};
const { formAction: _anyFormTarget, ...oauthBase } = CSP;
const OAUTH_CSP = { ...oauthBase, styleSrc: ["'self'", "'unsafe-inline'"] };

/**
 * helmet's headers: CSP, X-Frame-Options, nosniff, Referrer-Policy no-referrer, and HSTS only
 * when the public URL is https (over plain http it would be ignored at best, and would lock a
 * later http setup out at worst).
 */
function securityHeaders(publicUrl: string): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    strictTransportSecurity: publicUrl.startsWith('https:')
      ? { maxAge: 31_536_000, includeSubDomains: false }
      : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
}
