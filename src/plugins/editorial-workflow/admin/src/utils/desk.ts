// Pure helpers of the Newsroom desk page: durations in words and the chart's geometry.

/** Parts of a duration, largest first, at most two: "2 h 5 min", "3 d 4 h", "45 s". */
export const durationParts = (seconds: number): [number, 'd' | 'h' | 'min' | 's'][] => {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return [[s, 's']];
  const units: [number, 'd' | 'h' | 'min'][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
  ];
  const parts: [number, 'd' | 'h' | 'min' | 's'][] = [];
  let rest = s;
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0) parts.push([n, unit]);
  }
  // Two parts are enough to read; a zero second part says nothing ("2 h", not "2 h 0 min").
  return parts.slice(0, 2).filter(([n], i) => i === 0 || n > 0);
};

/** "—" for no figure, else a human duration such as "2 h 5 min". */
export const formatDuration = (seconds: number | null | undefined) =>
  seconds === null || seconds === undefined
    ? '—'
    : durationParts(seconds)
        .map(([n, unit]) => `${n} ${unit}`)
        .join(' ');

export interface ChartPoint {
  x: number;
  y: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** Largest value on the vertical axis (seconds), at least 1. */
  max: number;
  /** One polyline per run of days with a figure (a day without rounds breaks the line). */
  p50: ChartPoint[][];
  p90: ChartPoint[][];
  /** x of each day, in series order. */
  xs: number[];
}

/**
 * Points of the p50 and p90 lines in a width × height box with `pad` around the plot: days spread
 * evenly from left to right, 0 at the bottom and the largest figure at the top.
 */
export const chartGeometry = (
  series: { p50: number | null; p90: number | null }[],
  { width = 600, height = 200, pad = 24 } = {}
): ChartGeometry => {
  const values = series.flatMap((d) => [d.p50, d.p90]).filter((v): v is number => v !== null);
  const max = Math.max(1, ...values);
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const xs = series.map((_, i) =>
    series.length <= 1 ? pad + innerW / 2 : pad + (innerW * i) / (series.length - 1)
  );
  const y = (v: number) => pad + innerH - (innerH * v) / max;
  const runs = (key: 'p50' | 'p90') => {
    const out: ChartPoint[][] = [];
    let run: ChartPoint[] = [];
    series.forEach((d, i) => {
      const v = d[key];
      if (v === null) {
        if (run.length) out.push(run);
        run = [];
      } else run.push({ x: xs[i], y: y(v) });
    });
    if (run.length) out.push(run);
    return out;
  };
  return { width, height, max, p50: runs('p50'), p90: runs('p90'), xs };
};

/** SVG `points` of a polyline. */
export const toPoints = (run: ChartPoint[]) =>
  run.map((p) => `${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`).join(' ');

/** Width of a funnel bar in percent of the largest count (0 when all are 0). */
export const barShare = (count: number, counts: number[]) => {
  const max = Math.max(0, ...counts);
  return max === 0 ? 0 : Math.round((count / max) * 1000) / 10;
};
