/** Stable codes of the errors the station agent throws; screens and logs key on them. */
export type AgentErrorCode =
  | 'db_version_from_future'
  | 'db_open_failed'
  | 'not_configured'
  | 'already_enrolled'
  | 'enrollment_refused'
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'http_status'
  | 'bad_response'
  | 'bad_page'
  | 'already_started';

/** The one error class of the agent; `code` is what callers branch on, never the message. */
export class AgentError extends Error {
  override readonly name: string = 'AgentError';
  constructor(
    readonly code: AgentErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The cache was written by a newer agent. Opening it with older code could corrupt it, so the
 * agent refuses to start; the operator upgrades the agent or gives it a fresh data directory.
 */
export class DbVersionFromFutureError extends AgentError {
  override readonly name = 'DbVersionFromFutureError';
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      'db_version_from_future',
      `the kiosk cache is at schema version ${found}, newer than this agent's ${supported}; ` +
        'upgrade the agent or start it with an empty data directory',
    );
  }
}

/** An HTTP failure talking to the server; `status` is set when the server answered. */
export class TransportError extends AgentError {
  override readonly name = 'TransportError';
  constructor(
    code: 'network' | 'timeout' | 'unauthorized' | 'http_status' | 'bad_response',
    message: string,
    readonly status?: number,
    options?: { cause?: unknown; serverCode?: string },
  ) {
    super(code, message, options);
    this.serverCode = options?.serverCode;
  }

  /** The `code` of the server's problem answer, when it sent one (e.g. `device_revoked`). */
  readonly serverCode: string | undefined;

  /** Whether the server itself is unreachable (as opposed to answering with a refusal). */
  get unreachable(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      (this.code === 'http_status' && (this.status ?? 0) >= 500)
    );
  }
}

/**
 * The server refused an enrollment code. `reason` is the server's own code
 * (`enrollment_code_used`, `enrollment_code_expired`, `enrollment_code_unknown`, ...).
 */
export class EnrollmentError extends AgentError {
  override readonly name = 'EnrollmentError';
  constructor(
    readonly reason: string,
    message: string,
    readonly status: number,
  ) {
    super('enrollment_refused', message);
  }
}
