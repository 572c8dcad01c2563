import { z } from 'zod';
import { Uuid } from '../events/schema.js';

export const QuestionListParams = z.strictObject({ eventId: Uuid });
export const QuestionParams = z.strictObject({ eventId: Uuid, questionId: Uuid });

export const IncludeArchivedQuery = z.strictObject({
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const QuestionKind = z.enum(['text', 'choice', 'checkbox'], {
  message: "must be 'text', 'choice' or 'checkbox'",
});

const Option = z
  .string({ message: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/** null or absent: asked for every ticket type. */
const TicketTypeIds = z
  .array(Uuid)
  .min(1, 'must name at least one ticket type, or be null for all')
  .max(100, 'must name at most 100 ticket types')
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a ticket type' })
  .nullable();

const questionFields = {
  label: z
    .string({ message: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(500, 'must be at most 500 characters'),
  kind: QuestionKind,
  required: z.boolean({ message: 'must be true or false' }),
  /** The answers a `choice` question allows; the other kinds take none. */
  options: z.array(Option).max(100, 'must have at most 100 options'),
  ticketTypeIds: TicketTypeIds,
  position: z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(10_000, 'must be at most 10000'),
};

export const CreateQuestionBody = z.strictObject({
  ...questionFields,
  required: questionFields.required.default(false),
  options: questionFields.options.optional(),
  ticketTypeIds: questionFields.ticketTypeIds.default(null),
  position: questionFields.position.optional(),
});
export type CreateQuestionInput = z.output<typeof CreateQuestionBody>;

export const UpdateQuestionBody = z
  .strictObject(questionFields)
  .partial()
  .refine((q) => Object.keys(q).length > 0, { message: 'name at least one field to change' });
export type UpdateQuestionInput = z.output<typeof UpdateQuestionBody>;

export const Question = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  label: z.string(),
  kind: QuestionKind,
  required: z.boolean(),
  options: z.array(z.string()),
  ticketTypeIds: z.array(z.uuid()).nullable(),
  position: z.number().int(),
  status: z.enum(['active', 'archived']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Question = z.output<typeof Question>;
export const QuestionList = z.array(Question);
