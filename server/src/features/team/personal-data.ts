import type { Principal } from '../identity/principal.js';
import { may } from './roles.js';

/**
 * True when the caller may see attendees' emails and answers on the event: its role allows it
 * (not staff, not kiosks) and its token carries `tickets:read`, the scope of attendee data. A
 * principal without a reach has not passed the role check and sees nothing personal.
 */
export const canSeePersonalData = (principal: Principal, eventId: string): boolean =>
  principal.scopes.has('tickets:read') &&
  principal.reach !== undefined &&
  may(principal.reach, eventId, 'personal');
