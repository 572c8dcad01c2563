import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { type ZodType } from 'zod';
import { invalid, type FieldIssue } from '../platform/errors.js';
import type { Principal, Scope } from '../features/identity/principal.js';
import { withRequestOrigin } from '../features/audit/context.js';

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export interface ResponseSpec {
  description: string;
  schema?: ZodType;
  /** Defaults to application/json. */
  contentType?: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Infer<T> = T extends ZodType ? z.output<T> : undefined;

export interface RouteInput<P, Q, B> {
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  /** Set on every route whose auth is a scope. */
  principal: Principal | undefined;
  req: Request;
  res: Response;
}

export interface RouteDef<
  P extends ZodType | undefined,
  Q extends ZodType | undefined,
  B extends ZodType | undefined,
> {
  method: Method;
  /** OpenAPI-style path: `/api/v1/events/{eventId}`. */
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  /** A scope the bearer token must hold, or 'public' for no token. */
  auth: Scope | 'public';
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, ResponseSpec>;
  /** Returns the reply, or undefined when it wrote the response itself (streams, images). */
  handler: (input: RouteInput<P, Q, B>) => Promise<Reply | undefined>;
}

// Routes are stored type-erased; the generics only check each definition.
export type AnyRoute = RouteDef<ZodType | undefined, ZodType | undefined, ZodType | undefined>;

export interface AuthMiddleware {
  authenticate: RequestHandler;
  requireScope: (scope: Scope) => RequestHandler;
  /**
   * The event check after the scope check: whether the caller's roles reach the addressed
   * object's event (features/team/route-access.ts). Every route with a scope needs a decision;
   * without this only public routes can be mounted.
   */
  authorization?: {
    decided(operationId: string): boolean;
    /** The rule as documented in the OpenAPI document. */
    describe(operationId: string): Record<string, unknown> | undefined;
    authorize(
      operationId: string,
      principal: Principal,
      params: Record<string, unknown> | undefined,
    ): Promise<Principal>;
  };
}

/** Defines a route once; it is both mounted on express and described in the OpenAPI document. */
export function route<
  P extends ZodType | undefined = undefined,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
>(def: RouteDef<P, Q, B>): AnyRoute {
  return def as unknown as AnyRoute;
}

/** zod issues → field-by-field messages; unknown keys are named one by one. */
export function fieldIssues(error: z.ZodError, prefix?: string): FieldIssue[] {
  const join = (path: PropertyKey[]) =>
    [prefix, ...path.map(String)].filter(Boolean).join('.') || '(root)';
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: join([...issue.path, key]),
          message: 'is not a known field',
        }))
      : [{ field: join(issue.path), message: issue.message }],
  );
}

function parse<T extends ZodType | undefined>(
  schema: T,
  value: unknown,
  where: 'params' | 'query' | 'body',
): Infer<T> {
  if (!schema) return undefined as Infer<T>;
  const result = schema.safeParse(value);
  if (result.success) return result.data as Infer<T>;
  const fields = fieldIssues(result.error, where === 'body' ? undefined : where);
  const first = fields[0];
  throw invalid(
    'validation_failed',
    first ? `${first.field}: ${first.message}` : 'The request is invalid.',
    fields,
  );
}

const toExpressPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

const authenticated = (auth: AuthMiddleware, req: Request, res: Response) =>
  new Promise<void>((resolve, reject) =>
    auth.authenticate(req, res, (err?: unknown) => (err ? reject(err) : resolve())),
  );

export function mountRoutes(router: Router, routes: AnyRoute[], auth: AuthMiddleware): void {
  for (const r of routes) {
    const decided = auth.authorization?.decided(r.operationId) ?? false;
    if (r.auth !== 'public' && !decided)
      throw new Error(`${r.operationId} has a scope but no access decision (route-access.ts)`);
    const guards = r.auth === 'public' ? [] : [auth.authenticate, auth.requireScope(r.auth)];
    const handle: RequestHandler = async (req, res) => {
      const params = parse(r.params, req.params, 'params');
      // A public route that also serves staff applies the rule when a bearer token is sent.
      if (r.auth === 'public' && decided && req.headers.authorization !== undefined)
        await authenticated(auth, req, res);
      if (decided && req.principal) {
        req.principal = await auth.authorization!.authorize(
          r.operationId,
          req.principal,
          params as Record<string, unknown> | undefined,
        );
      }
      const input = {
        params,
        query: parse(r.query, req.query, 'query'),
        body: parse(r.body, req.body ?? (r.body ? undefined : {}), 'body'),
        principal: req.principal,
        req,
        res,
      };
      // Only authenticated routes can write audit entries; public ones skip the context.
      const reply =
        r.auth === 'public'
          ? await r.handler(input as never)
          : await withRequestOrigin(
              { ip: req.ip ?? null, userAgent: req.get('user-agent')?.slice(0, 512) ?? null },
              () => r.handler(input as never),
            );
      if (!reply) return;
      for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
      if (reply.body === undefined) res.status(reply.status).end();
      else res.status(reply.status).json(reply.body);
    };
    router[r.method](toExpressPath(r.path), ...guards, handle);
  }
}
