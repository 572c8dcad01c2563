import type { SalesTimeline } from './sales-stream.js';

// Tickets sold over time, drawn by hand: one series does not need a chart library. The SVG
// stretches to the panel's width at a fixed height; the labels are HTML, so they stay legible.

const UNIT_MS: Record<SalesTimeline['unit'], number> = {
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
};
const WIDTH = 1000;
const HEIGHT = 100;

function label(at: number, unit: SalesTimeline['unit'], timeZone: string): string {
  const time = unit === 'hour' ? { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' } : {};
  return new Intl.DateTimeFormat(undefined, {
    month: 'short',
    day: 'numeric',
    ...(time as Intl.DateTimeFormatOptions),
    timeZone,
  }).format(new Date(at));
}

/** A step line of cumulative tickets sold, from the first bucket with a sale to the end of the last. */
export function SalesChart({ timeline, timeZone }: { timeline: SalesTimeline; timeZone: string }) {
  const { points, unit } = timeline;
  const last = points.at(-1);
  const summary = last
    ? `${last.sold} ${last.sold === 1 ? 'ticket' : 'tickets'} sold, most recently in the ${unit} starting ${label(Date.parse(last.at), unit, timeZone)}`
    : 'No tickets sold yet';
  const start = points.length ? Date.parse(points[0]!.at) : 0;
  const end = last ? Date.parse(last.at) + UNIT_MS[unit] : 1;
  const max = Math.max(last?.sold ?? 0, 1);
  const x = (at: number) => ((at - start) / (end - start)) * WIDTH;
  const y = (sold: number) => HEIGHT - (sold / max) * HEIGHT;
  // Each bucket's total is reached at its end, so the line climbs across the bucket.
  let path = `M0 ${HEIGHT}`;
  for (const p of points) {
    const at = Date.parse(p.at) + UNIT_MS[unit];
    path += ` L${x(at).toFixed(1)} ${y(p.sold).toFixed(1)}`;
  }
  return (
    <figure className="sales-chart" data-chart="sold">
      <figcaption>Tickets sold over time</figcaption>
      <div className="sales-chart-plot">
        <span className="sales-chart-max" aria-hidden="true">
          {max}
        </span>
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
        >
          {points.length ? <path d={path} /> : null}
        </svg>
        <span className="sales-chart-min" aria-hidden="true">
          0
        </span>
      </div>
      {/* The same one line whether empty or not, so the first sale moves nothing below. */}
      <div className="sales-chart-axis" aria-hidden="true">
        {points.length ? (
          <>
            <span>{label(start, unit, timeZone)}</span>
            <span>{label(end, unit, timeZone)}</span>
          </>
        ) : (
          <span>{summary}</span>
        )}
      </div>
    </figure>
  );
}
