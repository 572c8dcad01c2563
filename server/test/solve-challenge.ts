import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { requestFrom } from './from-address.js';

/**
 * Fetches an event's proof-of-work challenge from `from` and solves it with altcha-lib's own
 * solver, as the portal does in the browser; the `altcha` field to register with.
 */
export async function solvedChallenge(
  from: string,
  baseUrl: string,
  eventId: string,
): Promise<string> {
  const res = await requestFrom(from, `${baseUrl}/api/v1/public/events/${eventId}/challenge`);
  if (res.status !== 200) throw new Error(`challenge answered ${res.status}: ${res.text}`);
  const challenge = res.body as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('the challenge was not solved');
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
