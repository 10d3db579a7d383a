import { layoutBarChart, type Bar } from "~/modules/reports/chart";

/**
 * A bar chart drawn on the server as SVG (no JavaScript needed; it prints): `role="img"` with a <title> and a
 * <desc> that reads every bar's value, so a screen reader hears the figures; the table beside it holds the same.
 */
export function BarChart({ id, title, bars, wholeNumbers, formatTick }: { id: string; title: string; bars: Bar[]; wholeNumbers?: boolean; formatTick?: (value: number) => string }) {
  const layout = layoutBarChart(bars, { wholeNumbers, formatTick });
  const description = bars.length ? bars.map((bar) => `${bar.label}: ${bar.valueLabel}`).join("; ") : "No figures in this period";
  return (
    <figure className="chart" style={{ margin: "0 0 1rem" }}>
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        style={{ maxWidth: `${layout.width}px`, height: "auto", display: "block" }}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-chart={id}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {layout.ticks.map((tick) => (
          <g key={tick.y}>
            <line x1={layout.left} x2={layout.right} y1={tick.y} y2={tick.y} stroke="#d0d0d0" strokeWidth={1} />
            <text x={layout.left - 6} y={tick.y + 4} textAnchor="end" fontSize={11} fill="#444">
              {tick.label}
            </text>
          </g>
        ))}
        {layout.bars.map((bar) => (
          <g key={bar.label}>
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill="#2f6b4f" />
            <text x={bar.centre} y={bar.y - 5} textAnchor="middle" fontSize={11} fill="#111">
              {bar.valueLabel}
            </text>
            <text x={bar.centre} y={layout.baseline + 16} textAnchor="middle" fontSize={11} fill="#111">
              {bar.label}
            </text>
          </g>
        ))}
        <line x1={layout.left} x2={layout.right} y1={layout.baseline} y2={layout.baseline} stroke="#111" strokeWidth={1} />
      </svg>
    </figure>
  );
}
