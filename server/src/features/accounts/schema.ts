import { z } from 'zod';
import { SCOPES } from '../identity/principal.js';
import { EVENT_ROLES } from '../team/roles.js';

export const AccountIdParams = z.strictObject({ accountId: z.uuid({ message: 'must be a UUID' }) });

export const CreateAccountBody = z.strictObject({
  email: z.email({ message: 'must be an email address' }).max(254),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  /** Omit to have one generated and returned once. */
  password: z.string().min(12, 'must be at least 12 characters').max(200).optional(),
  /** The API scopes the organizer may hold; default: all but `admin`. */
  scopes: z.array(z.enum(SCOPES)).min(1, 'must name at least one scope').optional(),
  /**
   * true: reaches every event of the organization. Default false: the account reaches only the
   * events it is given a role on (PUT /events/{eventId}/team/{accountId}) or creates.
   */
  organizationAdmin: z.boolean().optional(),
});

export const UpdateAccountBody = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
    /** Replaces the account's scopes; nobody hands out a scope they do not hold. */
    scopes: z.array(z.enum(SCOPES)).min(1, 'must name at least one scope'),
    /** true: reaches every event of the organization; false: only the events it has a role on. */
    organizationAdmin: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'must change at least one field' });

export const OrganizerAccount = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  organizationAdmin: z.boolean(),
  disabledAt: z.string().nullable(),
  /** False while an invited person has not set their password. */
  passwordSet: z.boolean(),
  createdAt: z.string(),
});

export const CreatedAccount = OrganizerAccount.extend({
  /** Present only when the server generated it; shown this once. */
  password: z.string().optional(),
});

export const AccountList = z.object({ items: z.array(OrganizerAccount) });

export const InviteAccountBody = z.strictObject({
  email: CreateAccountBody.shape.email,
  name: CreateAccountBody.shape.name,
  /** The API scopes the person may hold; default: all but `admin` (organization admins: all). */
  scopes: CreateAccountBody.shape.scopes,
  /** true: an organization admin (reaches every event, manages accounts). */
  organizationAdmin: z.boolean().optional(),
  /** Roles on events of the organization, given in the same step. */
  eventRoles: z
    .array(
      z.strictObject({ eventId: z.uuid({ message: 'must be a UUID' }), role: z.enum(EVENT_ROLES) }),
    )
    .max(100)
    .optional(),
});

export const PasswordLinkSent = z.object({
  /** invite: the account has no password yet; reset: it keeps its password until the link is used. */
  purpose: z.enum(['invite', 'reset']),
  expiresAt: z.string(),
});
