import type { ServerClock } from './transport.js';

/** Answers slower than this say too little about the server's clock to be used. */
const MAX_USEFUL_ROUND_TRIP_MS = 2000;

/**
 * Server time minus this device's time, from one answer's Date header, or undefined when the
 * round trip was too slow to tell. The header has whole seconds, so the true server time lies
 * in [date, date + 1 s): the middle of that second is taken, against the middle of the round
 * trip. Good to about half a second, which is all a door needs.
 */
export function clockOffsetFrom(clock: ServerClock): number | undefined {
  const roundTrip = clock.receivedAtMs - clock.sentAtMs;
  if (
    !Number.isFinite(clock.serverDateMs) ||
    roundTrip < 0 ||
    roundTrip > MAX_USEFUL_ROUND_TRIP_MS
  ) {
    return undefined;
  }
  return Math.round(clock.serverDateMs + 500 - (clock.sentAtMs + clock.receivedAtMs) / 2);
}
