import { route, type AnyRoute } from '../../http/route.js';
import type { Db } from '../../platform/db/db.js';
import { actor } from '../identity/principal.js';
import type { Links } from '../notifications/links.js';
import type { Authorizer } from '../team/authorizer.js';
import { inviteAccount, sendPasswordLink } from './password-link-service.js';
import {
  AccountIdParams,
  AccountList,
  CreateAccountBody,
  CreatedAccount,
  InviteAccountBody,
  OrganizerAccount,
  PasswordLinkSent,
  UpdateAccountBody,
} from './schema.js';
import * as service from './service.js';
import { listAccounts } from './store.js';

const tags = ['organizer accounts'];

/** Organizer accounts: the people who sign in with the CLI's device login and the dashboard. */
export function accountRoutes(db: Db, authorizer: Authorizer, links: Links): AnyRoute[] {
  return [
    route({
      method: 'post',
      path: '/api/v1/accounts/invitations',
      operationId: 'inviteOrganizerAccount',
      summary:
        'Invite a team member by email: the account is created without a password, given its event roles, and mailed a one-time link (72 h) to set one',
      tags,
      auth: 'admin',
      body: InviteAccountBody,
      responses: {
        201: {
          description: 'The account (passwordSet: false until the link is used)',
          schema: OrganizerAccount,
        },
        403: { description: '`scope_not_held`' },
        404: { description: 'An event of eventRoles is not in your organization' },
        409: { description: '`email_taken`' },
      },
      handler: async ({ body, principal }) => ({
        status: 201,
        body: await inviteAccount(db, actor(principal), links, body),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/accounts/{accountId}/password-link',
      operationId: 'sendOrganizerPasswordLink',
      summary:
        'Mail the account a one-time link that sets its password: a reset (its password works until the link is used), or the invite again when it has none; older links stop working',
      tags,
      auth: 'admin',
      params: AccountIdParams,
      responses: {
        202: { description: 'The mail is queued', schema: PasswordLinkSent },
        404: { description: 'No such account in your organization' },
        409: { description: '`account_disabled`' },
      },
      handler: async ({ params, principal }) => ({
        status: 202,
        body: await sendPasswordLink(db, actor(principal), links, params.accountId),
      }),
    }),
    route({
      method: 'post',
      path: '/api/v1/accounts',
      operationId: 'createOrganizerAccount',
      summary:
        'Create an organizer account of your organization (a generated password is returned once)',
      tags,
      auth: 'admin',
      body: CreateAccountBody,
      responses: {
        201: { description: 'The account', schema: CreatedAccount },
        403: { description: '`scope_not_held`' },
        409: { description: '`email_taken`' },
      },
      handler: async ({ body, principal }) => ({
        status: 201,
        body: await service.createAccount(db, actor(principal), body),
        headers: { 'Cache-Control': 'no-store' },
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/accounts',
      operationId: 'listOrganizerAccounts',
      summary: "List your organization's organizer accounts",
      tags,
      auth: 'admin',
      responses: { 200: { description: 'Oldest first', schema: AccountList } },
      handler: async ({ principal }) => ({
        status: 200,
        body: { items: await listAccounts(db, actor(principal).organizationId) },
      }),
    }),
    route({
      method: 'patch',
      path: '/api/v1/accounts/{accountId}',
      operationId: 'updateOrganizerAccount',
      summary:
        "Change an account's name, scopes or organization-wide reach (organizationAdmin: true makes an existing organizer an organization admin)",
      tags,
      auth: 'admin',
      params: AccountIdParams,
      body: UpdateAccountBody,
      responses: {
        200: { description: 'The account as changed', schema: OrganizerAccount },
        403: { description: '`scope_not_held`' },
        404: { description: 'No such account in your organization' },
        409: { description: '`last_administrator`: it is the only one left' },
      },
      handler: async ({ params, body, principal }) => {
        const account = await service.updateAccount(db, actor(principal), params.accountId, body);
        authorizer.forgetAccount(params.accountId);
        return { status: 200, body: account };
      },
    }),
    route({
      method: 'post',
      path: '/api/v1/accounts/{accountId}/disable',
      operationId: 'disableOrganizerAccount',
      summary:
        'Disable an account: it can no longer sign in or refresh its tokens, and its access tokens are refused from its next request',
      tags,
      auth: 'admin',
      params: AccountIdParams,
      responses: { 204: { description: 'Disabled' } },
      handler: async ({ params, principal }) => {
        await service.disableAccount(db, actor(principal), params.accountId);
        authorizer.forgetAccount(params.accountId);
        return { status: 204 };
      },
    }),
  ];
}
