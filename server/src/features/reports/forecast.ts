// Short-term forecast of door arrivals (pure). Model: Holt's linear exponential smoothing (a level
// and a trend) over arrivals per 5-minute bin, projected 12 bins ahead and never below zero, then
// capped by who can still come: registered tickets not yet admitted, times the show rate expected
// of them. Holt follows a morning's rise and fall from the curve so far, without a past event to
// copy; the cap stops it from promising more people than are registered once the trend is steep.

export const BIN_MINUTES = 5;

export interface ForecastInput {
  /** Admitted entries per minute, oldest first, up to now (the last minute may be partial). */
  perMinute: readonly number[];
  /** Registered valid tickets not admitted yet. */
  stillExpected: number;
  /** Share of those expected to come at all (0..1); 1 when unknown. */
  showRate?: number;
  /** Smoothing of the level and of the trend (0..1). */
  alpha?: number;
  beta?: number;
  /** Minutes ahead (default 60). */
  horizon?: number;
}

export interface Forecast {
  /** Expected arrivals in each 5-minute bin ahead. */
  bins: number[];
  /** Their sum: arrivals expected over the horizon. */
  total: number;
  /** The busiest bin ahead as arrivals per minute. */
  peakPerMinute: number;
  model: 'holt-linear-capped';
}

/** Sums per-minute counts into 5-minute bins, oldest first (a partial last bin is kept). */
export function toBins(perMinute: readonly number[], size = BIN_MINUTES): number[] {
  const bins: number[] = [];
  for (let i = 0; i < perMinute.length; i += size)
    bins.push(perMinute.slice(i, i + size).reduce((a, b) => a + b, 0));
  return bins;
}

export function forecastArrivals(input: ForecastInput): Forecast {
  const { alpha = 0.5, beta = 0.3, horizon = 60 } = input;
  const steps = Math.ceil(horizon / BIN_MINUTES);
  // Only whole bins: a partial current bin would read as a sudden fall.
  const whole = input.perMinute.length - (input.perMinute.length % BIN_MINUTES);
  const bins = toBins(input.perMinute.slice(0, whole));
  let level = bins[0] ?? 0;
  let trend = bins.length > 1 ? bins[1]! - bins[0]! : 0;
  for (const y of bins.slice(1)) {
    const previous = level;
    level = alpha * y + (1 - alpha) * (level + trend);
    trend = beta * (level - previous) + (1 - beta) * trend;
  }
  const cap = Math.max(0, input.stillExpected * (input.showRate ?? 1));
  const ahead: number[] = [];
  let left = cap;
  for (let h = 1; h <= steps; h++) {
    const y = Math.min(Math.max(0, level + h * trend), left);
    ahead.push(y);
    left -= y;
  }
  const total = ahead.reduce((a, b) => a + b, 0);
  return {
    bins: ahead,
    total,
    peakPerMinute: Math.max(0, ...ahead) / BIN_MINUTES,
    model: 'holt-linear-capped',
  };
}
