import { SMS_KINDS } from '@lanyard/core';
import { z } from 'zod';
import { ProgramSpec } from './program-schema.js';
import { MessageTextsSpec } from './message-texts.js';
import { Instant, Int, LANGUAGES, Name, unique } from './spec-fields.js';

// The event file `lanyard apply` reads (YAML or JSON). Strict: an unknown key is an error, so a
// typo never silently does nothing. Omitted optional fields mean the server's default, so the file
// is the whole truth about the event. docs/event.schema.json is generated from this.

const currencies = new Set(Intl.supportedValuesOf('currency'));
const timeZones = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);

const TicketTypeRefs = z
  .array(Name)
  .min(1, 'must name at least one ticket type')
  .describe('names of ticket types in this file');

const Optional = (max: number) => z.string().max(max).nullable().optional();
const WebLink = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(500)
  .nullable()
  .optional();

export const BrandingSpec = z.strictObject({
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f4fd1')
    .nullable()
    .optional()
    .describe(
      "the portal's accent, e.g. #1f4fd1; text on it is black or white, whichever reads better",
    ),
  organizerName: Optional(200),
  contactEmail: z.email({ message: 'must be an email address' }).nullable().optional(),
  contactPhone: Optional(40),
  contactAddress: Optional(500),
  imprint: Optional(2000).describe('the legal notice (Impressum), plain text'),
  termsUrl: WebLink.describe('with this or privacyUrl, registration asks the buyer to agree'),
  privacyUrl: WebLink,
});

export const EventSpec = z
  .strictObject({
    name: Name.describe('the event name; with no top-level id, apply finds the event by this name'),
    startsAt: Instant,
    endsAt: Instant,
    timezone: z
      .string()
      .refine((tz) => timeZones.has(tz), 'must be an IANA time zone such as Europe/Berlin')
      .describe('IANA time zone, e.g. Europe/Berlin'),
    venue: z.string().max(200).nullable().optional(),
    description: z
      .string()
      .max(5000)
      .nullable()
      .optional()
      .describe('Markdown; the public page shows it rendered'),
    paymentProvider: z.enum(['manual', 'stripe']).optional().describe('default manual'),
    holdMinutes: Int(1, 10080)
      .optional()
      .describe('minutes an unpaid order holds its seats; default 30'),
    waitlistOfferMinutes: Int(1, 10080).optional().describe('default 60'),
    maxTicketsPerEmail: Int(1, 10000).nullable().optional().describe('default: no limit'),
    attendeePhone: z
      .enum(['off', 'optional', 'required'])
      .optional()
      .describe("whether registration asks for the buyer's phone; default off"),
    phoneRegion: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as DE')
      .nullable()
      .optional()
      .describe('country national phone numbers are read in, e.g. DE; default: only +… numbers'),
    smsKinds: z
      .array(z.enum(SMS_KINDS))
      .optional()
      .describe('messages also sent by SMS to buyers who agreed to SMS; default none'),
    languages: z
      .array(z.enum(LANGUAGES))
      .min(1, 'must name at least one language')
      .refine((l) => new Set(l).size === l.length, 'must not name a language twice')
      .optional()
      .describe(
        'languages of the portal, the messages and the kiosk, the first the default; default [en]',
      ),
    branding: BrandingSpec.optional().describe(
      'how the public page presents the event and its organizer; default none',
    ),
  })
  .refine((e) => Date.parse(e.startsAt) < Date.parse(e.endsAt), {
    path: ['endsAt'],
    message: 'must be after startsAt',
  });

export const TicketTypeSpec = z.strictObject({
  name: Name.describe('unique in the event (ignoring case); identifies the ticket type'),
  description: z.string().max(2000).nullable().optional(),
  priceCents: Int(0, 10_000_000_000).describe('price in minor units (cents)'),
  currency: z
    .string()
    .refine((c) => currencies.has(c), 'must be an ISO 4217 currency code such as EUR'),
  quantity: Int(0, 1_000_000),
  maxPerOrder: Int(1, 100).optional().describe('default 10'),
  salesStart: Instant.nullable().optional(),
  salesEnd: Instant.nullable().optional(),
  taxRate: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe('tax included in the price, in percent (e.g. 19); printed on invoices; default 0'),
  hidden: z
    .boolean()
    .optional()
    .describe('default false; true: off the public page, sold only with an access code naming it'),
});

export const QuotaSpec = z.strictObject({
  name: Name.describe('unique in the event; identifies the quota'),
  size: Int(0, 1_000_000).describe('seats shared by the ticket types'),
  ticketTypes: TicketTypeRefs,
});

export const QuestionSpec = z.strictObject({
  label: z.string().trim().min(1).max(500).describe('identifies the question'),
  kind: z.enum(['text', 'choice', 'checkbox']),
  required: z.boolean().optional().describe('default false'),
  options: z
    .array(z.string().trim().min(1).max(200))
    .max(100)
    .optional()
    .describe('answers a choice question allows'),
  ticketTypes: TicketTypeRefs.optional().describe('asked for these ticket types only; default all'),
});

export const PromoCodeSpec = z.strictObject({
  code: z
    .string()
    .regex(/^[A-Za-z0-9_-]{3,32}$/, 'must be 3 to 32 letters, digits, "_" or "-"')
    .describe('unique in the event (ignoring case); identifies the promo or access code'),
  discountKind: z
    .enum(['percent', 'fixed'])
    .optional()
    .describe('default none: an access code that only unlocks hidden types or reserves seats'),
  discountValue: Int(1, 10_000_000_000)
    .optional()
    .describe('percent: 1-100; fixed: cents off each ticket'),
  reservedSeats: Int(0, 1_000_000)
    .optional()
    .describe('seats held for this code out of the public sale (one ticket type); default 0'),
  maxUses: Int(1, 1_000_000).nullable().optional().describe('default unlimited'),
  validFrom: Instant.nullable().optional(),
  validUntil: Instant.nullable().optional(),
  ticketTypes: TicketTypeRefs.optional().describe('valid for these ticket types only; default all'),
});

const Gate = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');

export const CheckinListSpec = z.strictObject({
  name: Name.describe('unique in the event (ignoring case); identifies the check-in list'),
  ticketTypes: TicketTypeRefs.optional().describe('admits these ticket types only; default all'),
  window: z
    .strictObject({
      from: Instant.nullable().optional().describe('admits from then on; default always'),
      until: Instant.nullable().optional().describe('admits until then; default always'),
    })
    .refine((w) => !w.from || !w.until || Date.parse(w.from) < Date.parse(w.until), {
      path: ['until'],
      message: 'must be after from',
    })
    .optional()
    .describe('when the list admits (exits are always allowed); default always'),
  entryRule: z
    .enum(['single', 'reentry_after_exit', 'multi'])
    .optional()
    .describe(
      'single: one entry; reentry_after_exit: again after an exit scan; multi: any; default single',
    ),
  gates: z
    .array(Gate)
    .max(100, 'must list at most 100 gates')
    .optional()
    .describe('gates that scan for this list; a gate serves one list of the event'),
});

const ImagePath = z.string().min(1).max(500).nullable().optional();

export const EventFile = z
  .strictObject({
    $schema: z.string().optional().describe('for editors: the JSON Schema of this file'),
    id: z
      .uuid({ message: 'must be a UUID' })
      .optional()
      .describe('the event id; when given, apply changes this event (and may rename it)'),
    event: EventSpec,
    ticketTypes: z
      .array(TicketTypeSpec)
      .default([])
      .superRefine(unique((t) => t.name.toLowerCase(), 'name')),
    quotas: z
      .array(QuotaSpec)
      .default([])
      .superRefine(unique((q) => q.name.toLowerCase(), 'name')),
    questions: z
      .array(QuestionSpec)
      .default([])
      .superRefine(unique((q) => q.label.toLowerCase(), 'label')),
    promoCodes: z
      .array(PromoCodeSpec)
      .default([])
      .superRefine(unique((p) => p.code.toUpperCase(), 'code')),
    checkinLists: z
      .array(CheckinListSpec)
      .default([])
      .superRefine(unique((l) => l.name.toLowerCase(), 'name')),
    program: ProgramSpec.optional(),
    messageTexts: MessageTextsSpec.optional(),
    images: z
      .strictObject({
        logo: ImagePath,
        banner: ImagePath,
      })
      .optional()
      .describe(
        'the logo and banner: PNG, JPEG or WebP files (at most 512 KiB), paths relative to this file; null removes one, a slot left out is left alone',
      ),
  })
  .superRefine((f, ctx) => {
    // References name ticket types of this file.
    const names = new Set(f.ticketTypes.map((t) => t.name.toLowerCase()));
    const check = (
      section: 'quotas' | 'questions' | 'promoCodes' | 'checkinLists',
      refs: (string[] | undefined)[],
    ) =>
      refs.forEach((list, i) =>
        list?.forEach((name, j) => {
          if (!names.has(name.toLowerCase()))
            ctx.addIssue({
              code: 'custom',
              path: [section, i, 'ticketTypes', j],
              message: `names no ticket type of this file ("${name}")`,
            });
        }),
      );
    check(
      'quotas',
      f.quotas.map((q) => q.ticketTypes),
    );
    check(
      'questions',
      f.questions.map((q) => q.ticketTypes),
    );
    check(
      'promoCodes',
      f.promoCodes.map((p) => p.ticketTypes),
    );
    check(
      'checkinLists',
      f.checkinLists.map((l) => l.ticketTypes),
    );
    // The server lets a gate serve one list only (gates compare exactly, as scans name them).
    const gateAt = new Map<string, string>();
    f.checkinLists.forEach((l, i) =>
      l.gates?.forEach((gate, j) => {
        const first = gateAt.get(gate);
        if (first === undefined) gateAt.set(gate, `checkinLists[${i}]`);
        // Twice in one list is harmless: the list keeps it once.
        else if (first !== `checkinLists[${i}]`)
          ctx.addIssue({
            code: 'custom',
            path: ['checkinLists', i, 'gates', j],
            message: `repeats gate "${gate}" of ${first} (a gate serves one list)`,
          });
      }),
    );
  });
export type EventFile = z.output<typeof EventFile>;
