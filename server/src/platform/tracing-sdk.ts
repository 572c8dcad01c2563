import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

// Loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is set (tracing.ts). The provider registers the
// AsyncLocalStorage context manager and the W3C trace-context propagator for the process.

/** OTLP/HTTP with JSON bodies to `${endpoint}/v1/traces`, batched every second. */
export function startSdk(
  endpoint: string,
  serviceName: string,
): { tracer: Tracer; shutdown(): Promise<void> } {
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1000 })],
  });
  provider.register();
  return { tracer: provider.getTracer('lanyard'), shutdown: () => provider.shutdown() };
}
