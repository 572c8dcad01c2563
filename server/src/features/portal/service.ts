import type { Db } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import { availableSeats } from '../registration/capacity.js';
import { withinWindow } from '../promo-codes/rules.js';
import { saleState } from './sale-state.js';
import type { PublicEvent } from './schema.js';
import * as store from './store.js';
import { textOn } from '../branding/colour.js';
import { imageUrl } from '../branding/images.js';
import { renderDescription } from '../branding/markdown.js';
import { NO_BRANDING } from '../branding/schema.js';
import type { PublicBranding } from './schema.js';

/**
 * The event as the public portal shows it: ticket types with price, seats left (quotas included)
 * and whether they sell now; the questions registration asks. Archived events are not found.
 * Hidden types appear only with an access `code` that names them and is usable now; its reserved
 * seats count as available to its holder.
 */
export async function getPublicEvent(
  db: Db,
  eventId: string,
  opts: { code?: string | undefined; now?: Date } = {},
): Promise<PublicEvent> {
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    const event = await store.findOpenEvent(tx, eventId);
    if (!event) throw notFound('event', eventId);
    const found = opts.code ? await store.findLiveCode(tx, eventId, opts.code) : undefined;
    const code = found && withinWindow(found, now) ? found : undefined;
    const unlocked = (id: string) => code?.ticketTypeIds?.includes(id) ?? false;
    const reserveOf = (id: string) =>
      code && (code.ticketTypeIds === null || unlocked(id)) ? code.reserveLeft : 0;
    const types = (await store.listOpenTicketTypes(tx, eventId)).filter(
      (t) => !t.hidden || unlocked(t.id),
    );
    const seats = types.length
      ? await availableSeats(
          tx,
          types.map((t) => t.id),
        )
      : new Map();
    const questions = await store.listOpenQuestions(tx, eventId);
    return {
      id: event.id,
      name: event.name,
      description: event.description,
      descriptionHtml: event.description ? renderDescription(event.description) : null,
      venue: event.venue,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timezone: event.timezone,
      branding: publicBranding(event),
      ticketTypes: types.map((t) => {
        const available = (seats.get(t.id) ?? 0) + reserveOf(t.id);
        const state = saleState({ ...t, available, eventEndsAt: event.endsAt }, now);
        return {
          id: t.id,
          name: t.name,
          description: t.description,
          priceCents: t.priceCents,
          currency: t.currency,
          maxPerOrder: t.maxPerOrder,
          available,
          saleState: state,
          waitlist: state === 'sold_out',
          salesStart: t.salesStart?.toISOString() ?? null,
          salesEnd: t.salesEnd?.toISOString() ?? null,
        };
      }),
      questions,
      accessCode: code?.code ?? null,
      proofOfWork: event.proofOfWork,
      attendeePhone: event.attendeePhone,
      phoneRegion: event.phoneRegion,
      smsOffered: event.smsOffered,
      languages: event.languages,
    };
  });
}

function publicBranding(event: store.EventRow): PublicBranding {
  const b = { ...NO_BRANDING, ...event.branding };
  const url = (slot: 'logo' | 'banner') => {
    const digest = event.images[slot];
    return digest ? imageUrl(event.id, slot, digest) : null;
  };
  return {
    ...b,
    accentTextColor: b.accentColor ? textOn(b.accentColor) : null,
    logoUrl: url('logo'),
    bannerUrl: url('banner'),
  };
}
