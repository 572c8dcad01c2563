import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import type { Identity } from '../identity/index.js';
import { actor } from '../identity/principal.js';
import { accessorFromRequest } from './accessor-from-request.js';
import { qrPng, qrSvg } from './qr-image.js';
import {
  AnswersBody,
  AttendeeBody,
  EventIdParams,
  ListTicketsQuery,
  OwnerQuery,
  QrQuery,
  ReissueBody,
  RevokeBody,
  SigningKey,
  SigningKeyList,
  Ticket,
  TicketHistory,
  TicketIdParams,
  TicketPage,
  TransferBody,
  TransferResult,
} from './schema.js';
import * as service from './service.js';

const tags = ['tickets'];
// Tokens and access keys must not sit in shared caches or the browser's disk cache.
const PRIVATE = { 'Cache-Control': 'private, no-store' };
const HOLDER_OR_STAFF =
  ' Open to the holder (access key in `X-Access-Key` or `?key=`) and to staff (bearer token).';

export function ticketingRoutes(db: Db, identity: Identity): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/tickets/{ticketId}',
      operationId: 'getTicket',
      summary: `Get a ticket with its token.${HOLDER_OR_STAFF} Staff need tickets:read.`,
      tags,
      auth: 'public',
      params: TicketIdParams,
      query: OwnerQuery,
      responses: {
        200: { description: 'The ticket', schema: Ticket },
        401: { description: '`missing_credential`: neither an access key nor a bearer token' },
        404: {
          description: '`ticket_not_found`: no such ticket, or not one this credential opens',
        },
      },
      handler: async ({ params, query, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'tickets:read', query.key);
        return {
          status: 200,
          body: await service.getTicket(db, who, params.ticketId),
          headers: PRIVATE,
        };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/tickets/{ticketId}/qr.png',
      operationId: 'getTicketQrPng',
      summary: `The ticket's QR code as PNG (error correction M, 4-module quiet zone).${HOLDER_OR_STAFF}`,
      tags,
      auth: 'public',
      params: TicketIdParams,
      query: QrQuery,
      responses: { 200: { description: 'PNG image of the token', contentType: 'image/png' } },
      handler: async ({ params, query, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'tickets:read', query.key);
        const ticket = await service.getTicket(db, who, params.ticketId);
        res
          .status(200)
          .set(PRIVATE)
          .type('image/png')
          .send(await qrPng(ticket.token, query.scale));
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/tickets/{ticketId}/qr.svg',
      operationId: 'getTicketQrSvg',
      summary: `The ticket's QR code as SVG (error correction M, 4-module quiet zone).${HOLDER_OR_STAFF}`,
      tags,
      auth: 'public',
      params: TicketIdParams,
      query: OwnerQuery,
      responses: { 200: { description: 'SVG image of the token', contentType: 'image/svg+xml' } },
      handler: async ({ params, query, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'tickets:read', query.key);
        const ticket = await service.getTicket(db, who, params.ticketId);
        res
          .status(200)
          .set(PRIVATE)
          .type('image/svg+xml')
          .send(await qrSvg(ticket.token));
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/tickets/{ticketId}/history',
      operationId: 'getTicketHistory',
      summary: `Every state change of a ticket, oldest first.${HOLDER_OR_STAFF} Staff need tickets:read.`,
      tags,
      auth: 'public',
      params: TicketIdParams,
      query: OwnerQuery,
      responses: { 200: { description: 'The history', schema: TicketHistory } },
      handler: async ({ params, query, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'tickets:read', query.key);
        return {
          status: 200,
          body: await service.ticketHistory(db, who, params.ticketId),
          headers: PRIVATE,
        };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/tickets/{ticketId}/revoke',
      operationId: 'revokeTicket',
      summary:
        'Revoke a ticket: its token is refused from then on (a second revoke changes nothing)',
      tags,
      auth: 'tickets:write',
      params: TicketIdParams,
      body: RevokeBody,
      responses: {
        200: { description: 'The revoked ticket', schema: Ticket },
        409: { description: '`ticket_cancelled`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.revokeTicket(db, actor(principal), params.ticketId, body?.reason),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/tickets/{ticketId}/reissue',
      operationId: 'reissueTicket',
      summary: 'Give a ticket a new token of the next revision; the previous token is refused',
      tags,
      auth: 'tickets:write',
      params: TicketIdParams,
      body: ReissueBody,
      responses: {
        200: { description: 'The ticket with its new token', schema: Ticket },
        409: { description: '`ticket_revoked`, `ticket_cancelled`, `revision_exhausted`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.reissueTicket(db, actor(principal), params.ticketId, body?.reason),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/tickets/{ticketId}/transfer',
      operationId: 'transferTicket',
      summary:
        `Hand a ticket to another person: new token and a new access key, the only one that opens it from now on.` +
        `${HOLDER_OR_STAFF} Staff need tickets:write.`,
      tags,
      auth: 'public',
      params: TicketIdParams,
      query: OwnerQuery,
      body: TransferBody,
      responses: {
        200: { description: 'The ticket and the new holder’s access key', schema: TransferResult },
        409: { description: '`ticket_revoked`, `ticket_cancelled`, `ticket_not_valid` (unpaid)' },
      },
      handler: async ({ params, query, body, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'tickets:write', query.key);
        return {
          status: 200,
          body: await service.transferTicket(db, who, params.ticketId, body),
          headers: PRIVATE,
        };
      },
    }),
    route({
      method: 'put',
      path: '/api/v1/tickets/{ticketId}/answers',
      operationId: 'changeTicketAnswers',
      summary:
        'Correct the registration answers of a ticket’s order (all of them, checked as registration checks them); kept in the ticket’s history',
      tags,
      auth: 'tickets:write',
      params: TicketIdParams,
      body: AnswersBody,
      responses: {
        200: { description: 'The ticket with its answers', schema: Ticket },
        400: { description: '`validation_failed`: a required answer missing, a bad choice' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.changeAnswers(db, actor(principal), params.ticketId, body),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'put',
      path: '/api/v1/tickets/{ticketId}/attendee',
      operationId: 'changeTicketAttendee',
      summary:
        `Name the person who uses this ticket (kiosk greeting, badge, search, exports); the token stays.` +
        `${HOLDER_OR_STAFF} Staff need tickets:write.`,
      tags,
      auth: 'public',
      params: TicketIdParams,
      query: OwnerQuery,
      body: AttendeeBody,
      responses: {
        200: { description: 'The ticket with its attendee', schema: Ticket },
        409: { description: '`ticket_revoked`, `ticket_cancelled`' },
      },
      handler: async ({ params, query, body, req, res }) => {
        const who = await accessorFromRequest(req, res, identity, 'tickets:write', query.key);
        return {
          status: 200,
          body: await service.changeAttendee(db, who, params.ticketId, body),
          headers: PRIVATE,
        };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/tickets',
      operationId: 'listEventTickets',
      summary: 'List an event’s tickets, oldest first, optionally by status',
      tags,
      auth: 'tickets:read',
      params: EventIdParams,
      query: ListTicketsQuery,
      responses: { 200: { description: 'A page of tickets', schema: TicketPage } },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: await service.listEventTickets(db, actor(principal), params.eventId, query),
        headers: PRIVATE,
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/signing-keys',
      operationId: 'listSigningKeys',
      summary: 'The public keys that verify the event’s ticket tokens, newest first',
      tags,
      auth: 'tickets:read',
      params: EventIdParams,
      responses: { 200: { description: 'The public keys', schema: SigningKeyList } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.listSigningKeys(db, actor(principal), params.eventId),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/events/{eventId}/signing-keys/rotate',
      operationId: 'rotateSigningKey',
      summary: 'Sign new tokens with a new key; the previous keys are retired but keep verifying',
      tags,
      auth: 'events:write',
      params: EventIdParams,
      responses: { 201: { description: 'The new key (public half)', schema: SigningKey } },
      handler: async ({ params, principal }) => ({
        status: 201,
        body: await service.rotateSigningKeys(db, actor(principal), params.eventId),
      }),
    }),
  ];
}
