/**
 * Geometry of meeting mode's charts, drawn as plain SVG and HTML rather than ECharts:
 * a slide scales with the screen (and with the printed page), and a viewBox scales
 * with it for free, prints crisply, and needs no chart engine before the first slide.
 *
 * Pure: a scorecard row in, coordinates out; the components only draw them.
 */
import { ticks } from 'd3-array';
import { commitment } from '../kpi/semantics';
import type { ScorecardRow } from '../kpi/scorecard';

type Row = Pick<
	ScorecardRow,
	| 'kind'
	| 'direction'
	| 'actual'
	| 'target_min'
	| 'target_max'
	| 'target_year'
	| 'baseline_year'
	| 'baseline_value'
	| 'expected'
	| 'forecast'
	| 'final'
	| 'series'
>;

/** A bullet bar: positions in % of the track, which runs from 0 to a little past the largest value. */
export interface Bullet {
	actual: number;
	target: number;
	/** Upper bound of a range target, if any. */
	targetMax: number | null;
	/** Where the straight path says the value should be by now (before the target year). */
	expected: number | null;
}

const pct = (v: number, max: number) => Math.round((Math.max(0, v) / max) * 1000) / 10;

export function bullet(row: Row): Bullet | null {
	if (row.kind === 'milestone' || row.actual == null) return null;
	const hi = row.target_max ?? row.target_min;
	const expected = row.final ? null : row.expected;
	const max = Math.max(row.actual, row.target_min, hi, expected ?? 0) * 1.1;
	if (!(max > 0)) return null;
	return {
		actual: pct(row.actual, max),
		target: pct(row.target_min, max),
		targetMax: row.target_max != null && row.target_max !== row.target_min ? pct(row.target_max, max) : null,
		expected: expected == null ? null : pct(expected, max)
	};
}

export interface TrendGeometry {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	xTicks: { x: number; year: number }[];
	yTicks: { y: number; value: number }[];
	/** The actual series; a missing year breaks the line. */
	path: string;
	dots: { x: number; y: number; year: number; value: number }[];
	/** The target at the target year: a line, or a band for a range. */
	target: { x: number; y: number; y2: number };
	/** The straight path from the baseline to the target, if there is a baseline. */
	plan: { x1: number; y1: number; x2: number; y2: number } | null;
	/** The trend from the last figure to the target year (before the target year only). */
	forecast: { x1: number; y1: number; x2: number; y2: number; value: number } | null;
}

export interface TrendSize {
	width?: number;
	height?: number;
	/** Room for the y-axis labels and the year labels, in viewBox units. */
	margin?: { left: number; right: number; top: number; bottom: number };
}

export function trend(row: Row, size: TrendSize = {}): TrendGeometry | null {
	const width = size.width ?? 800;
	const height = size.height ?? 400;
	const m = size.margin ?? { left: 70, right: 24, top: 16, bottom: 40 };
	const pts = row.series.filter((p): p is { year: number; value: number } => p.value != null && Number.isFinite(p.value));
	if (pts.length === 0) return null;

	const target = commitment({ direction: row.direction, targetMin: row.target_min, targetMax: row.target_max });
	const hasPlan = row.baseline_year != null && row.baseline_value != null && row.baseline_year < row.target_year;
	const forecast = !row.final && row.forecast != null && Number.isFinite(row.forecast) ? row.forecast : null;

	const years = [...pts.map((p) => p.year), row.target_year, ...(hasPlan ? [row.baseline_year!] : [])];
	const x0 = Math.min(...years);
	const x1 = Math.max(...years);
	const values = [
		...pts.map((p) => p.value),
		row.target_min,
		row.target_max ?? row.target_min,
		...(hasPlan ? [row.baseline_value!] : []),
		...(forecast != null ? [forecast] : [])
	];
	const lo = Math.min(0, ...values);
	const yTickValues = ticks(lo, Math.max(...values) * 1.08 || 1, 4);
	const top = Math.max(yTickValues[yTickValues.length - 1], Math.max(...values) * 1.08) || 1;

	const plot = { left: m.left, right: width - m.right, top: m.top, bottom: height - m.bottom };
	const round = (n: number) => Math.round(n * 10) / 10;
	const sx = (year: number) => round(plot.left + ((year - x0) / Math.max(1, x1 - x0)) * (plot.right - plot.left));
	const sy = (v: number) => round(plot.bottom - ((v - lo) / (top - lo)) * (plot.bottom - plot.top));

	const dots = pts.map((p) => ({ x: sx(p.year), y: sy(p.value), year: p.year, value: p.value }));
	let path = '';
	let prev: number | null = null;
	for (const d of dots) {
		path += `${prev !== null && d.year === prev + 1 ? 'L' : 'M'}${d.x},${d.y}`;
		prev = d.year;
	}
	const last = dots[dots.length - 1];
	const yearsOnAxis: number[] = [];
	for (let y = x0; y <= x1; y++) yearsOnAxis.push(y);

	return {
		width,
		height,
		plot,
		xTicks: yearsOnAxis.map((year) => ({ x: sx(year), year })),
		yTicks: yTickValues.filter((v) => v <= top).map((value) => ({ y: sy(value), value })),
		path,
		dots,
		target: { x: sx(row.target_year), y: sy(row.target_min), y2: sy(row.target_max ?? row.target_min) },
		plan: hasPlan
			? { x1: sx(row.baseline_year!), y1: sy(row.baseline_value!), x2: sx(row.target_year), y2: sy(target) }
			: null,
		forecast:
			forecast != null && last.year < row.target_year
				? { x1: last.x, y1: last.y, x2: sx(row.target_year), y2: sy(forecast), value: forecast }
				: null
	};
}
