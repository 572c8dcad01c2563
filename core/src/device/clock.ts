/** When a request left and its answer came back, and the server's Date header. */
export interface ServerClock {
  serverDateMs: number;
  sentAtMs: number;
  receivedAtMs: number;
}

/** Answers slower than this say too little about the server's clock to be used. */
const MAX_USEFUL_ROUND_TRIP_MS = 2000;

/**
 * Server time minus this device's time from one answer alone, or undefined when the round trip
 * was too slow to tell: the middle of what that answer allows, good to about half a second.
 */
export function clockOffsetFrom(clock: ServerClock): number | undefined {
  const bounds = offsetBoundsFrom(clock);
  return bounds && offsetWithin(bounds);
}

/** What answers so far say about the offset: it lies in [lowMs, highMs], as of `atMs`. */
export interface OffsetBounds {
  lowMs: number;
  highMs: number;
  /** This device's clock when the bounds were last narrowed. */
  atMs: number;
}

/** How fast two quartz clocks may drift apart (100 ppm, generous): old bounds widen by it. */
const DRIFT_PER_MS = 1e-4;

/**
 * The bounds one answer puts on the offset: the server's clock read `date` (whole seconds, so
 * anything in [date, date + 1 s)) at some moment between sending and receiving. Undefined for an
 * answer too slow or without a readable date.
 */
export function offsetBoundsFrom(clock: ServerClock): OffsetBounds | undefined {
  const roundTrip = clock.receivedAtMs - clock.sentAtMs;
  if (
    !Number.isFinite(clock.serverDateMs) ||
    roundTrip < 0 ||
    roundTrip > MAX_USEFUL_ROUND_TRIP_MS
  ) {
    return undefined;
  }
  return {
    lowMs: clock.serverDateMs - clock.receivedAtMs,
    highMs: clock.serverDateMs + 1000 - clock.sentAtMs,
    atMs: clock.receivedAtMs,
  };
}

/**
 * Narrows the known bounds with a new answer's. Answers arrive at every fraction of the server's
 * second, so their intersection shrinks from a second to about a round trip after a few dozen
 * sync rounds. Old bounds first widen by the drift since; if they no longer meet the new ones,
 * a clock was set, and the new answer alone is believed.
 */
export function narrowOffset(known: OffsetBounds | undefined, sample: OffsetBounds): OffsetBounds {
  if (!known) return sample;
  const drift = Math.max(0, sample.atMs - known.atMs) * DRIFT_PER_MS;
  const lowMs = Math.max(known.lowMs - drift, sample.lowMs);
  const highMs = Math.min(known.highMs + drift, sample.highMs);
  return lowMs <= highMs ? { lowMs, highMs, atMs: sample.atMs } : sample;
}

/** The offset to use: the middle of what is known. */
export const offsetWithin = (bounds: OffsetBounds): number =>
  Math.round((bounds.lowMs + bounds.highMs) / 2);
