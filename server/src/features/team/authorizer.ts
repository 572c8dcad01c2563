import type { Queryable } from '../../platform/db/db.js';
import { DomainError, forbidden, notFound, unauthenticated } from '../../platform/errors.js';
import { ExpiringCache } from '../../platform/expiring-cache.js';
import type { Principal } from '../identity/principal.js';
import { ROUTE_ACCESS, type RouteAccess } from './route-access.js';
import { may, reaches, roleOn, type Reach } from './roles.js';
import { accountAccess, deviceOfClient, eventOfObject, type OwnedObject } from './store.js';

// An account disabled, or a role revoked, on another replica is honoured within this long; the
// replica that changed it forgets at once. Short, since each check-in request passes here.
const REACH_TTL_MS = 1_000;
const MAX_ENTRIES = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORGANIZATION: Reach = { kind: 'organization' };

const PARAM: Record<OwnedObject, string> = {
  ticket: 'ticketId',
  order: 'orderId',
  webhook: 'webhookId',
  message: 'messageId',
  broadcast: 'broadcastId',
  waitlist_entry: 'entryId',
};

const authorizers = new WeakMap<Queryable, Authorizer>();

/** The one authorizer of a database in this process, so whoever changes a role can forget it. */
export function authorizerFor(db: Queryable): Authorizer {
  let a = authorizers.get(db);
  if (!a) authorizers.set(db, (a = new Authorizer(db)));
  return a;
}

/**
 * Decides, on every request with a bearer token, which events its caller reaches (from the
 * account's status and roles, or the kiosk's binding, read per request and remembered for a
 * second) and whether the route's access rule lets it through.
 */
export class Authorizer {
  private readonly reachByKey: ExpiringCache<Reach>;

  constructor(
    private readonly db: Queryable,
    private readonly rules: Readonly<Record<string, RouteAccess>> = ROUTE_ACCESS,
    now: () => number = Date.now,
  ) {
    this.reachByKey = new ExpiringCache(REACH_TTL_MS, MAX_ENTRIES, now);
  }

  /** The operation's rule; undefined when no decision was made for it. */
  ruleFor(operationId: string): RouteAccess | undefined {
    return this.rules[operationId];
  }

  /** The principal with its reach, or a 401/403/404 DomainError. */
  async authorize(
    operationId: string,
    principal: Principal,
    params: Record<string, unknown> | undefined,
  ): Promise<Principal> {
    const rule = this.rules[operationId];
    if (!rule) throw new Error(`No access decision for ${operationId}`);
    const reach = await this.reachOf(principal);
    const allowed = { ...principal, reach };
    if (rule === 'any' || reach.kind === 'organization') return allowed;
    if (rule === 'organization')
      throw forbidden(
        'organization_admin_required',
        'This needs an organization admin; your account has roles on single events only.',
      );
    const id = String(params?.[rule.on === 'event' ? 'eventId' : PARAM[rule.on]] ?? '');
    const eventId =
      rule.on === 'event' ? id.toLowerCase() : await eventOfObject(this.db, rule.on, id);
    // A kiosk knows its one event; said the same whether or not the other one exists.
    if (reach.kind === 'device' && eventId && eventId !== reach.eventId)
      throw forbidden('device_not_for_event', 'This device is enrolled for another event.');
    // An event the caller has no role on is answered like one that does not exist.
    if (!eventId || !reaches(reach, eventId)) throw notFound(rule.on.replace('_', ' '), id);
    if (!may(reach, eventId, rule.can)) {
      throw new DomainError(
        'forbidden',
        'role_forbidden',
        `Your role on this event (${roleOn(reach, eventId)}) does not allow this.`,
        { needs: rule.can },
      );
    }
    return allowed;
  }

  /** Forgets what this replica remembers of an account, right after its status or roles change. */
  forgetAccount(accountId: string): void {
    this.reachByKey.delete(`account:${accountId}`);
  }

  /**
   * Client credentials act for the organization, or for their kiosk's event; a person's token
   * (its subject an organizer account) for what the account holds now.
   */
  reachOf(principal: Principal): Promise<Reach> {
    const { clientId, subject } = principal;
    if (clientId !== undefined && subject === clientId) {
      return this.reachByKey.get(`client:${clientId}`, async () => {
        const device = await deviceOfClient(this.db, clientId);
        if (!device) return ORGANIZATION;
        if (device.revoked)
          throw unauthenticated('device_revoked', 'This device has been revoked by the organizer.');
        return { kind: 'device', eventId: device.eventId };
      });
    }
    // Tokens of an external issuer name people this server has no account for.
    if (!UUID.test(subject)) return Promise.resolve(ORGANIZATION);
    return this.reachByKey.get(`account:${subject.toLowerCase()}`, async () => {
      const account = await accountAccess(this.db, subject);
      if (!account) return ORGANIZATION;
      if (account.disabled)
        throw unauthenticated('account_disabled', 'This account has been disabled.');
      if (account.organizationAdmin) return ORGANIZATION;
      return { kind: 'account', accountId: subject.toLowerCase(), roles: account.roles };
    });
  }
}
