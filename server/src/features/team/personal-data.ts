import type { Principal } from '../identity/principal.js';
import { may } from './roles.js';

/**
 * True when the caller may see attendees' emails and answers on the event. A principal without a
 * reach has not passed the role check (a route without one) and sees nothing personal.
 */
export const canSeePersonalData = (principal: Principal, eventId: string): boolean =>
  principal.reach !== undefined && may(principal.reach, eventId, 'personal');
