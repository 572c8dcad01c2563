import i18next from 'i18next';

// The portal's one way to reach the server: JSON in and out, problem+json turned into ApiError.
// Access keys travel in the X-Access-Key header, never in API URLs (which end up in logs).

export interface FieldIssue {
  field: string;
  message: string;
}

export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: FieldIssue[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
  get code(): string {
    return this.problem.code;
  }
  get status(): number {
    return this.problem.status;
  }
}

export interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  accessKey?: string | null;
  headers?: Record<string, string>;
  /** 'no-cache' asks the server again instead of a briefly cached answer. */
  cache?: RequestCache;
  /** Aborts the request, e.g. a search the person has typed past. */
  signal?: AbortSignal;
}

/** Sends one request; resolves with status and parsed body, or rejects with ApiError. */
export async function call<T>(path: string, c: Call = {}): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: 'application/json', ...c.headers };
  if (c.accessKey) headers['x-access-key'] = c.accessKey;
  if (c.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: c.method ?? (c.body === undefined ? 'GET' : 'POST'),
      headers,
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
      ...(c.cache ? { cache: c.cache } : {}),
      ...(c.signal ? { signal: c.signal } : {}),
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network_error',
      detail: i18next.t('common.network'),
    });
  }
  const text = await res.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!res.ok) throw new ApiError(toProblem(res.status, parsed));
  return { status: res.status, body: parsed as T };
}

/** Fetches a binary resource (a QR image) with the access key in a header. */
export async function fetchBlob(path: string, accessKey: string | null): Promise<Blob> {
  const res = await fetch(path, { headers: accessKey ? { 'x-access-key': accessKey } : {} });
  if (!res.ok) throw new ApiError(toProblem(res.status, safeJson(await res.text())));
  return res.blob();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toProblem(status: number, body: unknown): Problem {
  const p = (body ?? {}) as Partial<Problem>;
  return {
    status,
    code: typeof p.code === 'string' ? p.code : `http_${status}`,
    detail: typeof p.detail === 'string' ? p.detail : `The server answered ${status}.`,
    ...(Array.isArray(p.errors) ? { errors: p.errors } : {}),
  };
}
