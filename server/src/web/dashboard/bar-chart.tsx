// A small SVG bar chart (no charting library: this is all the dashboard needs, and recharts or
// similar would add ~100 KB). The SVG is one image with a text summary; its data is in a table
// beside it, so nothing is only in the picture.

export interface Bar {
  label: string;
  value: number;
}

export function BarChart({ bars, summary }: { bars: readonly Bar[]; summary: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = Math.max(1, bars.length);
  return (
    <figure className="bar-chart">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} 100`}
        preserveAspectRatio="none"
        width="100%"
        height="120"
      >
        {bars.map((b, i) => {
          const h = (b.value / max) * 100;
          return <rect key={b.label} x={i + 0.1} y={100 - h} width={0.8} height={h} />;
        })}
      </svg>
      <figcaption aria-hidden="true">
        <span>{bars[0]?.label ?? ''}</span>
        <span>max {max}</span>
        <span>{bars.at(-1)?.label ?? ''}</span>
      </figcaption>
    </figure>
  );
}
