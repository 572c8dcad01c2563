import { z } from 'zod';
import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import {
  CreateEventBody,
  CreateTicketTypeBody,
  Event,
  EventIdParams,
  EventPage,
  ListQuery,
  TicketType,
  TicketTypeList,
  TicketTypeParams,
  UpdateEventBody,
  UpdateTicketTypeBody,
} from './schema.js';
import * as service from './service.js';

const tags = ['events'];
const IncludeArchived = z.strictObject({
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export function eventRoutes(db: Db): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/events',
      operationId: 'createEvent',
      summary: 'Create an event',
      tags,
      auth: 'events:write',
      body: CreateEventBody,
      responses: { 201: { description: 'The event', schema: Event } },
      handler: async ({ body, principal }) => ({
        status: 201,
        body: await service.createEvent(db, actor(principal), body),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events',
      operationId: 'listEvents',
      summary: 'List events, newest first',
      tags,
      auth: 'events:read',
      query: ListQuery,
      responses: { 200: { description: 'A page of events', schema: EventPage } },
      handler: async ({ query, principal }) => ({
        status: 200,
        body: await service.listEvents(db, actor(principal), query),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}',
      operationId: 'getEvent',
      summary: 'Get an event',
      tags,
      auth: 'events:read',
      params: EventIdParams,
      responses: { 200: { description: 'The event', schema: Event } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.getEvent(db, actor(principal), params.eventId),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/v1/events/{eventId}',
      operationId: 'updateEvent',
      summary: 'Change some fields of an event',
      tags,
      auth: 'events:write',
      params: EventIdParams,
      body: UpdateEventBody,
      responses: { 200: { description: 'The changed event', schema: Event } },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.updateEvent(db, actor(principal), params.eventId, body),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/archive',
      operationId: 'archiveEvent',
      summary: 'Archive an event (it stays readable; nothing new can be sold or added)',
      tags,
      auth: 'events:write',
      params: EventIdParams,
      responses: { 200: { description: 'The archived event', schema: Event } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.archiveEvent(db, actor(principal), params.eventId),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/ticket-types',
      operationId: 'createTicketType',
      summary: 'Add a ticket type to an event',
      tags,
      auth: 'events:write',
      params: EventIdParams,
      body: CreateTicketTypeBody,
      responses: { 201: { description: 'The ticket type', schema: TicketType } },
      handler: async ({ params, body, principal }) => ({
        status: 201,
        body: await service.createTicketType(db, actor(principal), params.eventId, body),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/ticket-types',
      operationId: 'listTicketTypes',
      summary: 'List an event’s ticket types with sold, held and available seats',
      tags,
      auth: 'events:read',
      params: EventIdParams,
      query: IncludeArchived,
      responses: { 200: { description: 'The ticket types', schema: TicketTypeList } },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: await service.listTicketTypes(
          db,
          actor(principal),
          params.eventId,
          query.includeArchived,
        ),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/ticket-types/{ticketTypeId}',
      operationId: 'getTicketType',
      summary: 'Get a ticket type',
      tags,
      auth: 'events:read',
      params: TicketTypeParams,
      responses: { 200: { description: 'The ticket type', schema: TicketType } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.getTicketType(
          db,
          actor(principal),
          params.eventId,
          params.ticketTypeId,
        ),
      }),
    }),
    route({
      method: 'patch',
      path: '/api/v1/events/{eventId}/ticket-types/{ticketTypeId}',
      operationId: 'updateTicketType',
      summary: 'Change some fields of a ticket type',
      tags,
      auth: 'events:write',
      params: TicketTypeParams,
      body: UpdateTicketTypeBody,
      responses: { 200: { description: 'The changed ticket type', schema: TicketType } },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.updateTicketType(
          db,
          actor(principal),
          params.eventId,
          params.ticketTypeId,
          body,
        ),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/ticket-types/{ticketTypeId}/archive',
      operationId: 'archiveTicketType',
      summary: 'Archive a ticket type (its sold tickets stay valid; no new sales)',
      tags,
      auth: 'events:write',
      params: TicketTypeParams,
      responses: { 200: { description: 'The archived ticket type', schema: TicketType } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.archiveTicketType(
          db,
          actor(principal),
          params.eventId,
          params.ticketTypeId,
        ),
      }),
    }),
  ];
}
