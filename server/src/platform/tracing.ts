import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Tracer,
} from '@opentelemetry/api';
import type { RequestHandler } from 'express';

// OpenTelemetry tracing of HTTP requests, database statements and outbox deliveries, exported
// over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set. Spans are made here by hand at those
// three seams rather than by the instrumentation packages, which patch modules as they load and
// so need a loader hook before the server's first import: with the variable unset the SDK is
// never imported, and every helper below is a check of one variable.

declare module 'express-serve-static-core' {
  interface Request {
    /** The trace this request's span belongs to (tracing on only). */
    traceId?: string;
  }
}

let tracer: Tracer | undefined;

export interface Tracing {
  /** Exports the spans still buffered and stops. */
  shutdown(): Promise<void>;
}

/** Starts tracing if OTEL_EXPORTER_OTLP_ENDPOINT is set; loads nothing otherwise. */
export async function startTracing(endpoint: string | undefined): Promise<Tracing | undefined> {
  if (!endpoint) return undefined;
  const sdk = await import('./tracing-sdk.js');
  const started = sdk.startSdk(endpoint, 'lanyard');
  tracer = started.tracer;
  return {
    async shutdown() {
      tracer = undefined;
      await started.shutdown();
    },
  };
}

/** The active trace and span, for log lines (none when tracing is off). */
export function traceFields(): { trace_id: string; span_id: string } | Record<string, never> {
  if (!tracer) return {};
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}

/** A server span per request, continuing the caller's W3C traceparent; undefined when off. */
export function httpSpans(): RequestHandler | undefined {
  const t = tracer;
  if (!t) return undefined;
  return (req, res, next) => {
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = t.startSpan(
      req.method,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': req.method, 'url.path': req.path },
      },
      parent,
    );
    req.traceId = span.spanContext().traceId;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      // The route template, not the URL, as the metrics label it.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : undefined;
      if (route) {
        span.updateName(`${req.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      span.setAttribute('http.response.status_code', res.statusCode);
      span.setAttribute('lanyard.request_id', req.id);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Runs `fn` in a span (a child of the active one, or a new trace with `root`). */
export function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; root?: boolean },
  fn: () => Promise<T>,
): Promise<T> {
  const t = tracer;
  if (!t) return fn();
  return t.startActiveSpan(name, options, async (span) => {
    try {
      return await fn();
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** Runs `fn` in a child span of the active one; without one (a background job), untraced. */
export function inChildSpan<T>(
  name: string,
  attributes: Attributes,
  fn: () => Promise<T>,
): Promise<T> {
  if (!tracer || !trace.getActiveSpan()) return fn();
  return inSpan(name, { kind: SpanKind.CLIENT, attributes }, fn);
}

export { SpanKind };
