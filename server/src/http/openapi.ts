import { z } from 'zod';
import type { AnyRoute } from './route.js';

/** An outgoing webhook for the document's `webhooks` section: a type and its payload schema. */
export interface WebhookDoc {
  name: string;
  summary: string;
  payload: z.ZodType;
}

/** Builds the OpenAPI 3.1 document from the same zod schemas the routes validate with. */
export function buildOpenApi(
  routes: AnyRoute[],
  info: {
    serverUrl: string;
    tokenUrl: string | undefined;
    webhooks?: readonly WebhookDoc[];
    /** Who gets through an operation beyond its scope (roles per event). */
    accessOf?: (operationId: string) => Record<string, unknown> | undefined;
  },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  const problem = {
    description: 'An RFC 9457 problem; `code` is stable.',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  const access = (operationId: string) => info.accessOf?.(operationId);
  for (const r of routes) {
    const parameters = [...objectParams(r.params, 'path'), ...objectParams(r.query, 'query')];
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(r.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.schema
          ? {
              content: {
                [spec.contentType ?? 'application/json']: {
                  schema: jsonSchema(spec.schema, 'output'),
                },
              },
            }
          : {}),
      };
    }
    responses['4XX'] = problem;
    (paths[r.path] ??= {})[r.method] = {
      operationId: r.operationId,
      summary: r.summary,
      tags: r.tags,
      security: r.auth === 'public' ? [] : [{ bearer: [] }, { oauth2: [r.auth] }],
      ...(access(r.operationId) ? { 'x-lanyard-access': access(r.operationId) } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              // A body schema that accepts `undefined` makes the body optional.
              required: !r.body.safeParse(undefined).success,
              content: { 'application/json': { schema: jsonSchema(r.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lanyard API',
      version: '1.0.0',
      description:
        'Registration, ticketing and check-in. Errors are application/problem+json with a stable `code`.',
    },
    servers: [{ url: info.serverUrl }],
    paths,
    webhooks: Object.fromEntries((info.webhooks ?? []).map((w) => [w.name, webhookItem(w)])),
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        ...(info.tokenUrl
          ? {
              oauth2: {
                type: 'oauth2',
                flows: { clientCredentials: { tokenUrl: info.tokenUrl, scopes: {} } },
              },
            }
          : {}),
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail', 'code'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            code: { type: 'string' },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: { field: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}

// What Lanyard POSTs to a registered endpoint; signed per the Standard Webhooks spec.
function webhookItem(w: WebhookDoc) {
  const header = (name: string, description: string) => ({
    name,
    in: 'header',
    required: true,
    description,
    schema: { type: 'string' },
  });
  return {
    post: {
      operationId: `webhook_${w.name.replace(/\W/g, '_')}`,
      summary: w.summary,
      tags: ['webhooks'],
      parameters: [
        header('webhook-id', 'The message id; the same on every retry and replay.'),
        header('webhook-timestamp', 'Unix seconds when this attempt was signed.'),
        header(
          'webhook-signature',
          '`v1,` + base64 HMAC-SHA256 of `id.timestamp.body`; during a rotation two, space-separated.',
        ),
      ],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: jsonSchema(w.payload, 'output') } },
      },
      responses: {
        '2XX': {
          description: 'Received. Anything else is retried (410 Gone disables the endpoint).',
        },
      },
    },
  };
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output') {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

function objectParams(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = jsonSchema(schema, 'input') as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}
