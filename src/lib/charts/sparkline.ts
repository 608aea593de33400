/**
 * Geometry of a scorecard sparkline: the actual series, the target as a horizontal
 * line (a band for a range target) at the target year, scaled into a small box.
 * Pure: the same input gives the same SVG path in the browser, in SSR and in tests.
 */
import { extent } from 'd3-array';

export interface SparkInput {
	points: { year: number; value: number | null }[];
	targetYear: number;
	targetMin: number;
	targetMax: number | null;
	width: number;
	height: number;
	pad?: number;
}

export interface SparkGeometry {
	path: string;
	dots: { x: number; y: number; year: number; value: number }[];
	target: { x: number; y1: number; y2: number };
	last: { x: number; y: number } | null;
}

export function sparkline(input: SparkInput): SparkGeometry | null {
	const pad = input.pad ?? 3;
	const pts = input.points.filter((p): p is { year: number; value: number } => p.value != null);
	if (pts.length === 0) return null;
	const years = [...pts.map((p) => p.year), input.targetYear];
	const values = [...pts.map((p) => p.value), input.targetMin, input.targetMax ?? input.targetMin, 0];
	const [x0, x1] = extent(years) as [number, number];
	const [v0, v1] = extent(values) as [number, number];
	const sx = (year: number) => pad + ((year - x0) / Math.max(1, x1 - x0)) * (input.width - 2 * pad);
	const sy = (v: number) => input.height - pad - ((v - v0) / (v1 - v0 || 1)) * (input.height - 2 * pad);
	const round = (n: number) => Math.round(n * 10) / 10;
	const dots = pts.map((p) => ({ x: round(sx(p.year)), y: round(sy(p.value)), year: p.year, value: p.value }));
	// Gaps (missing years) break the line rather than drawing a slope through them.
	let path = '';
	let prevYear: number | null = null;
	for (const d of dots) {
		path += `${prevYear !== null && d.year === prevYear + 1 ? 'L' : 'M'}${d.x},${d.y}`;
		prevYear = d.year;
	}
	const lo = round(sy(input.targetMin));
	const hi = round(sy(input.targetMax ?? input.targetMin));
	return {
		path,
		dots,
		target: { x: round(sx(input.targetYear)), y1: Math.min(lo, hi), y2: Math.max(lo, hi) },
		last: dots.length ? { x: dots[dots.length - 1].x, y: dots[dots.length - 1].y } : null
	};
}
