// Lane advice (pure): how many open lanes keep the queue's expected wait under the organizer's
// target. Model: M/M/c (Poisson arrivals at rate λ, exponential service at rate μ per lane, one
// FIFO queue in front of c lanes): the chance of waiting is Erlang C, and the mean wait is
// C(c, λ/μ) / (cμ − λ). simulateQueue checks the formula against a discrete-event run.

/** Erlang C: the chance an arrival waits, with c lanes and offered load a = λ/μ (a < c). */
export function erlangC(c: number, a: number): number {
  if (a <= 0) return 0;
  if (a >= c) return 1;
  // Erlang B by its stable recurrence, then C from B.
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

/** Mean queue wait (minutes) of M/M/c; Infinity when the lanes cannot keep up. */
export function meanWait(
  lanes: number,
  arrivalsPerMinute: number,
  perLanePerMinute: number,
): number {
  if (arrivalsPerMinute <= 0) return 0;
  if (lanes * perLanePerMinute <= arrivalsPerMinute) return Infinity;
  const a = arrivalsPerMinute / perLanePerMinute;
  return erlangC(lanes, a) / (lanes * perLanePerMinute - arrivalsPerMinute);
}

export interface LaneAdvice {
  lanes: number;
  /** The mean wait those lanes give, minutes. */
  expectedWaitMinutes: number;
  model: 'M/M/c';
}

/** The fewest lanes (at least 1) whose mean wait is within the target. */
export function adviseLanes(
  arrivalsPerMinute: number,
  perLanePerMinute: number,
  targetWaitMinutes: number,
  maxLanes = 200,
): LaneAdvice {
  for (let c = 1; c <= maxLanes; c++) {
    const w = meanWait(c, arrivalsPerMinute, perLanePerMinute);
    if (w <= targetWaitMinutes) return { lanes: c, expectedWaitMinutes: w, model: 'M/M/c' };
  }
  return {
    lanes: maxLanes,
    expectedWaitMinutes: meanWait(maxLanes, arrivalsPerMinute, perLanePerMinute),
    model: 'M/M/c',
  };
}

/** A seeded uniform generator in [0, 1), so simulations replay. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

export interface QueueRun {
  meanWait: number;
  p90Wait: number;
  waits: number[];
}

/**
 * Discrete-event run of one FIFO queue in front of lanes: each arrival (minutes, ascending) takes
 * the lane that frees first; service times are exponential with the given rate. `lanesAt` may
 * change the number of open lanes over time (a lane closing finishes its person first).
 */
export function simulateQueue(
  arrivals: readonly number[],
  perLanePerMinute: number,
  lanesAt: (minute: number) => number,
  random: () => number,
): QueueRun {
  const free: number[] = [];
  const waits: number[] = [];
  for (const t of arrivals) {
    const open = Math.max(1, lanesAt(t));
    while (free.length < open) free.push(t);
    free.length = open;
    let best = 0;
    for (let i = 1; i < free.length; i++) if (free[i]! < free[best]!) best = i;
    const start = Math.max(t, free[best]!);
    waits.push(start - t);
    free[best] = start - Math.log(1 - random()) / perLanePerMinute;
  }
  const sorted = [...waits].sort((a, b) => a - b);
  return {
    meanWait: waits.reduce((a, b) => a + b, 0) / Math.max(1, waits.length),
    p90Wait: sorted[Math.floor(sorted.length * 0.9)] ?? 0,
    waits,
  };
}
