import { forecastArrivals, BIN_MINUTES } from './forecast.js';
import { adviseLanes } from './lanes.js';

// The live door view (pure): per-minute series from the scan rollup, people inside, each device's
// current throughput, the next hour's forecast and the lanes it needs.

const NIL = '00000000-0000-0000-0000-000000000000';
const MINUTE = 60_000;
/** Throughput is measured over the last few whole minutes. */
const THROUGHPUT_MINUTES = 5;

export interface DoorMinute {
  minute: Date;
  list_id: string;
  list: string | null;
  gate: string;
  device_id: string;
  device: string | null;
  direction: 'entry' | 'exit';
  admitted: boolean;
  scans: number;
}

export interface DoorParams {
  since: Date;
  now: Date;
  /** Admitted entries and exits before `since`. */
  before: { entries: number; exits: number };
  /** Registered valid tickets not admitted yet. */
  stillExpected: number;
  showRate: number;
  targetWaitMinutes: number;
  laneRatePerMinute: number;
}

export interface Series {
  key: string;
  label: string;
  /** Admitted entries per minute, aligned with `minutes`. */
  arrivals: number[];
}

export interface DoorView {
  since: string;
  minutes: string[];
  gates: Series[];
  lists: Series[];
  /** People inside at the end of each minute: admitted entries less exits, since the start. */
  inside: number[];
  devices: Array<{
    deviceId: string | null;
    device: string;
    scansPerMinute: number;
    admittedPerMinute: number;
  }>;
  forecast: {
    model: string;
    binMinutes: number;
    bins: Array<{ start: string; arrivals: number }>;
    nextHour: number;
    peakPerMinute: number;
    stillExpected: number;
    showRate: number;
  };
  lanes: {
    model: string;
    lanes: number;
    expectedWaitMinutes: number | null;
    targetWaitMinutes: number;
    perLanePerMinute: number;
    arrivalsPerMinute: number;
  };
}

const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;

export function doorView(rows: readonly DoorMinute[], p: DoorParams): DoorView {
  const start = Math.floor(p.since.getTime() / MINUTE) * MINUTE;
  const count = Math.max(1, Math.floor(p.now.getTime() / MINUTE) - start / MINUTE + 1);
  const index = (d: Date) => Math.floor((d.getTime() - start) / MINUTE);
  const minutes = Array.from({ length: count }, (_, i) =>
    new Date(start + i * MINUTE).toISOString(),
  );
  const zero = () => new Array<number>(count).fill(0);

  const gates = new Map<string, Series>();
  const lists = new Map<string, Series>();
  const entries = zero();
  const exits = zero();
  const devices = new Map<string, { label: string; scans: number; admitted: number }>();
  const recentFrom = count - THROUGHPUT_MINUTES - 1;
  for (const r of rows) {
    const i = index(r.minute);
    if (i < 0 || i >= count) continue;
    if (i >= recentFrom && i < count - 1) {
      const d = devices.get(r.device_id) ?? {
        label: r.device ?? (r.device_id === NIL ? 'Staff (own token)' : r.device_id),
        scans: 0,
        admitted: 0,
      };
      d.scans += r.scans;
      if (r.admitted) d.admitted += r.scans;
      devices.set(r.device_id, d);
    }
    if (!r.admitted) continue;
    if (r.direction === 'exit') {
      exits[i]! += r.scans;
      continue;
    }
    entries[i]! += r.scans;
    const gate = gates.get(r.gate) ?? {
      key: r.gate,
      label: r.gate || '(no gate)',
      arrivals: zero(),
    };
    gate.arrivals[i]! += r.scans;
    gates.set(r.gate, gate);
    const list = lists.get(r.list_id) ?? {
      key: r.list_id,
      label: r.list ?? 'Default',
      arrivals: zero(),
    };
    list.arrivals[i]! += r.scans;
    lists.set(r.list_id, list);
  }
  let level = p.before.entries - p.before.exits;
  const inside = entries.map((e, i) => (level += e - exits[i]!));

  // The forecast reads whole minutes only: the current one is still filling.
  const f = forecastArrivals({
    perMinute: entries.slice(0, -1),
    stillExpected: p.stillExpected,
    showRate: p.showRate,
  });
  const binStart = start + (count - 1 - ((count - 1) % BIN_MINUTES)) * MINUTE;
  const advice = adviseLanes(f.peakPerMinute, p.laneRatePerMinute, p.targetWaitMinutes);
  return {
    since: new Date(start).toISOString(),
    minutes,
    gates: [...gates.values()].sort((a, b) => a.label.localeCompare(b.label)),
    lists: [...lists.values()].sort((a, b) => a.label.localeCompare(b.label)),
    inside,
    devices: [...devices.entries()]
      .map(([id, d]) => ({
        deviceId: id === NIL ? null : id,
        device: d.label,
        scansPerMinute: round(d.scans / THROUGHPUT_MINUTES),
        admittedPerMinute: round(d.admitted / THROUGHPUT_MINUTES),
      }))
      .sort((a, b) => a.device.localeCompare(b.device)),
    forecast: {
      model: f.model,
      binMinutes: BIN_MINUTES,
      bins: f.bins.map((n, i) => ({
        start: new Date(binStart + i * BIN_MINUTES * MINUTE).toISOString(),
        arrivals: round(n, 1),
      })),
      nextHour: Math.round(f.total),
      peakPerMinute: round(f.peakPerMinute),
      stillExpected: p.stillExpected,
      showRate: p.showRate,
    },
    lanes: {
      model: advice.model,
      lanes: advice.lanes,
      expectedWaitMinutes: Number.isFinite(advice.expectedWaitMinutes)
        ? round(advice.expectedWaitMinutes)
        : null,
      targetWaitMinutes: p.targetWaitMinutes,
      perLanePerMinute: p.laneRatePerMinute,
      arrivalsPerMinute: round(f.peakPerMinute),
    },
  };
}
