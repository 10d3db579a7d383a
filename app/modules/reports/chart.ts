/**
 * The layout of a bar chart, shared by the page (SVG, app/components/bar-chart.tsx) and the PDF
 * (report-pdf.server.ts), so both draw the same picture. Pure: values in, rectangles and labels out.
 * Geometry is in points/pixels (floating point is fine here: it places ink, it is never money).
 */
export type Bar = { label: string; value: number; valueLabel: string };

export type ChartLayout = {
  width: number;
  height: number;
  /** The plot area's baseline (y of value 0) and top. */
  baseline: number;
  top: number;
  left: number;
  right: number;
  bars: { x: number; y: number; width: number; height: number; label: string; valueLabel: string; centre: number }[];
  /** Horizontal guide lines with their value labels, bottom to top. */
  ticks: { y: number; label: string }[];
};

const MARGIN = { top: 22, bottom: 34, left: 64, right: 12 };

/** A "nice" upper bound for the axis (1, 2, 2.5 or 5 × a power of ten) and four steps to it. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** `wholeNumbers`: counts, so the axis steps are whole (its top a multiple of four). */
export function layoutBarChart(bars: Bar[], options: { width?: number; height?: number; formatTick?: (value: number) => string; wholeNumbers?: boolean } = {}): ChartLayout {
  const width = options.width ?? 560;
  const height = options.height ?? 220;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const baseline = height - MARGIN.bottom;
  const highest = Math.max(0, ...bars.map((b) => b.value));
  const max = options.wholeNumbers ? Math.max(4, Math.ceil(highest / 4) * 4) : niceMax(highest);
  const slot = bars.length ? (right - left) / bars.length : 0;
  const barWidth = Math.min(64, slot * 0.6);
  const scale = (value: number) => ((baseline - top) * Math.max(0, value)) / max;
  const format = options.formatTick ?? ((value: number) => String(value));
  return {
    width,
    height,
    baseline,
    top,
    left,
    right,
    bars: bars.map((bar, i) => {
      const centre = left + slot * i + slot / 2;
      const h = scale(bar.value);
      return { x: centre - barWidth / 2, y: baseline - h, width: barWidth, height: h, label: bar.label, valueLabel: bar.valueLabel, centre };
    }),
    ticks: [0, 1, 2, 3, 4].map((i) => ({ y: baseline - ((baseline - top) * i) / 4, label: format((max * i) / 4) })),
  };
}

/** Axis labels in whole dollars: 25000 → "$25,000". */
export function dollarsTickLabel(value: number): string {
  return `$${Math.round(value).toLocaleString("en-US")}`;
}
