import { z } from 'zod';
import { Uuid } from '../events/schema.js';

export const OrderIdParams = z.strictObject({ orderId: Uuid });
export const KeyQuery = z.strictObject({
  key: z.string().min(1, 'must not be empty').max(200, 'is too long').optional(),
});

/** An invoice or credit note issued for an order, as the order lists it. */
export const IssuedInvoice = z.object({
  id: z.uuid(),
  kind: z.enum(['invoice', 'credit_note']),
  /** Gapless per organization, shared by invoices and credit notes: `000042`. */
  number: z.string(),
  issuedAt: z.iso.datetime(),
  /** Gross, tax included; negative on a credit note. */
  totalCents: z.number().int(),
});

const Line = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional();

/** The organizer's name and legal details, printed on invoices. */
export const Organization = z.object({
  name: z.string(),
  legalName: z.string().nullable(),
  address: z.string().nullable(),
  vatId: z.string().nullable(),
});

export const UpdateOrganizationBody = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(200, 'is too long').optional(),
    legalName: Line(200),
    /** Several lines: street, postcode and town, country. */
    address: Line(1000),
    vatId: Line(50),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'name at least one field to change' });
export type UpdateOrganizationInput = z.output<typeof UpdateOrganizationBody>;
