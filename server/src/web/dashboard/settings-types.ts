// The answers the Settings section reads beyond the event and its ticket types (./types.ts):
// the server's response schemas (types only).

export type { PromoCode } from '../../features/promo-codes/schema.js';
export type { Question } from '../../features/questions/schema.js';
export type { Quota } from '../../features/quotas/schema.js';
