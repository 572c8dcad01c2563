import { route, type AnyRoute } from '../../http/route.js';
import type { Db } from '../../platform/db/db.js';
import { actor } from '../identity/principal.js';
import type { Authorizer } from './authorizer.js';
import { PutTeamMemberBody, TeamList, TeamMember, TeamMemberParams, TeamParams } from './schema.js';
import * as service from './service.js';

const tags = ['team'];

/** An event's team: which accounts hold which role on it. */
export function teamRoutes(db: Db, authorizer: Authorizer): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/team',
      operationId: 'listEventTeam',
      summary: 'The accounts holding a role on the event (organization admins reach it besides)',
      tags,
      auth: 'events:read',
      params: TeamParams,
      responses: { 200: { description: 'Oldest grant first', schema: TeamList } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: { items: await service.listTeam(db, actor(principal), params.eventId) },
      }),
    }),
    route({
      method: 'put',
      path: '/api/v1/events/{eventId}/team/{accountId}',
      operationId: 'putEventTeamMember',
      summary:
        'Give an account its role on the event, replacing the one it had; effective on its next request',
      tags,
      auth: 'events:write',
      params: TeamMemberParams,
      body: PutTeamMemberBody,
      responses: {
        200: { description: 'The role was changed', schema: TeamMember },
        201: { description: 'The account joined the team', schema: TeamMember },
        404: { description: '`organizer_account_not_found`, `event_not_found`' },
        409: { description: '`account_disabled`' },
      },
      handler: async ({ params, body, principal }) => {
        const { member, created } = await service.putMember(
          db,
          actor(principal),
          params.eventId,
          params.accountId,
          body.role,
        );
        authorizer.forgetAccount(params.accountId);
        return { status: created ? 201 : 200, body: member };
      },
    }),
    route({
      method: 'delete',
      path: '/api/v1/events/{eventId}/team/{accountId}',
      operationId: 'deleteEventTeamMember',
      summary: "Revoke an account's role on the event; effective on its next request",
      tags,
      auth: 'events:write',
      params: TeamMemberParams,
      responses: {
        204: { description: 'Revoked' },
        404: { description: '`team_member_not_found`' },
      },
      handler: async ({ params, principal }) => {
        await service.removeMember(db, actor(principal), params.eventId, params.accountId);
        authorizer.forgetAccount(params.accountId);
        return { status: 204 };
      },
    }),
  ];
}
