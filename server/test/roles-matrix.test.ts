import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from './harness.js';
import {
  createSale,
  json,
  register,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { enrolledKiosk } from '../src/features/checkin/test-support/checkin-fixtures.js';
import { grant, person } from './roles-support.js';

// Every operation of the OpenAPI document, called by every kind of caller, against one event
// whose objects all exist: the callers let through must be exactly the ones declared below. An
// operation added to the document without a line here fails the test.

const CALLERS = [
  'client', // client credentials (the bootstrap client): the whole organization
  'admin', // an organization admin's account
  'owner',
  'organizer',
  'viewer',
  'staff',
  'kiosk', // an account with the kiosk role
  'device', // an enrolled kiosk's own credential (checkin scope only)
  'outsider', // an account with a role on another event only
] as const;
type Caller = (typeof CALLERS)[number];

const ORG: Caller[] = ['client', 'admin'];
const ALL: Caller[] = [...CALLERS];
const NOT_DEVICE = ALL.filter((c) => c !== 'device');
const READ: Caller[] = [...ORG, 'owner', 'organizer', 'viewer', 'staff'];
const PERSONAL: Caller[] = [...ORG, 'owner', 'organizer', 'viewer'];
const FIND = READ;
const CHECKIN: Caller[] = [...ORG, 'owner', 'organizer', 'staff', 'kiosk', 'device'];
const MANAGE: Caller[] = [...ORG, 'owner', 'organizer'];
const TEAM: Caller[] = [...ORG, 'owner'];
/** No token taken (the attendee's key, a provider's signature, or nothing). */
const PUBLIC = 'public' as const;

const EXPECTED: Record<string, Caller[] | typeof PUBLIC> = {
  createOrganizerAccount: ORG,
  listOrganizerAccounts: ORG,
  disableOrganizerAccount: ORG,
  updateOrganizerAccount: ORG,
  inviteOrganizerAccount: ORG,
  sendOrganizerPasswordLink: ORG,
  backupDatabase: ORG,
  reindexSearch: ORG,
  updateOrganization: ORG,
  matchBankStatement: ORG,
  listMessages: ORG,
  retryDeadMessages: ORG,
  listWebhooks: ORG,
  createWebhook: ORG,
  listAudit: ORG,
  verifyAudit: ORG,
  redactAuditEntry: ORG,
  getOrganization: NOT_DEVICE,
  listEvents: NOT_DEVICE,
  createEvent: NOT_DEVICE,

  getEvent: READ,
  updateEvent: MANAGE,
  listEventImages: READ,
  putEventImage: MANAGE,
  deleteEventImage: MANAGE,
  archiveEvent: MANAGE,
  listTicketTypes: READ,
  createTicketType: MANAGE,
  getTicketType: READ,
  updateTicketType: MANAGE,
  archiveTicketType: MANAGE,
  listQuotas: READ,
  createQuota: MANAGE,
  getQuota: READ,
  updateQuota: MANAGE,
  archiveQuota: MANAGE,
  listQuestions: READ,
  createQuestion: MANAGE,
  getQuestion: READ,
  updateQuestion: MANAGE,
  archiveQuestion: MANAGE,
  listPromoCodes: READ,
  createPromoCode: MANAGE,
  generatePromoCodes: MANAGE,
  exportPromoCodes: READ,
  getPromoCode: READ,
  updatePromoCode: MANAGE,
  archivePromoCode: MANAGE,
  listCheckinLists: READ,
  createCheckinList: MANAGE,
  getCheckinList: READ,
  updateCheckinList: MANAGE,
  deleteCheckinList: MANAGE,
  getCheckinStats: READ,
  listCheckinFlags: READ,
  streamSales: READ,
  getReport: READ,
  getDoorView: READ,
  streamDoorView: READ,
  listDevices: READ,
  getDevice: READ,
  createDevice: MANAGE,
  renameDevice: MANAGE,
  revokeDevice: MANAGE,
  listSigningKeys: READ,
  rotateSigningKey: MANAGE,
  listBroadcasts: READ,
  createBroadcast: MANAGE,
  previewBroadcast: MANAGE,
  getBroadcast: READ,
  listMessageTexts: READ,
  saveMessageText: MANAGE,
  previewMessageText: MANAGE,
  listEventAudit: MANAGE,
  listEventTeam: READ,
  putEventTeamMember: TEAM,
  deleteEventTeamMember: TEAM,

  listScheduleRooms: READ,
  getScheduleRoom: READ,
  createScheduleRoom: MANAGE,
  updateScheduleRoom: MANAGE,
  deleteScheduleRoom: MANAGE,
  listScheduleTracks: READ,
  getScheduleTrack: READ,
  createScheduleTrack: MANAGE,
  updateScheduleTrack: MANAGE,
  deleteScheduleTrack: MANAGE,
  listScheduleSpeakers: READ,
  getScheduleSpeaker: READ,
  createScheduleSpeaker: MANAGE,
  updateScheduleSpeaker: MANAGE,
  deleteScheduleSpeaker: MANAGE,
  listScheduleSessions: READ,
  getScheduleSession: READ,
  createScheduleSession: MANAGE,
  updateScheduleSession: MANAGE,
  deleteScheduleSession: MANAGE,
  listScheduleSlots: READ,
  getScheduleSlot: READ,
  createScheduleSlot: MANAGE,
  updateScheduleSlot: MANAGE,
  deleteScheduleSlot: MANAGE,
  getScheduleDraft: READ,
  getScheduleConflicts: READ,
  setScheduleSeverities: MANAGE,
  releaseSchedule: MANAGE,
  listScheduleReleases: READ,
  getScheduleRelease: READ,
  diffScheduleReleases: READ,
  resetScheduleDraft: MANAGE,
  importSchedule: MANAGE,
  listHolds: PERSONAL,
  releaseHolds: MANAGE,

  checkIn: CHECKIN,
  annulScan: CHECKIN,
  listTicketPassages: FIND,
  uploadScans: CHECKIN,
  syncEvent: CHECKIN,
  searchAttendees: FIND,
  getTicket: FIND,
  getTicketQrPng: FIND,
  getTicketQrSvg: FIND,

  listEventTickets: PERSONAL,
  listOrders: PERSONAL,
  exportEventData: PERSONAL,
  listWaitlist: PERSONAL,
  getTicketHistory: PERSONAL,
  getOrder: PERSONAL,
  changeOrderLocale: PUBLIC,
  getOrderInvoicePdf: PERSONAL,
  getOrderCreditNotePdf: PERSONAL,
  getMessage: PERSONAL,
  getWaitlistEntry: PERSONAL,
  importAttendees: MANAGE,
  changeTicketAnswers: MANAGE,
  changeTicketAttendee: MANAGE,
  transferTicket: MANAGE,
  reissueTicket: MANAGE,
  revokeTicket: MANAGE,
  cancelOrder: MANAGE,
  startCheckout: MANAGE,
  markOrderPaid: MANAGE,
  refundOrder: MANAGE,
  resendOrder: MANAGE,
  resendMessage: MANAGE,
  retryMessage: MANAGE,
  leaveWaitlist: MANAGE,
  claimWaitlistOffer: MANAGE,

  getWebhook: MANAGE,
  updateWebhook: MANAGE,
  deleteWebhook: MANAGE,
  listWebhookDeliveries: MANAGE,
  listWebhookAttempts: MANAGE,
  replayWebhookDelivery: MANAGE,
  replayWebhookDeliveries: MANAGE,
  rotateWebhookSecret: MANAGE,
  sendWebhookTest: MANAGE,

  register: PUBLIC,
  getRegistrationChallenge: PUBLIC,
  scheduleFeedICS: PUBLIC,
  scheduleFeedXML: PUBLIC,
  scheduleFeedJSON: PUBLIC,
  getAgenda: PUBLIC,
  getAgendaCalendar: PUBLIC,
  scheduleReleasesAtom: PUBLIC,
  addAgendaFavourite: PUBLIC,
  removeAgendaFavourite: PUBLIC,
  signUpForSession: PUBLIC,
  cancelSessionSignup: PUBLIC,
  getPublicAgenda: PUBLIC,
  streamPublicAgenda: PUBLIC,
  getPublicAgendaSeats: PUBLIC,
  enrollDevice: PUBLIC,
  getPublicEvent: PUBLIC,
  getPublicEventImage: PUBLIC,
  sendTicketsAgain: PUBLIC,
  stripeWebhook: PUBLIC,
};

// What the operations that take a token but name no role answer for an object of an event the
// caller has no role on: the same as for no object at all.
const DENIED_404 = /^(event|ticket|order|webhook|message|broadcast|waitlist_entry)_not_found$/;
const DENIED_403 = new Set(['role_forbidden', 'organization_admin_required', 'insufficient_scope']);

interface Operation {
  operationId: string;
  method: string;
  path: string;
  public: boolean;
  query: Record<string, string>;
  hasBody: boolean;
}

interface OpenApiOperation {
  operationId: string;
  security?: unknown[];
  parameters?: {
    in: string;
    name: string;
    required?: boolean;
    schema?: { enum?: string[]; type?: string };
  }[];
  requestBody?: unknown;
  'x-lanyard-access'?: unknown;
}

function operationsOf(doc: {
  paths: Record<string, Record<string, OpenApiOperation>>;
}): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      operationId: op.operationId,
      method: method.toUpperCase(),
      path,
      public: (op.security ?? []).length === 0,
      // Required query parameters get a value of their type; the rest are left out.
      query: Object.fromEntries(
        (op.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => [p.name, p.schema?.enum?.[0] ?? (p.schema?.type === 'integer' ? '1' : 'a')]),
      ),
      hasBody: op.requestBody !== undefined,
    })),
  );
}

describe('the role matrix over every operation of the OpenAPI document', () => {
  let t: TestServer;
  let doc: { paths: Record<string, Record<string, OpenApiOperation>> };
  const tokens = {} as Record<Caller, string>;
  const ids: Record<string, string> = {};
  let spareForTeam: string;
  const entries: string[] = [];

  beforeAll(async () => {
    t = await startTestServer('postgres', { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8' });
    doc = await json(await t.api('/api/v1/openapi.json', { token: null }), 200);
    const sale = await createSale(t);
    const elsewhere = await createSale(t);
    const order = await register(t, sale, 1);
    const ev = (path: string) => `/api/v1/events/${sale.eventId}${path}`;
    const made = async (path: string, body: unknown) =>
      (await json<{ id: string }>(await t.api(path, { body }), 201)).id;
    Object.assign(ids, {
      eventId: sale.eventId,
      ticketTypeId: sale.ticketTypeId,
      ticketId: order.tickets[0]!.id,
      orderId: order.id,
      quotaId: await made(ev('/quotas'), {
        name: 'All',
        size: 10,
        ticketTypeIds: [sale.ticketTypeId],
      }),
      questionId: await made(ev('/questions'), { label: 'Company', kind: 'text' }),
      promoCodeId: await made(ev('/promo-codes'), { code: 'ROLES10' }),
      listId: await made(ev('/checkin-lists'), { name: 'Main' }),
      deviceId: await made(ev('/devices'), { name: 'Spare kiosk' }),
      broadcastId: await made(ev('/broadcasts'), { subject: 'Hello', body: 'See you there' }),
      webhookId: await made('/api/v1/webhooks', {
        url: 'http://127.0.0.1:9/hook',
        events: ['*'],
        eventId: sale.eventId,
      }),
      deliveryId: `msg_${'0'.repeat(32)}`,
      kind: 'attendees',
    });
    ids.messageId = randomUUID();
    // Objects the role check runs before looking up (a 404 of their own is a call let through).
    Object.assign(ids, {
      id: randomUUID(),
      scanId: randomUUID(),
      sessionId: randomUUID(),
      version: '1',
      seq: '1',
    });
    await t.server.db.query(
      `INSERT INTO notification_messages (id, kind, event_id, order_id, recipient, data)
       VALUES ($1, 'order_confirmation', $2, $3, 'attendee@example.org', '{}')`,
      [ids.messageId, sale.eventId, order.id],
    );
    // Made before any call can archive the event: the calls that end an entry take one each.
    for (let i = 0; i < 2 * CALLERS.length + 1; i++)
      entries.push(await waitlistEntry(sale.eventId));
    ids.entryId = entries.pop()!;

    const scopes = [
      'events:read',
      'events:write',
      'tickets:read',
      'tickets:write',
      'checkin',
      'devices:write',
      'webhooks:read',
      'webhooks:write',
      'admin',
    ];
    tokens.client = await t.token();
    tokens.admin = (await person(t, 'm-admin', { scopes, organizationAdmin: true })).token;
    for (const role of ['owner', 'organizer', 'viewer', 'staff', 'kiosk'] as const) {
      const p = await person(t, `m-${role}`, { scopes });
      await grant(t, sale.eventId, p.id, role);
      tokens[role] = p.token;
    }
    const outsider = await person(t, 'm-outsider', { scopes });
    await grant(t, elsewhere.eventId, outsider.id, 'owner');
    tokens.outsider = outsider.token;
    tokens.device = (await enrolledKiosk(t, sale.eventId)).token;
    ids.accountId = (await person(t, 'm-disabled-by-the-test', { scopes: ['events:read'] })).id;
    spareForTeam = (await person(t, 'm-spare', { scopes: ['events:read'] })).id;
  }, 180_000);
  afterAll(async () => {
    await t?.stop();
  });

  /** A waitlist entry: the event's one-seat type sold out, then one more person waits. */
  async function waitlistEntry(eventId: string): Promise<string> {
    ids.fullTypeId ??= await (async () => {
      const id = (
        await json<{ id: string }>(
          await t.api(`/api/v1/events/${eventId}/ticket-types`, {
            body: { name: 'Tiny', priceCents: 0, currency: 'EUR', quantity: 1 },
          }),
          201,
        )
      ).id;
      await json(
        await t.api(`/api/v1/events/${eventId}/registrations`, {
          token: null,
          body: {
            ticketTypeId: id,
            quantity: 1,
            attendee: { name: 'First', email: 'first@example.org' },
          },
        }),
        201,
      );
      return id;
    })();
    const entry = await json<{ waitlistEntryId: string }>(
      await t.api(`/api/v1/events/${eventId}/registrations`, {
        token: null,
        body: {
          ticketTypeId: ids.fullTypeId,
          quantity: 1,
          attendee: { name: 'Waiting', email: `w-${randomUUID()}@example.org` },
          joinWaitlist: true,
        },
      }),
      202,
    );
    return entry.waitlistEntryId;
  }

  /** Objects a call may delete or end are made again before each call, so every call finds one. */
  const fresh: Record<string, () => Promise<Record<string, string>>> = {
    deleteWebhook: async () => ({
      webhookId: (
        await json<{ id: string }>(
          await t.api('/api/v1/webhooks', {
            body: { url: 'http://127.0.0.1:9/hook', events: ['*'], eventId: ids.eventId },
          }),
          201,
        )
      ).id,
    }),
    deleteCheckinList: async () => ({
      listId: (
        await json<{ id: string }>(
          await t.api(`/api/v1/events/${ids.eventId}/checkin-lists`, {
            body: { name: `Side ${randomUUID()}` },
          }),
          201,
        )
      ).id,
    }),
    deleteEventTeamMember: async () => {
      await grant(t, ids.eventId!, spareForTeam, 'viewer');
      return { accountId: spareForTeam };
    },
    putEventImage: async () => ({ slot: 'logo' }),
    // Whether or not an image is there (the event may be archived by then), a caller let
    // through is answered past the role check: 404 or 409, never 403.
    deleteEventImage: async () => ({ slot: 'banner' }),
    getPublicEventImage: async () => ({ slot: 'logo' }),
    // Each names a `{kind}`: the exports' is `attendees`, a report's `sales`, a mail's its own.
    getReport: async () => ({ kind: 'sales' }),
    saveMessageText: async () => ({ kind: 'order_confirmed' }),
    previewMessageText: async () => ({ kind: 'order_confirmed' }),
    leaveWaitlist: async () => ({ entryId: entries.pop()! }),
    claimWaitlistOffer: async () => ({ entryId: entries.pop()! }),
  };

  /** Calls the operation as the caller; whether the role check let it through. */
  async function letThrough(op: Operation, caller: Caller): Promise<boolean> {
    const local = { ...ids, ...(await fresh[op.operationId]?.()) };
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = local[name];
      if (value === undefined) throw new Error(`${op.operationId}: no fixture for {${name}}`);
      return encodeURIComponent(value);
    });
    const qs = new URLSearchParams(op.query).toString();
    const res = await fetch(`${t.url}${path}${qs ? `?${qs}` : ''}`, {
      method: op.method,
      headers: {
        authorization: `Bearer ${tokens[caller]}`,
        ...(op.hasBody ? { 'content-type': 'application/json' } : {}),
      },
      // An empty object: refused by every body schema with a required field, so few calls
      // change anything once let through.
      ...(op.hasBody ? { body: '{}' } : {}),
    });
    expect(`${op.operationId} as ${caller}: ${res.status}`).not.toMatch(/: 5\d\d$/);
    if (res.status !== 403 && res.status !== 404) {
      await res.body?.cancel();
      return true;
    }
    const { code } = (await res.json()) as { code: string };
    return !(res.status === 403 ? DENIED_403.has(code) : DENIED_404.test(code));
  }

  it('declares a decision for every operation, and no other', () => {
    const inDoc = operationsOf(doc)
      .filter((op) => op.path.startsWith('/api/'))
      .map((op) => op.operationId)
      .sort();
    expect(inDoc).toEqual(Object.keys(EXPECTED).sort());
    // The document tells integrators who gets through, beyond the scope.
    const checkIn = doc.paths['/api/v1/events/{eventId}/checkins']!.post!;
    expect(checkIn['x-lanyard-access']).toEqual({
      reach: 'the event',
      capability: 'checkin',
      roles: ['owner', 'organizer', 'staff', 'kiosk'],
    });
  });

  it('lets exactly the declared callers through each operation', async () => {
    const outcome: Record<string, Caller[] | typeof PUBLIC> = {};
    for (const op of operationsOf(doc).filter((o) => o.path.startsWith('/api/'))) {
      const expected = EXPECTED[op.operationId];
      if (expected === undefined) continue;
      if (op.public && expected === PUBLIC) {
        outcome[op.operationId] = PUBLIC;
        continue;
      }
      const through: Caller[] = [];
      for (const caller of CALLERS) if (await letThrough(op, caller)) through.push(caller);
      outcome[op.operationId] = through;
    }
    expect(outcome).toEqual(
      Object.fromEntries(Object.keys(outcome).map((id) => [id, EXPECTED[id]])),
    );
  }, 600_000);
});
