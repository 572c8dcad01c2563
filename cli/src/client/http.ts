import type { Connection } from '../config/connection.js';
import { CliError, authError } from '../errors.js';

interface Problem {
  title?: string;
  detail?: string;
  code?: string;
  status?: number;
  fields?: { field: string; message: string }[];
}

/**
 * The server's problem+json as a one-line CLI error. Exit status as docs/cli.md says: 400 and 404
 * are the user's input (a malformed value, an id that names nothing) → 2; 401/403 → 3; the
 * server's other refusals (conflicts, rules) → 4; its own failures → 1.
 */
export function problemError(status: number, p: Problem): CliError {
  const code = p.code ?? `http_${status}`;
  const message = p.detail ?? p.title ?? `the server answered ${status}`;
  const exit =
    status === 400 || status === 404
      ? 2
      : status === 401 || status === 403
        ? 3
        : status >= 500
          ? 1
          : 4;
  return new CliError(code, message, exit, p.fields ? { fields: p.fields } : undefined);
}

/** JSON over HTTP with a bearer token; a 401 re-runs the login grant once. */
export class Http {
  constructor(private readonly conn: Connection) {}

  get server(): string {
    return this.conn.server;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const send = async (fresh: boolean) => {
      const init: RequestInit = {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${await this.conn.token(fresh)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      };
      try {
        return await fetch(`${this.conn.server}${path}`, init);
      } catch (err) {
        const cause =
          (err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
        throw new CliError(
          'server_unreachable',
          `cannot reach ${this.conn.server} (${cause}); check --server or LANYARD_SERVER`,
        );
      }
    };
    let res = await send(false);
    if (res.status === 401 && !process.env.LANYARD_TOKEN) {
      await res.body?.cancel();
      res = await send(true);
    }
    if (res.status === 401) {
      throw authError('unauthorized', 'the server refused the token: run `lanyard login` again');
    }
    return res;
  }

  /** A JSON answer, or a CliError from the problem document. */
  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, body);
    return this.read<T>(res);
  }

  async read<T>(res: Response): Promise<T> {
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      throw new CliError(
        'bad_response',
        `the server answered ${res.status} with something that is not JSON`,
      );
    }
    if (!res.ok) throw problemError(res.status, (parsed ?? {}) as Problem);
    return parsed as T;
  }
}
