import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { traceFields } from './tracing.js';

export type { Logger };

/** One JSON logger per process; requests get child loggers carrying their request id. */
export function createLogger(config: Pick<Config, 'logLevel'>, traced = false): Logger {
  return pino({
    level: config.logLevel,
    // With tracing on, a line written inside a span names its trace and span.
    ...(traced && { mixin: traceFields }),
    base: { service: 'lanyard' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.client_secret', '*.password'],
      censor: '[redacted]',
    },
  });
}
