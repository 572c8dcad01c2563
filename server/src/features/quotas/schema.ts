import { z } from 'zod';
import { Uuid } from '../events/schema.js';

export const QuotaListParams = z.strictObject({ eventId: Uuid });
export const QuotaParams = z.strictObject({ eventId: Uuid, quotaId: Uuid });

export const IncludeArchivedQuery = z.strictObject({
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

const Name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
const Size = z
  .number({ message: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(1_000_000, 'must be at most 1000000');
const TicketTypeIds = z
  .array(Uuid)
  .min(1, 'must name at least one ticket type')
  .max(100, 'must name at most 100 ticket types')
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a ticket type' });

const quotaFields = { name: Name, size: Size, ticketTypeIds: TicketTypeIds };

export const CreateQuotaBody = z.strictObject(quotaFields);
export type CreateQuotaInput = z.output<typeof CreateQuotaBody>;

export const UpdateQuotaBody = z
  .strictObject(quotaFields)
  .partial()
  .refine((q) => Object.keys(q).length > 0, { message: 'name at least one field to change' });
export type UpdateQuotaInput = z.output<typeof UpdateQuotaBody>;

export const Quota = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  name: z.string(),
  size: z.number().int(),
  /** Seats sold or held across all its ticket types. */
  used: z.number().int(),
  available: z.number().int(),
  ticketTypeIds: z.array(z.uuid()),
  status: z.enum(['active', 'archived']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Quota = z.output<typeof Quota>;
export const QuotaList = z.array(Quota);
