import { forecastArrivals } from './forecast.js';
import { adviseLanes, erlangC, meanWait, seeded, simulateQueue } from './lanes.js';
import { generateMorning, perMinute } from './test-support/morning.js';

/** Poisson arrivals at a steady rate for `minutes`. */
function poisson(rate: number, minutes: number, random: () => number): number[] {
  const out: number[] = [];
  for (let t = -Math.log(1 - random()) / rate; t < minutes; t += -Math.log(1 - random()) / rate)
    out.push(t);
  return out;
}

describe('lane advice', () => {
  it('computes Erlang C as the textbook does', () => {
    // 2 lanes, offered load 1 Erlang: C = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 10);
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 10);
    expect(meanWait(1, 2, 2)).toBe(Infinity);
  });

  it('advises the fewest lanes whose simulated queue waits less than the target, one fewer waits more', () => {
    const rate = 40; // arrivals per minute at the peak
    const perLane = 6;
    const target = 2;
    const advice = adviseLanes(rate, perLane, target);
    expect(advice.lanes).toBeGreaterThan(rate / perLane);
    const arrivals = poisson(rate, 600, seeded(1));
    const run = (lanes: number) => simulateQueue(arrivals, perLane, () => lanes, seeded(2));
    const advised = run(advice.lanes);
    const fewer = run(advice.lanes - 1);
    console.log(
      `M/M/c at ${rate}/min, ${perLane}/min per lane, target ${target} min: ${advice.lanes} lanes, ` +
        `formula ${advice.expectedWaitMinutes.toFixed(2)} min, simulated ${advised.meanWait.toFixed(2)} min; ` +
        `${advice.lanes - 1} lanes simulated ${fewer.meanWait.toFixed(2)} min`,
    );
    expect(advised.meanWait).toBeLessThan(target);
    expect(fewer.meanWait).toBeGreaterThan(target);
    // The formula and the simulation agree within 25 %.
    expect(Math.abs(advised.meanWait - advice.expectedWaitMinutes)).toBeLessThan(
      0.25 * advice.expectedWaitMinutes + 0.05,
    );
  });

  it('keeps the replayed morning under target when lanes follow the forecast every 10 minutes', () => {
    const morning = generateMorning(5000);
    const perLane = 10;
    const target = 3;
    const plan = new Map<number, number>();
    for (let t = 0; t < 180; t += 10) {
      const seen = perMinute(morning, t);
      const arrived = seen.reduce((a, b) => a + b, 0);
      const f = forecastArrivals({ perMinute: seen, stillExpected: 5600 - arrived, showRate: 0.9 });
      // Before any history the forecast knows nothing: open for the registered crowd's average.
      const rate = t < 10 ? 5000 / 120 : Math.max(f.peakPerMinute, seen.at(-1) ?? 0);
      plan.set(t, adviseLanes(rate, perLane, target).lanes);
    }
    const lanesAt = (m: number) => plan.get(Math.floor(m / 10) * 10) ?? 1;
    const r = simulateQueue(
      morning.map((a) => a.minute),
      perLane,
      lanesAt,
      seeded(3),
    );
    console.log(
      `replayed morning, lanes by forecast: ${[...plan.values()].join(' ')}; mean wait ${r.meanWait.toFixed(2)} min, p90 ${r.p90Wait.toFixed(2)} min (target ${target})`,
    );
    expect(r.meanWait).toBeLessThan(target);
  });
});
