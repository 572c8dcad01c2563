import { useState } from 'react';
import { LoadError, Loading } from '../components/notice.js';
import { formatMoney } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { BarChart } from './bar-chart.js';
import { useEventStream } from './sales-stream.js';
import type { SectionProps } from './sections.js';

// Reports: sales over time (the report API) and the door, live (the door stream).

interface Report {
  rows: Array<Record<string, string | number | null>>;
}

interface DoorView {
  minutes: string[];
  gates: { key: string; label: string; arrivals: number[] }[];
  inside: number[];
  devices: { device: string; scansPerMinute: number; admittedPerMinute: number }[];
  forecast: { nextHour: number; peakPerMinute: number; stillExpected: number };
  lanes: { lanes: number; expectedWaitMinutes: number | null; targetWaitMinutes: number };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function ReportsSection({ base }: SectionProps) {
  return (
    <>
      <SalesReport base={base} />
      <DoorLive base={base} />
    </>
  );
}

function SalesReport({ base }: { base: string }) {
  const [bucket, setBucket] = useState<'day' | 'week' | 'hour'>('day');
  const [report] = useLoad(
    () => api<Report>(`${base}/reports/sales?bucket=${bucket}`),
    [base, bucket],
  );
  const byBucket = new Map<string, { tickets: number; revenue: number; currency: string }>();
  if (report.state === 'ok')
    for (const r of report.data.rows) {
      const b = byBucket.get(String(r.bucket)) ?? {
        tickets: 0,
        revenue: 0,
        currency: String(r.currency),
      };
      b.tickets += Number(r.tickets);
      b.revenue += Number(r.revenue_cents);
      byBucket.set(String(r.bucket), b);
    }
  const rows = [...byBucket.entries()];
  const total = sum(rows.map(([, b]) => b.tickets));
  return (
    <section aria-labelledby="sales-report" className="panel">
      <h2 id="sales-report">Sales over time</h2>
      <label>
        Per{' '}
        <select value={bucket} onChange={(e) => setBucket(e.target.value as typeof bucket)}>
          <option value="day">day</option>
          <option value="week">week</option>
          <option value="hour">hour</option>
        </select>
      </label>
      {report.state === 'loading' ? <Loading what="sales report" /> : null}
      {report.state === 'error' ? <LoadError error={report.error} what="sales report" /> : null}
      {report.state === 'ok' && rows.length === 0 ? <p>No sales yet.</p> : null}
      {rows.length > 0 ? (
        <>
          <BarChart
            summary={`${total} tickets sold over ${rows.length} ${bucket}s, most on ${
              rows.reduce((a, b) => (b[1].tickets > a[1].tickets ? b : a))[0]
            }`}
            bars={rows.map(([label, b]) => ({ label, value: b.tickets }))}
          />
          <div className="table-scroll">
            <table>
              <caption>Tickets and revenue per {bucket} (event time)</caption>
              <thead>
                <tr>
                  <th scope="col">{bucket}</th>
                  <th scope="col">Tickets</th>
                  <th scope="col">Revenue</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([label, b]) => (
                  <tr key={label}>
                    <th scope="row">
                      {bucket === 'hour' ? label.replace('T', ' ') : label.slice(0, 10)}
                    </th>
                    <td>{b.tickets}</td>
                    <td>{formatMoney(b.revenue, b.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function DoorLive({ base }: { base: string }) {
  const [target, setTarget] = useState(5);
  const { snapshot: door, state } = useEventStream<DoorView>(
    `${base}/door/stream?minutes=60&targetWaitMinutes=${target}`,
  );
  const perMinute = door
    ? door.minutes.map((_, i) => sum(door.gates.map((g) => g.arrivals[i] ?? 0)))
    : [];
  const time = (iso: string) => iso.slice(11, 16);
  return (
    <section aria-labelledby="door-live" className="panel">
      <h2 id="door-live">The door, live</h2>
      <label>
        Target wait (minutes){' '}
        <input
          type="number"
          min={1}
          max={120}
          value={target}
          onChange={(e) => setTarget(Math.max(1, Number(e.target.value) || 1))}
        />
      </label>
      {!door ? (
        <p role="status">{state === 'not_found' ? 'Event not found.' : 'Connecting…'}</p>
      ) : null}
      {door ? (
        <>
          <p role="status">
            Inside now: <strong>{door.inside.at(-1) ?? 0}</strong>. Next hour: about{' '}
            <strong>{door.forecast.nextHour}</strong> arrivals of {door.forecast.stillExpected}{' '}
            still expected. Open <strong>{door.lanes.lanes}</strong>{' '}
            {door.lanes.lanes === 1 ? 'lane' : 'lanes'} to keep the wait under{' '}
            {door.lanes.targetWaitMinutes} min.
          </p>
          <BarChart
            summary={`${sum(perMinute)} arrivals in the last hour, ${perMinute.at(-1) ?? 0} this minute`}
            bars={door.minutes.map((m, i) => ({ label: time(m), value: perMinute[i] ?? 0 }))}
          />
          <div className="table-scroll">
            <table>
              <caption>Arrivals in the last hour by gate (UTC minutes)</caption>
              <thead>
                <tr>
                  <th scope="col">Gate</th>
                  <th scope="col">Last hour</th>
                  <th scope="col">Last 5 minutes</th>
                </tr>
              </thead>
              <tbody>
                {door.gates.map((g) => (
                  <tr key={g.key}>
                    <th scope="row">{g.label}</th>
                    <td>{sum(g.arrivals)}</td>
                    <td>{sum(g.arrivals.slice(-5))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-scroll">
            <table>
              <caption>Devices, scans per minute (last 5 minutes)</caption>
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Scans</th>
                  <th scope="col">Admitted</th>
                </tr>
              </thead>
              <tbody>
                {door.devices.map((d) => (
                  <tr key={d.device}>
                    <th scope="row">{d.device}</th>
                    <td>{d.scansPerMinute}</td>
                    <td>{d.admittedPerMinute}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
