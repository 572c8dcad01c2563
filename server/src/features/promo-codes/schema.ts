import { z } from 'zod';
import { Uuid } from '../events/schema.js';

export const PromoCodeListParams = z.strictObject({ eventId: Uuid });
export const PromoCodeParams = z.strictObject({ eventId: Uuid, promoCodeId: Uuid });

export const IncludeArchivedQuery = z.strictObject({
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const ExportPromoCodesQuery = z.strictObject({
  /** Only codes starting with this (ignoring case), e.g. one generated batch. */
  prefix: z.string().max(32).default(''),
});

const Instant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with an offset, e.g. 2027-05-01T09:00:00Z',
});

const promoFields = {
  /** Matched ignoring case; unique per event among codes not archived. */
  code: z
    .string({ message: 'must be text' })
    .trim()
    .regex(/^[A-Za-z0-9_-]{3,32}$/, 'must be 3 to 32 letters, digits, "_" or "-"'),
  /** null (with discountValue null): an access code that only unlocks or reserves. */
  discountKind: z
    .enum(['percent', 'fixed'], { message: "must be 'percent', 'fixed' or null" })
    .nullable(),
  /** percent: 1-100; fixed: minor units (cents) off each ticket. */
  discountValue: z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10_000_000_000, 'is too large')
    .nullable(),
  /**
   * Seats held for this code's holder out of the public quota (one ticket type only); orders with
   * the code use them first. 0: none.
   */
  reservedSeats: z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(1_000_000, 'must be at most 1000000'),
  /** null: unlimited. */
  maxUses: z
    .number({ message: 'must be a whole number or null' })
    .int('must be a whole number or null')
    .min(1, 'must be at least 1')
    .max(1_000_000, 'must be at most 1000000')
    .nullable(),
  validFrom: Instant.nullable(),
  validUntil: Instant.nullable(),
  /** null: valid for every ticket type. */
  ticketTypeIds: z
    .array(Uuid)
    .min(1, 'must name at least one ticket type, or be null for all')
    .max(100, 'must name at most 100 ticket types')
    .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a ticket type' })
    .nullable(),
};

export const CreatePromoCodeBody = z.strictObject({
  ...promoFields,
  discountKind: promoFields.discountKind.default(null),
  discountValue: promoFields.discountValue.default(null),
  reservedSeats: promoFields.reservedSeats.default(0),
  maxUses: promoFields.maxUses.default(null),
  validFrom: promoFields.validFrom.default(null),
  validUntil: promoFields.validUntil.default(null),
  ticketTypeIds: promoFields.ticketTypeIds.default(null),
});
export type CreatePromoCodeInput = z.output<typeof CreatePromoCodeBody>;

export const UpdatePromoCodeBody = z
  .strictObject(promoFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'name at least one field to change' });
export type UpdatePromoCodeInput = z.output<typeof UpdatePromoCodeBody>;

export const PromoCode = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  code: z.string(),
  discountKind: z.enum(['percent', 'fixed']).nullable(),
  discountValue: z.number().int().nullable(),
  reservedSeats: z.number().int(),
  /** Reserved seats no order has used yet. */
  reserveLeft: z.number().int(),
  /** Made by bulk generation (`lanyard apply` leaves such codes alone). */
  generated: z.boolean(),
  maxUses: z.number().int().nullable(),
  /** Orders that have used the code. */
  uses: z.number().int(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  ticketTypeIds: z.array(z.uuid()).nullable(),
  status: z.enum(['active', 'archived']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PromoCode = z.output<typeof PromoCode>;
export const PromoCodeList = z.array(PromoCode);

/** Many codes at once, each `prefix` + random letters and digits, all on the same terms. */
export const GeneratePromoCodesBody = z.strictObject({
  count: z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10_000, 'must be at most 10000'),
  prefix: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{0,16}$/, 'must be up to 16 letters, digits, "_" or "-"')
    .default(''),
  discountKind: promoFields.discountKind.default(null),
  discountValue: promoFields.discountValue.default(null),
  maxUses: promoFields.maxUses.default(1),
  validFrom: promoFields.validFrom.default(null),
  validUntil: promoFields.validUntil.default(null),
  ticketTypeIds: promoFields.ticketTypeIds.default(null),
});
export type GeneratePromoCodesInput = z.output<typeof GeneratePromoCodesBody>;
