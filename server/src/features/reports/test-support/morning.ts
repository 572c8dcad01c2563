import { seeded } from '../lanes.js';

// A generated door morning: doors open at minute 0, the event starts at minute 60. Most people
// come in a peak before the start, latecomers in a flatter one after it; each goes to one of three
// gates. Seeded, so every run replays the same morning.

export interface Arrival {
  minute: number;
  gate: string;
}

const GATES: Array<[string, number]> = [
  ['North', 0.5],
  ['South', 0.3],
  ['East', 0.2],
];

function normal(random: () => number, mean: number, sd: number): number {
  const u = 1 - random();
  const v = random();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function generateMorning(arrivals = 5000, seed = 2027): Arrival[] {
  const random = seeded(seed);
  const out: Arrival[] = [];
  while (out.length < arrivals) {
    const minute = random() < 0.8 ? normal(random, 50, 18) : normal(random, 85, 25);
    if (minute < 0 || minute >= 180) continue;
    const g = random();
    let acc = 0;
    const gate = GATES.find(([, w]) => (acc += w) > g)?.[0] ?? 'East';
    out.push({ minute, gate });
  }
  return out.sort((a, b) => a.minute - b.minute);
}

/** Arrivals per whole minute from minute 0 up to (not including) `until`. */
export function perMinute(arrivals: readonly Arrival[], until: number): number[] {
  const counts = new Array<number>(until).fill(0);
  for (const a of arrivals) if (a.minute < until) counts[Math.floor(a.minute)]! += 1;
  return counts;
}
