import { z } from 'zod';
import type { AnyRoute } from './route.js';

/** Builds the OpenAPI 3.1 document from the same zod schemas the routes validate with. */
export function buildOpenApi(
  routes: AnyRoute[],
  info: { serverUrl: string; tokenUrl: string | undefined },
) {
  const paths: Record<string, Record<string, unknown>> = {};
  const problem = {
    description: 'An RFC 9457 problem; `code` is stable.',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
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
