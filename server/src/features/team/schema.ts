import { z } from 'zod';
import { EVENT_ROLES } from './roles.js';

const Uuid = z.uuid({ message: 'must be a UUID' });

export const TeamParams = z.strictObject({ eventId: Uuid });
export const TeamMemberParams = z.strictObject({ eventId: Uuid, accountId: Uuid });

export const PutTeamMemberBody = z.strictObject({
  role: z
    .enum(EVENT_ROLES)
    .describe(
      'owner: everything, including the team; organizer: the event, its sales and attendees; ' +
        'viewer: reports and attendee data, read only; staff: check-in, find a person, reprint; ' +
        'kiosk: check-in only, as an enrolled device',
    ),
});

export const TeamMember = z.object({
  accountId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(EVENT_ROLES),
  grantedBy: z.string().describe('The account or client that granted the role'),
  grantedAt: z.string(),
});

export const TeamList = z.object({ items: z.array(TeamMember) });
