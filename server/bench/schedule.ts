// Scheduling's pure rules at conference size: the conflict check of a 3-day, 20-room,
// 600-session, 400-speaker program (10 sessions a room a day, 1–3 speakers each drawn from a
// seeded generator, so some speakers clash; 5 to 10 minutes' walk between rooms; availability
// windows on every room and speaker), and the release diff of two versions of it (60 sessions
// moved, 20 cancelled, 20 added, 30 renamed, 30 re-staffed). Median and worst of 50 runs after
// 10 warm-up runs, one core, no I/O.
// Run: npm run bench -w server -- schedule
import { loadavg } from 'node:os';
import { findConflicts } from '../src/features/scheduling/conflicts.js';
import type { Program, Session, Slot } from '../src/features/scheduling/program.js';
import { diffPrograms } from '../src/features/scheduling/release-diff.js';

const DAYS = 3;
const ROOMS = 20;
const PER_ROOM_DAY = 10;
const SPEAKERS = 400;
const RUNS = 50;
const TARGET_CONFLICTS_MS = 50;
const TARGET_DIFF_MS = 100;

// mulberry32: the same program every run.
let seed = 17;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (n: number) => Math.floor(random() * n);
const id = (kind: string, i: number) => `${kind}-${String(i).padStart(4, '0')}`;
const at = (day: number, minutes: number) =>
  new Date(Date.UTC(2027, 4, 1 + day, 7, 0) + minutes * 60_000).toISOString();
const window = (day: number) => ({ start: at(day, 0), end: at(day, 12 * 60) });

function program(): Program {
  const rooms = Array.from({ length: ROOMS }, (_, r) => ({
    id: id('room', r),
    name: `Room ${r}`,
    capacity: 50 + pick(400),
    availability: Array.from({ length: DAYS }, (_, d) => window(d)),
    travelMinutes: Object.fromEntries(
      Array.from({ length: ROOMS }, (_, o) => [id('room', o), o === r ? 0 : 5 + pick(6)]),
    ),
    position: r,
  }));
  const speakers = Array.from({ length: SPEAKERS }, (_, s) => ({
    id: id('speaker', s),
    number: s + 1,
    name: `Speaker ${s}`,
    bio: null,
    email: null,
    availability: Array.from({ length: DAYS }, (_, d) => window(d)),
  }));
  const sessions: Session[] = [];
  const slots: Slot[] = [];
  for (let d = 0; d < DAYS; d++)
    for (let r = 0; r < ROOMS; r++)
      for (let k = 0; k < PER_ROOM_DAY; k++) {
        const i = sessions.length;
        const speakerIds = [
          ...new Set(Array.from({ length: 1 + pick(3) }, () => id('speaker', pick(SPEAKERS)))),
        ];
        sessions.push({
          id: id('session', i),
          number: i + 1,
          title: `Session ${i}`,
          abstract: null,
          kind: 'talk',
          durationMinutes: 45,
          speakerIds,
          trackId: null,
          language: 'en',
          signupCapacity: pick(10) === 0 ? 30 + pick(100) : null,
          status: 'confirmed',
        });
        slots.push({
          id: id('slot', i),
          number: 1000 + i,
          kind: 'session',
          sessionId: id('session', i),
          roomId: id('room', r),
          startsAt: at(d, 60 + k * 60),
          endsAt: at(d, 60 + k * 60 + 45),
          title: null,
        });
      }
  return { timezone: 'Europe/Berlin', rooms, tracks: [], speakers, sessions, slots };
}

function changed(p: Program): Program {
  const next = structuredClone(p);
  for (let i = 0; i < 60; i++) {
    const s = next.slots[pick(next.slots.length)]!;
    s.roomId = id('room', pick(ROOMS));
  }
  for (let i = 0; i < 20; i++) next.sessions[pick(next.sessions.length)]!.status = 'cancelled';
  for (let i = 0; i < 30; i++) next.sessions[pick(next.sessions.length)]!.title += ' (updated)';
  for (let i = 0; i < 30; i++)
    next.sessions[pick(next.sessions.length)]!.speakerIds.push(id('speaker', pick(SPEAKERS)));
  for (let i = 0; i < 20; i++) {
    const n = next.sessions.length;
    next.sessions.push({
      ...next.sessions[0]!,
      id: id('new', i),
      number: 5000 + i,
      title: `New ${i}`,
    });
    next.slots.push({
      ...next.slots[0]!,
      id: id('newslot', i),
      sessionId: id('new', i),
      roomId: id('room', i),
      startsAt: at(2, 11 * 60),
      endsAt: at(2, 11 * 60 + 45),
      number: 6000 + n,
    });
  }
  return next;
}

function time(fn: () => unknown): { median: number; max: number; result: unknown } {
  let result: unknown;
  for (let i = 0; i < 10; i++) result = fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { median: r(ms[Math.floor(ms.length / 2)]!), max: r(ms.at(-1)!), result };
}

const v1 = program();
const v2 = changed(v1);
const conflicts = time(() => findConflicts({ program: v1 }));
const diff = time(() => diffPrograms(v1, v2));
const found = conflicts.result as unknown[];
const d = diff.result as Record<string, unknown[]>;
const counts = Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.length]));

console.log(
  `program: ${DAYS} days, ${ROOMS} rooms, ${v1.sessions.length} sessions, ${SPEAKERS} speakers`,
);
console.log(
  `conflict check: median ${conflicts.median} ms, worst ${conflicts.max} ms (${found.length} conflicts; target < ${TARGET_CONFLICTS_MS} ms)`,
);
console.log(
  `release diff:   median ${diff.median} ms, worst ${diff.max} ms (${JSON.stringify(counts)}; target < ${TARGET_DIFF_MS} ms)`,
);
console.log(
  JSON.stringify({
    bench: 'schedule',
    sessions: v1.sessions.length,
    conflicts: found.length,
    conflictCheckMedianMs: conflicts.median,
    conflictCheckMaxMs: conflicts.max,
    diffMedianMs: diff.median,
    diffMaxMs: diff.max,
    loadavg1: Math.round(loadavg()[0]! * 100) / 100,
  }),
);
