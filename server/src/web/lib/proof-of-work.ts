import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import { call } from '../api.js';

/**
 * Fetches the event's proof-of-work challenge and solves it with altcha-lib's solver (Web
 * Crypto), while the person fills in the form; the `altcha` field of one registration.
 */
export async function solveChallengeFor(eventId: string): Promise<string> {
  const { body: challenge } = await call<Challenge>(
    `/api/v1/public/events/${encodeURIComponent(eventId)}/challenge`,
    { cache: 'no-store' },
  );
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('The browser check could not be completed.');
  return btoa(JSON.stringify({ challenge, solution }));
}
