import { EVENT_ROLES, may, type Capability } from './roles.js';
import type { OwnedObject } from './store.js';

/**
 * Who may call an operation, beyond its scope:
 * - `{ on, can }`: callers whose role on the addressed object's event allows `can`; `on` names
 *   the path parameter's object (`event` is `{eventId}`, the others are looked up by id);
 * - `organization`: organization admins and integrations only (organization-wide settings);
 * - `any`: every caller of the organization; the handler shows each only what it reaches.
 */
export type RouteAccess = { on: 'event' | OwnedObject; can: Capability } | 'organization' | 'any';

const on = (object: 'event' | OwnedObject, can: Capability): RouteAccess => ({ on: object, can });
const event = (can: Capability) => on('event', can);

/**
 * Every operation that accepts a bearer token, by operationId. A route with a scope that is not
 * here refuses to mount, so no route ships without a decision; public routes listed here apply
 * it when a bearer token is sent instead of an attendee's access key.
 */
export const ROUTE_ACCESS: Readonly<Record<string, RouteAccess>> = {
  // The organization itself.
  createOrganizerAccount: 'organization',
  listOrganizerAccounts: 'organization',
  disableOrganizerAccount: 'organization',
  updateOrganizerAccount: 'organization',
  inviteOrganizerAccount: 'organization',
  sendOrganizerPasswordLink: 'organization',
  backupDatabase: 'organization',
  reindexSearch: 'organization',
  updateOrganization: 'organization',
  matchBankStatement: 'organization',
  listMessages: 'organization',
  retryDeadMessages: 'organization',
  listWebhooks: 'organization',
  createWebhook: 'organization',
  listAudit: 'organization',
  verifyAudit: 'organization',
  redactAuditEntry: 'organization',
  getOrganization: 'any',
  listEvents: 'any',
  createEvent: 'any',

  // An event's setup and figures.
  getEvent: event('read'),
  updateEvent: event('manage'),
  archiveEvent: event('manage'),
  listEventImages: event('read'),
  putEventImage: event('manage'),
  deleteEventImage: event('manage'),
  listTicketTypes: event('read'),
  createTicketType: event('manage'),
  getTicketType: event('read'),
  updateTicketType: event('manage'),
  archiveTicketType: event('manage'),
  listQuotas: event('read'),
  createQuota: event('manage'),
  getQuota: event('read'),
  updateQuota: event('manage'),
  archiveQuota: event('manage'),
  listQuestions: event('read'),
  createQuestion: event('manage'),
  getQuestion: event('read'),
  updateQuestion: event('manage'),
  archiveQuestion: event('manage'),
  listPromoCodes: event('read'),
  createPromoCode: event('manage'),
  generatePromoCodes: event('manage'),
  exportPromoCodes: event('read'),
  getPromoCode: event('read'),
  updatePromoCode: event('manage'),
  archivePromoCode: event('manage'),
  listCheckinLists: event('read'),
  createCheckinList: event('manage'),
  getCheckinList: event('read'),
  updateCheckinList: event('manage'),
  deleteCheckinList: event('manage'),
  getCheckinStats: event('read'),
  listCheckinFlags: event('read'),
  streamSales: event('read'),
  getReport: event('read'),
  getDoorView: event('read'),
  streamDoorView: event('read'),
  listDevices: event('read'),
  getDevice: event('read'),
  createDevice: event('manage'),
  renameDevice: event('manage'),
  revokeDevice: event('manage'),
  listSigningKeys: event('read'),
  rotateSigningKey: event('manage'),
  listBroadcasts: event('read'),
  createBroadcast: event('manage'),
  previewBroadcast: event('manage'),
  getBroadcast: on('broadcast', 'read'),
  listMessageTexts: event('read'),
  saveMessageText: event('manage'),
  previewMessageText: event('manage'),
  // Who changed what: before and after hold attendees' data, so organizers only.
  listEventAudit: event('manage'),
  listEventTeam: event('read'),
  putEventTeamMember: event('team'),
  deleteEventTeamMember: event('team'),

  // The program: read by everyone on the event, changed by organizers.
  listScheduleRooms: event('read'),
  getScheduleRoom: event('read'),
  createScheduleRoom: event('manage'),
  updateScheduleRoom: event('manage'),
  deleteScheduleRoom: event('manage'),
  listScheduleTracks: event('read'),
  getScheduleTrack: event('read'),
  createScheduleTrack: event('manage'),
  updateScheduleTrack: event('manage'),
  deleteScheduleTrack: event('manage'),
  listScheduleSpeakers: event('read'),
  getScheduleSpeaker: event('read'),
  createScheduleSpeaker: event('manage'),
  updateScheduleSpeaker: event('manage'),
  deleteScheduleSpeaker: event('manage'),
  listScheduleSessions: event('read'),
  getScheduleSession: event('read'),
  createScheduleSession: event('manage'),
  updateScheduleSession: event('manage'),
  deleteScheduleSession: event('manage'),
  listScheduleSlots: event('read'),
  getScheduleSlot: event('read'),
  createScheduleSlot: event('manage'),
  updateScheduleSlot: event('manage'),
  deleteScheduleSlot: event('manage'),
  getScheduleDraft: event('read'),
  getScheduleConflicts: event('read'),
  setScheduleSeverities: event('manage'),
  releaseSchedule: event('manage'),
  listScheduleReleases: event('read'),
  getScheduleRelease: event('read'),
  diffScheduleReleases: event('read'),
  resetScheduleDraft: event('manage'),
  importSchedule: event('manage'),

  // Unpaid holds by network: who holds them is personal data; releasing them changes sales.
  listHolds: event('personal'),
  releaseHolds: event('manage'),

  // At the door.
  checkIn: event('checkin'),
  annulScan: event('checkin'),
  listTicketPassages: event('find'),
  uploadScans: event('checkin'),
  syncEvent: event('checkin'),
  searchAttendees: event('find'),
  getTicket: on('ticket', 'find'),
  getTicketQrPng: on('ticket', 'find'),
  getTicketQrSvg: on('ticket', 'find'),

  // Attendees' personal data: read by viewers, changed by organizers.
  listEventTickets: event('personal'),
  listOrders: event('personal'),
  exportEventData: event('personal'),
  listWaitlist: event('personal'),
  getTicketHistory: on('ticket', 'personal'),
  getOrder: on('order', 'personal'),
  getOrderInvoicePdf: on('order', 'personal'),
  getOrderCreditNotePdf: on('order', 'personal'),
  getMessage: on('message', 'personal'),
  getWaitlistEntry: on('waitlist_entry', 'personal'),
  importAttendees: event('manage'),
  changeTicketAnswers: on('ticket', 'manage'),
  changeTicketAttendee: on('ticket', 'manage'),
  transferTicket: on('ticket', 'manage'),
  reissueTicket: on('ticket', 'manage'),
  revokeTicket: on('ticket', 'manage'),
  cancelOrder: on('order', 'manage'),
  startCheckout: on('order', 'manage'),
  markOrderPaid: on('order', 'manage'),
  refundOrder: on('order', 'manage'),
  resendOrder: on('order', 'manage'),
  resendMessage: on('message', 'manage'),
  retryMessage: on('message', 'manage'),
  leaveWaitlist: on('waitlist_entry', 'manage'),
  claimWaitlistOffer: on('waitlist_entry', 'manage'),

  // An event's integrations (an endpoint for every event is the organization's).
  getWebhook: on('webhook', 'manage'),
  updateWebhook: on('webhook', 'manage'),
  deleteWebhook: on('webhook', 'manage'),
  listWebhookDeliveries: on('webhook', 'manage'),
  listWebhookAttempts: on('webhook', 'manage'),
  replayWebhookDelivery: on('webhook', 'manage'),
  replayWebhookDeliveries: on('webhook', 'manage'),
  rotateWebhookSecret: on('webhook', 'manage'),
  sendWebhookTest: on('webhook', 'manage'),
};

/** The rule as the OpenAPI document shows it (`x-lanyard-access`): which callers get through. */
export function describeAccess(rule: RouteAccess): Record<string, unknown> {
  if (rule === 'organization') return { reach: 'organization admins and integrations' };
  if (rule === 'any') return { reach: 'anyone in the organization; shows what the caller reaches' };
  const probe = '00000000-0000-4000-8000-000000000000';
  return {
    reach: rule.on === 'event' ? 'the event' : `the ${rule.on.replace('_', ' ')}'s event`,
    capability: rule.can,
    roles: EVENT_ROLES.filter((role) =>
      may({ kind: 'account', accountId: '', roles: new Map([[probe, role]]) }, probe, rule.can),
    ),
  };
}
