import { timeOrderedUuid } from '../../platform/time-ordered-uuid.js';

/** A webhook message id (the `webhook-id` header): `msg_` + a time-ordered UUID's hex. */
export const newMessageId = (): string => `msg_${timeOrderedUuid().replace(/-/g, '')}`;
