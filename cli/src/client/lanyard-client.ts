import type { Connection } from '../config/connection.js';
import { Http } from './http.js';
import { OrdersApi } from './orders-api.js';
import type {
  Broadcast,
  BroadcastFields,
  BroadcastPreview,
  CheckinList,
  CheckinListFields,
  CheckinStats,
  CreatedDevice,
  Device,
  Event,
  EventFields,
  ImportResult,
  ImportRow,
  Message,
  MessageFilter,
  PromoCode,
  PromoCodeFields,
  Question,
  QuestionFields,
  Quota,
  QuotaFields,
  Report,
  Ticket,
  TicketType,
  TicketTypeFields,
} from './types.js';

const enc = encodeURIComponent;
type Patch<T> = Partial<T>;

/** Every call the CLI makes to the server's API, typed; commands use this and nothing else. */
export class LanyardClient {
  readonly http: Http;
  readonly orders: OrdersApi;
  constructor(conn: Connection) {
    this.http = new Http(conn);
    this.orders = new OrdersApi(this.http);
  }

  get server(): string {
    return this.http.server;
  }

  // Events
  async listEvents(includeArchived = false): Promise<Event[]> {
    const all: Event[] = [];
    let cursor: string | null = null;
    do {
      const q = new URLSearchParams({ limit: '200', includeArchived: String(includeArchived) });
      if (cursor) q.set('cursor', cursor);
      const page: { items: Event[]; nextCursor: string | null } = await this.http.json(
        'GET',
        `/api/v1/events?${q}`,
      );
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }
  getEvent = (id: string) => this.http.json<Event>('GET', `/api/v1/events/${enc(id)}`);
  createEvent = (e: EventFields) => this.http.json<Event>('POST', '/api/v1/events', e);
  updateEvent = (id: string, p: Patch<EventFields>) =>
    this.http.json<Event>('PATCH', `/api/v1/events/${enc(id)}`, p);

  // Ticket types, quotas, questions, promo codes: one set of calls each, same shape.
  ticketTypes = this.collection<TicketType, TicketTypeFields>('ticket-types');
  quotas = this.collection<Quota, QuotaFields>('quotas');
  questions = this.collection<Question, QuestionFields>('questions');
  promoCodes = this.collection<PromoCode, PromoCodeFields>('promo-codes');

  private collection<T, F>(segment: string) {
    const base = (eventId: string) => `/api/v1/events/${enc(eventId)}/${segment}`;
    return {
      list: (eventId: string) => this.http.json<T[]>('GET', base(eventId)),
      create: (eventId: string, f: F) => this.http.json<T>('POST', base(eventId), f),
      update: (eventId: string, id: string, p: Patch<F>) =>
        this.http.json<T>('PATCH', `${base(eventId)}/${enc(id)}`, p),
      archive: (eventId: string, id: string) =>
        this.http.json<T>('POST', `${base(eventId)}/${enc(id)}/archive`, {}),
    };
  }

  // Check-in lists: deleted outright (their scans stay), not archived.
  checkinLists = {
    list: async (eventId: string) =>
      (
        await this.http.json<{ items: CheckinList[] }>(
          'GET',
          `/api/v1/events/${enc(eventId)}/checkin-lists`,
        )
      ).items,
    create: (eventId: string, f: CheckinListFields) =>
      this.http.json<CheckinList>('POST', `/api/v1/events/${enc(eventId)}/checkin-lists`, f),
    update: (eventId: string, id: string, p: Patch<CheckinListFields>) =>
      this.http.json<CheckinList>(
        'PATCH',
        `/api/v1/events/${enc(eventId)}/checkin-lists/${enc(id)}`,
        p,
      ),
    delete: (eventId: string, id: string) =>
      this.http.json<unknown>('DELETE', `/api/v1/events/${enc(eventId)}/checkin-lists/${enc(id)}`),
  };

  // Tickets
  getTicket = (id: string) => this.http.json<Ticket>('GET', `/api/v1/tickets/${enc(id)}`);
  revokeTicket = (id: string, reason?: string) =>
    this.http.json<Ticket>('POST', `/api/v1/tickets/${enc(id)}/revoke`, reason ? { reason } : {});
  reissueTicket = (id: string, reason?: string) =>
    this.http.json<Ticket>('POST', `/api/v1/tickets/${enc(id)}/reissue`, reason ? { reason } : {});

  // Messages to attendees
  listMessages = async (f: MessageFilter) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v !== undefined) q.set(k, String(v));
    return (await this.http.json<{ items: Message[] }>('GET', `/api/v1/messages?${q}`)).items;
  };
  retryMessage = (id: string, to?: string) =>
    this.http.json<Message>('POST', `/api/v1/messages/${enc(id)}/retry`, to ? { to } : {});
  retryDeadMessages = (eventId?: string) =>
    this.http.json<{ retried: number }>(
      'POST',
      '/api/v1/messages/retry-dead',
      eventId ? { eventId } : {},
    );
  previewBroadcast = (eventId: string, b: BroadcastFields) =>
    this.http.json<BroadcastPreview>(
      'POST',
      `/api/v1/events/${enc(eventId)}/broadcasts/preview`,
      b,
    );
  sendBroadcast = (eventId: string, b: BroadcastFields) =>
    this.http.json<Broadcast>('POST', `/api/v1/events/${enc(eventId)}/broadcasts`, b);
  getBroadcast = (id: string) => this.http.json<Broadcast>('GET', `/api/v1/broadcasts/${enc(id)}`);
  resendOrder = (id: string) =>
    this.http.json<Message>('POST', `/api/v1/orders/${enc(id)}/resend`, {});

  // Kiosk devices
  enrollDevice = (eventId: string, name: string) =>
    this.http.json<CreatedDevice>('POST', `/api/v1/events/${enc(eventId)}/devices`, { name });
  listDevices = async (eventId: string) =>
    (await this.http.json<{ items: Device[] }>('GET', `/api/v1/events/${enc(eventId)}/devices`))
      .items;
  revokeDevice = (eventId: string, deviceId: string) =>
    this.http.json<Device>(
      'POST',
      `/api/v1/events/${enc(eventId)}/devices/${enc(deviceId)}/revoke`,
    );

  // Check-in
  checkinStats = (eventId: string) =>
    this.http.json<CheckinStats>('GET', `/api/v1/events/${enc(eventId)}/checkin-stats`);

  // Attendees
  importAttendees = (
    eventId: string,
    rows: ImportRow[],
    opts: { dryRun: boolean; invite: boolean },
  ) =>
    this.http.json<ImportResult>('POST', `/api/v1/events/${enc(eventId)}/attendees/import`, {
      rows,
      ...opts,
    });

  /** Many access codes on the same terms (POST …/promo-codes/generate). */
  generateAccessCodes = (eventId: string, body: Record<string, unknown>) =>
    this.http.json<PromoCode[]>(
      'POST',
      `/api/v1/events/${enc(eventId)}/promo-codes/generate`,
      body,
    );

  /** The event's live codes as CSV text, those starting with `prefix` when given. */
  async accessCodesCsv(eventId: string, prefix: string): Promise<string> {
    const res = await this.http.request(
      'GET',
      `/api/v1/events/${enc(eventId)}/promo-codes/export?prefix=${enc(prefix)}`,
    );
    if (!res.ok) return this.http.read<never>(res);
    return res.text();
  }

  /** A report of the event: CSV text, or the parsed JSON report. */
  async reportCsv(eventId: string, kind: string, bucket: string): Promise<string> {
    const res = await this.http.request(
      'GET',
      `/api/v1/events/${enc(eventId)}/reports/${enc(kind)}?format=csv&bucket=${enc(bucket)}`,
    );
    if (!res.ok) return this.http.read<never>(res);
    return res.text();
  }

  report = (eventId: string, kind: string, bucket: string) =>
    this.http.json<Report>(
      'GET',
      `/api/v1/events/${enc(eventId)}/reports/${enc(kind)}?format=json&bucket=${enc(bucket)}`,
    );

  /** The export as a byte stream (the caller pipes it); errors come as CliErrors before any byte. */
  async exportStream(
    eventId: string,
    kind: string,
    format: 'csv' | 'json',
  ): Promise<ReadableStream<Uint8Array>> {
    const res = await this.http.request(
      'GET',
      `/api/v1/events/${enc(eventId)}/exports/${enc(kind)}?format=${format}`,
    );
    if (!res.ok || !res.body) return this.http.read<never>(res);
    return res.body;
  }
}
