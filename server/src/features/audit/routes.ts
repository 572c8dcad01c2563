import type { Db } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import { route, type AnyRoute } from '../../http/route.js';
import { EventIdParams } from '../events/schema.js';
import { getEvent } from '../events/service.js';
import { actor } from '../identity/principal.js';
import { AuditPage, AuditQuery, EventAuditQuery, RedactParams, VerifyReport } from './schema.js';
import * as service from './service.js';

const tags = ['audit'];

export function auditRoutes(db: Db): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/audit',
      operationId: 'listAudit',
      summary: "The organization's audit log, newest first",
      tags,
      auth: 'admin',
      query: AuditQuery,
      responses: { 200: { description: 'A page of entries', schema: AuditPage } },
      handler: async ({ query, principal }) => ({
        status: 200,
        body: await service.listAudit(db, actor(principal).organizationId, query),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/audit/verify',
      operationId: 'verifyAudit',
      summary: 'Recompute the audit chain: gaps, broken links, edited entries, checkpoints',
      tags,
      auth: 'admin',
      responses: { 200: { description: 'What the check found', schema: VerifyReport } },
      handler: async () => ({ status: 200, body: await service.verifyAudit(db) }),
    }),
    route({
      method: 'post',
      path: '/api/v1/audit/{seq}/redact',
      operationId: 'redactAuditEntry',
      summary: "Erase an entry's personal data (its payload); the chain still verifies",
      tags,
      auth: 'admin',
      params: RedactParams,
      responses: { 204: { description: 'Redacted' } },
      handler: async ({ params, principal }) => {
        if (!(await service.redactAuditPayload(db, actor(principal), params.seq)))
          throw notFound('audit entry with a payload', String(params.seq));
        return { status: 204 };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/audit',
      operationId: 'listEventAudit',
      summary: "An event's audit log, newest first",
      tags,
      auth: 'events:write',
      params: EventIdParams,
      query: EventAuditQuery,
      responses: { 200: { description: 'A page of entries', schema: AuditPage } },
      handler: async ({ params, query, principal }) => {
        const who = actor(principal);
        await getEvent(db, who, params.eventId);
        return {
          status: 200,
          body: await service.listAudit(db, who.organizationId, {
            ...query,
            eventId: params.eventId,
          }),
        };
      },
    }),
  ];
}
