import type {
  Branding,
  CheckinList,
  EntryRule,
  Event,
  EventFields,
  PromoCode,
  Question,
  Quota,
  TicketType,
} from '../client/types.js';
import type { EventFile } from './file-schema.js';
import { desiredTexts, type CurrentMessageText, type MessageTextState } from './message-texts.js';
import {
  desiredProgram,
  NO_PROGRAM,
  type CurrentProgram,
  type ProgramState,
} from './program-state.js';

// One normalized shape for what the file wants and what the server has, with the server's
// defaults filled in and references by ticket type name, so the plan is a plain comparison.

export type EventState = EventFields;

export interface TicketTypeState {
  name: string;
  description: string | null;
  priceCents: number;
  currency: string;
  quantity: number;
  maxPerOrder: number;
  taxRate: number;
  salesStart: string | null;
  salesEnd: string | null;
  /** Rank in the event's order (0 first). */
  position: number;
  hidden: boolean;
}

export interface QuotaState {
  name: string;
  size: number;
  ticketTypes: string[];
}

export interface QuestionState {
  label: string;
  kind: 'text' | 'choice' | 'checkbox';
  required: boolean;
  options: string[];
  /** null: every ticket type. */
  ticketTypes: string[] | null;
  position: number;
}

export interface PromoCodeState {
  code: string;
  discountKind: 'percent' | 'fixed' | null;
  discountValue: number | null;
  reservedSeats: number;
  maxUses: number | null;
  validFrom: string | null;
  validUntil: string | null;
  ticketTypes: string[] | null;
}

export interface CheckinListState {
  name: string;
  /** null: every ticket type. */
  ticketTypes: string[] | null;
  /** null: always open. */
  window: { from: string | null; until: string | null } | null;
  entryRule: EntryRule;
  gates: string[];
}

export interface DesiredState {
  id: string | undefined;
  event: EventState;
  ticketTypes: TicketTypeState[];
  quotas: QuotaState[];
  questions: QuestionState[];
  promoCodes: PromoCodeState[];
  checkinLists: CheckinListState[];
  /** undefined: the file has no program, and apply leaves the schedule alone. */
  program: ProgramState | undefined;
  /** undefined: the file has no messageTexts, and apply leaves the texts alone. */
  messageTexts: MessageTextState[] | undefined;
}

/** What the server holds, with ids and the figures that make a delete dangerous. */
export interface CurrentState {
  event: EventState & { id: string };
  ticketTypes: (TicketTypeState & { id: string; sold: number; held: number })[];
  quotas: (QuotaState & { id: string; used: number })[];
  questions: (QuestionState & { id: string })[];
  promoCodes: (PromoCodeState & { id: string; uses: number })[];
  checkinLists: (CheckinListState & { id: string })[];
  program: CurrentProgram;
  messageTexts: CurrentMessageText[];
}

/** Every branding field, null when not given; the colour as the server keeps it (lower case). */
function brandingOf(b: Partial<Branding> | undefined): Branding {
  return {
    accentColor: b?.accentColor?.toLowerCase() ?? null,
    organizerName: b?.organizerName ?? null,
    contactEmail: b?.contactEmail ?? null,
    contactPhone: b?.contactPhone ?? null,
    contactAddress: b?.contactAddress ?? null,
    imprint: b?.imprint ?? null,
    termsUrl: b?.termsUrl ?? null,
    privacyUrl: b?.privacyUrl ?? null,
  };
}

/** A window with neither end is no window. */
const windowOf = (w: { from?: string | null; until?: string | null } | null | undefined) =>
  w && (w.from || w.until) ? { from: w.from ?? null, until: w.until ?? null } : null;

export function desiredState(f: EventFile): DesiredState {
  const e = f.event;
  return {
    id: f.id,
    event: {
      name: e.name,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      timezone: e.timezone,
      venue: e.venue ?? null,
      description: e.description ?? null,
      paymentProvider: e.paymentProvider ?? 'manual',
      holdMinutes: e.holdMinutes ?? 30,
      waitlistOfferMinutes: e.waitlistOfferMinutes ?? 60,
      maxTicketsPerEmail: e.maxTicketsPerEmail ?? null,
      attendeePhone: e.attendeePhone ?? 'off',
      phoneRegion: e.phoneRegion ?? null,
      smsKinds: e.smsKinds ?? [],
      languages: e.languages ?? ['en'],
      branding: brandingOf(e.branding),
    },
    ticketTypes: f.ticketTypes.map((t, i) => ({
      name: t.name,
      description: t.description ?? null,
      priceCents: t.priceCents,
      currency: t.currency,
      quantity: t.quantity,
      maxPerOrder: t.maxPerOrder ?? 10,
      taxRate: t.taxRate ?? 0,
      salesStart: t.salesStart ?? null,
      salesEnd: t.salesEnd ?? null,
      position: i,
      hidden: t.hidden ?? false,
    })),
    quotas: f.quotas.map((q) => ({ name: q.name, size: q.size, ticketTypes: q.ticketTypes })),
    questions: f.questions.map((q, i) => ({
      label: q.label,
      kind: q.kind,
      required: q.required ?? false,
      options: q.options ?? [],
      ticketTypes: q.ticketTypes ?? null,
      position: i,
    })),
    promoCodes: f.promoCodes.map((p) => ({
      code: p.code,
      discountKind: p.discountKind ?? null,
      discountValue: p.discountValue ?? null,
      reservedSeats: p.reservedSeats ?? 0,
      maxUses: p.maxUses ?? null,
      validFrom: p.validFrom ?? null,
      validUntil: p.validUntil ?? null,
      ticketTypes: p.ticketTypes ?? null,
    })),
    checkinLists: f.checkinLists.map((l) => ({
      name: l.name,
      ticketTypes: l.ticketTypes ?? null,
      window: windowOf(l.window),
      entryRule: l.entryRule ?? 'single',
      // The server keeps a gate once however often it is given.
      gates: [...new Set(l.gates ?? [])],
    })),
    program: f.program && desiredProgram(f.program),
    messageTexts: f.messageTexts && desiredTexts(f.messageTexts),
  };
}

/** Ranks by (position, then the server's order), so gaps left by archived items do not count. */
const ranked = <T extends { position: number }>(items: T[]): T[] =>
  items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.position - b.item.position || a.i - b.i)
    .map(({ item }, rank) => ({ ...item, position: rank }));

export function currentState(
  event: Event,
  types: TicketType[],
  quotas: Quota[],
  questions: Question[],
  promos: PromoCode[],
  lists: CheckinList[] = [],
  program: CurrentProgram = NO_PROGRAM,
  messageTexts: CurrentMessageText[] = [],
): CurrentState {
  const active = <T extends { status: string }>(xs: T[]) => xs.filter((x) => x.status === 'active');
  const nameOf = new Map(types.map((t) => [t.id, t.name]));
  const names = (ids: string[]) => ids.map((id) => nameOf.get(id) ?? id);
  return {
    event: {
      id: event.id,
      name: event.name,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timezone: event.timezone,
      venue: event.venue,
      description: event.description,
      paymentProvider: event.paymentProvider,
      holdMinutes: event.holdMinutes,
      waitlistOfferMinutes: event.waitlistOfferMinutes,
      maxTicketsPerEmail: event.maxTicketsPerEmail,
      attendeePhone: event.attendeePhone,
      phoneRegion: event.phoneRegion,
      smsKinds: event.smsKinds,
      languages: event.languages,
      branding: brandingOf(event.branding),
    },
    ticketTypes: ranked(active(types)).map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      priceCents: t.priceCents,
      currency: t.currency,
      quantity: t.quantity,
      maxPerOrder: t.maxPerOrder,
      taxRate: t.taxRate,
      salesStart: t.salesStart,
      salesEnd: t.salesEnd,
      position: t.position,
      hidden: t.hidden,
      sold: t.sold,
      held: t.held,
    })),
    quotas: active(quotas).map((q) => ({
      id: q.id,
      name: q.name,
      size: q.size,
      ticketTypes: names(q.ticketTypeIds),
      used: q.used,
    })),
    questions: ranked(active(questions)).map((q) => ({
      id: q.id,
      label: q.label,
      kind: q.kind,
      required: q.required,
      options: q.options,
      ticketTypes: q.ticketTypeIds && names(q.ticketTypeIds),
      position: q.position,
    })),
    // Codes generated in bulk are not written in files; apply leaves them alone.
    promoCodes: active(promos.filter((p) => !p.generated)).map((p) => ({
      id: p.id,
      code: p.code,
      discountKind: p.discountKind,
      discountValue: p.discountValue,
      reservedSeats: p.reservedSeats,
      maxUses: p.maxUses,
      validFrom: p.validFrom,
      validUntil: p.validUntil,
      ticketTypes: p.ticketTypeIds && names(p.ticketTypeIds),
      uses: p.uses,
    })),
    // The default list stands in while the event has none; it is not the organizer's to manage.
    checkinLists: lists
      .filter((l) => !l.isDefault)
      .map((l) => ({
        id: l.id,
        name: l.name,
        ticketTypes: l.ticketTypeIds && names(l.ticketTypeIds),
        window: windowOf(l.window),
        entryRule: l.entryRule,
        gates: l.gates,
      })),
    program,
    messageTexts,
  };
}
