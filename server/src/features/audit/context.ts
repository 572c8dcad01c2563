import { AsyncLocalStorage } from 'node:async_hooks';

/** Where the current request came from, for audit entries written deep inside a use case. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

const origin = new AsyncLocalStorage<RequestOrigin>();

/** Runs an authenticated route's handler with its origin in reach of appendAudit. */
export const withRequestOrigin = <T>(o: RequestOrigin, fn: () => T): T => origin.run(o, fn);

export const currentOrigin = (): RequestOrigin =>
  origin.getStore() ?? { ip: null, userAgent: null };
