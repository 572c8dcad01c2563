// The shapes the server's API answers with (see /api/v1/openapi.json), as far as the CLI reads them.

export type Status = 'active' | 'archived';

export interface EventFields {
  name: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  venue: string | null;
  description: string | null;
  paymentProvider: 'manual' | 'stripe';
  holdMinutes: number;
  waitlistOfferMinutes: number;
  maxTicketsPerEmail: number | null;
  attendeePhone: 'off' | 'optional' | 'required';
  phoneRegion: string | null;
  smsKinds: string[];
  /** The first is the default. */
  languages: string[];
  branding: Branding;
}

/** How the public page presents the event and its organizer; every field may be null. */
export interface Branding {
  accentColor: string | null;
  organizerName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  imprint: string | null;
  termsUrl: string | null;
  privacyUrl: string | null;
}

export interface Event extends EventFields {
  id: string;
  organizationId: string;
  status: Status;
  createdAt: string;
  updatedAt: string;
}

export interface TicketTypeFields {
  name: string;
  description: string | null;
  priceCents: number;
  currency: string;
  quantity: number;
  maxPerOrder: number;
  taxRate: number;
  salesStart: string | null;
  salesEnd: string | null;
  position: number;
  hidden: boolean;
}

export interface TicketType extends TicketTypeFields {
  id: string;
  eventId: string;
  sold: number;
  held: number;
  available: number;
  status: Status;
}

export interface QuotaFields {
  name: string;
  size: number;
  ticketTypeIds: string[];
}

export interface Quota extends QuotaFields {
  id: string;
  used: number;
  available: number;
  status: Status;
}

export interface QuestionFields {
  label: string;
  kind: 'text' | 'choice' | 'checkbox';
  required: boolean;
  options: string[];
  ticketTypeIds: string[] | null;
  position: number;
}

export interface Question extends QuestionFields {
  id: string;
  status: Status;
}

export interface PromoCodeFields {
  code: string;
  discountKind: 'percent' | 'fixed' | null;
  discountValue: number | null;
  reservedSeats: number;
  maxUses: number | null;
  validFrom: string | null;
  validUntil: string | null;
  ticketTypeIds: string[] | null;
}

export interface PromoCode extends PromoCodeFields {
  id: string;
  uses: number;
  reserveLeft: number;
  generated: boolean;
  status: Status;
}

export type EntryRule = 'single' | 'reentry_after_exit' | 'multi';

export interface CheckinListFields {
  name: string;
  /** null: every ticket type of the event. */
  ticketTypeIds: string[] | null;
  /** null (or both ends null): always. */
  window: { from: string | null; until: string | null } | null;
  entryRule: EntryRule;
  gates: string[];
}

export interface CheckinList extends CheckinListFields {
  id: string;
  eventId: string;
  window: { from: string | null; until: string | null };
  /** The implicit list an event has while it has no other (id = event id); not the organizer's. */
  isDefault: boolean;
}

export interface Ticket {
  id: string;
  status: 'pending' | 'valid' | 'revoked' | 'cancelled';
  token: string;
  revision: number;
  eventId: string;
  ticketTypeId: string;
  ticketTypeName: string;
  orderId: string;
  attendee: { name: string; email: string };
  createdAt: string;
  updatedAt: string;
}

export interface ImportRow {
  line: number;
  name: string;
  email: string;
  ticketType: string;
  answers?: Record<string, string>;
}

export interface RowError {
  line: number;
  code?: string;
  message: string;
}

export interface ImportResult {
  imported: number;
  skipped: number;
  errors: RowError[];
}

export interface Device {
  id: string;
  eventId: string;
  name: string;
  /** pending: waiting for its enrollment code; active: enrolled; revoked: refused from now on. */
  status: 'pending' | 'active' | 'revoked';
  enrollmentExpiresAt: string;
  enrolledAt: string | null;
  revokedAt: string | null;
  createdAt: string;
  /** When it last reached the server (a scan, a sync), to within half a minute; null: never. */
  lastSeenAt: string | null;
}

export interface CreatedDevice extends Device {
  /** Shown once: the kiosk redeems it (`lanyard kiosk start --enroll CODE`). */
  enrollmentCode: string;
  /** The same code as a URI naming the server, for a QR code a kiosk scans. */
  enrollmentUri: string;
}

export interface CheckinStats {
  eventId: string;
  /** When the server read the figures. */
  at: string;
  /** Valid tickets with at least one counted entry, of all valid tickets. */
  admitted: number;
  /** Valid tickets whose last counted passage was an entry. */
  inside: number;
  total: number;
  lists: { listId: string; name: string; admitted: number; inside: number; total: number }[];
  gates: {
    gate: string | null;
    listId: string;
    listName: string | null;
    admitted: number;
    exits: number;
  }[];
}

/** One entry of the message log (GET /api/v1/messages). */
export interface Message {
  id: string;
  kind: string;
  channel: 'email' | 'sms';
  eventId: string | null;
  orderId: string | null;
  ticketId: string | null;
  recipient: string;
  recipientName: string;
  subject: string | null;
  status: 'queued' | 'failed' | 'sent' | 'dead';
  attempts: number;
  nextAttemptAt: string | null;
  providerId: string | null;
  lastError: string | null;
  resendOf: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface MessageFilter {
  eventId?: string | undefined;
  orderId?: string | undefined;
  status?: Message['status'] | undefined;
  limit?: number | undefined;
}

/** An organizer message to many attendees (POST /api/v1/events/{id}/broadcasts). */
export interface BroadcastFields {
  subject: string;
  body: string;
  ticketTypeIds?: string[];
  checkedIn?: boolean;
  sendAt?: string;
}

export interface Broadcast {
  id: string;
  eventId: string;
  subject: string;
  status: 'scheduled' | 'queued';
  sendAt: string;
  recipients: number | null;
  progress: { queued: number; failed: number; sent: number; dead: number };
}

export interface BroadcastPreview {
  recipients: number;
  sample: { to: string; subject: string; html: string; text: string } | null;
}

/** GET /events/{id}/reports/{kind}: columns in order, one object per row. */
export interface Report {
  kind: string;
  eventId: string;
  timezone: string;
  bucket?: 'hour' | 'day' | 'week';
  columns: string[];
  rows: Record<string, string | number | null>[];
  generatedAt: string;
}
