/**
 * What the trend chart shows, as numbers: the actual series on the year-end time axis,
 * each target with its straight expected path, the least-squares forecast to the target
 * years, and the gap at the last actual. Pure, so the chart (src/lib/charts/trend-option.ts)
 * only draws and the arithmetic is tested here, with the same rules as the scorecard.
 */
import type { Direction, Kind } from '../../data/schema';
import { trendPoints, commitment, forecastAt, yearFraction, type SeriesPoint } from '../semantics';

export interface TrendTargetInput {
	plan: string;
	baselineYear: number | null;
	baselineValue: number | null;
	targetYear: number;
	targetMin: number;
	targetMax: number | null;
}

export interface TrendInput {
	kind: Kind;
	direction: Direction;
	points: SeriesPoint[];
	targets: TrendTargetInput[];
	/**
	 * First year the forecast may learn from. The scorecard reads each plan's series from
	 * two years before the plan (or its baseline); passing the same year here makes the
	 * chart's forecast equal the scorecard's "Dự báo".
	 */
	forecastFrom?: number | null;
}

export interface XY {
	x: number;
	value: number;
}

export interface TrendModel {
	kind: Kind;
	direction: Direction;
	/** Actual figures; x = position on the year-end axis (31/12/2023 → 2023, 30/6/2025 → 2024.5). */
	actual: (XY & { year: number; asOf: string })[];
	targets: { plan: string; year: number; min: number; max: number | null; commitment: number; from: number }[];
	/** Straight path from the baseline to the commitment, one per target with a baseline. */
	paths: { plan: string; from: XY; to: XY }[];
	/** Least-squares trend from the last actual to each later target year (and to 2025). */
	forecast: XY[] | null;
	/** Distance from the figure to the target it is judged against. */
	gap: {
		x: number;
		actual: number;
		asOf: string;
		/** The target level the gap is measured to: the commitment, or a range's nearer edge. */
		target: number;
		targetYear: number;
		/** short: still below (above, going down); over: beyond it; inside: within a range or exactly on it. */
		state: 'short' | 'over' | 'inside';
		amount: number;
	} | null;
	xMin: number;
	xMax: number;
}

/** The end of the current five-year plans: forecasts always reach it while it is ahead. */
const PLAN_END = 2025;
/** Shortest forecast worth drawing, in years. */
const MIN_HORIZON = 0.25;

export function trendModel(input: TrendInput): TrendModel {
	const actual = input.points
		.filter((p): p is SeriesPoint & { value: number } => p.value != null && Number.isFinite(p.value))
		.map((p) => ({ x: yearFraction(p.asOf), value: p.value, year: p.year, asOf: p.asOf }))
		.sort((a, b) => a.x - b.x);
	const milestone = input.kind === 'milestone';
	const targets = [...input.targets]
		.sort((a, b) => a.targetYear - b.targetYear || a.plan.localeCompare(b.plan))
		.map((t) => ({
			plan: t.plan,
			year: t.targetYear,
			min: t.targetMin,
			max: t.targetMax,
			commitment: commitment({ direction: input.direction, targetMin: t.targetMin, targetMax: t.targetMax }),
			from: t.baselineYear ?? t.targetYear - 5
		}));

	const paths = milestone
		? []
		: input.targets
				.filter((t) => t.baselineYear != null && t.baselineValue != null && t.baselineYear < t.targetYear)
				.map((t) => ({
					plan: t.plan,
					from: { x: t.baselineYear!, value: t.baselineValue! },
					to: { x: t.targetYear, value: commitment({ direction: input.direction, targetMin: t.targetMin, targetMax: t.targetMax }) }
				}));

	const last = actual.at(-1);
	let forecast: XY[] | null = null;
	if (last && !milestone) {
		// A horizon a few weeks away says nothing a reader can use.
		const ahead = (y: number) => y - last.x >= MIN_HORIZON;
		const horizons = [...new Set([PLAN_END, ...targets.map((t) => t.year)])].filter(ahead).sort();
		const learn = trendPoints(
			input.kind,
			input.points.filter((p) => input.forecastFrom == null || p.year >= input.forecastFrom)
		);
		const start = forecastAt(learn, last.x);
		if (horizons.length && start != null) {
			forecast = [{ x: last.x, value: start }, ...horizons.map((h) => ({ x: h, value: forecastAt(learn, h)! }))];
		}
	}

	const gap = last && !milestone && input.direction !== 'none' ? gapAt(actual, targets, input.direction) : null;

	const xs = [...actual.map((p) => p.x), ...targets.map((t) => t.year), ...paths.map((p) => p.from.x), ...(forecast ?? []).map((p) => p.x)];
	return {
		kind: input.kind,
		direction: input.direction,
		actual,
		targets,
		paths,
		forecast,
		gap,
		xMin: xs.length ? Math.floor(Math.min(...xs)) : 0,
		xMax: xs.length ? Math.ceil(Math.max(...xs)) : 0
	};
}

/**
 * The target the latest figure answers to: the first one not yet past; once all are
 * past, the last one, read at the figure of its target year (as the scorecard does).
 */
function gapAt(actual: TrendModel['actual'], targets: TrendModel['targets'], direction: Direction): TrendModel['gap'] {
	const last = actual.at(-1)!;
	const target = targets.find((t) => t.year >= last.year) ?? targets.at(-1);
	if (!target) return null;
	const point = target.year >= last.year ? last : actual.filter((p) => p.year <= target.year).at(-1);
	if (!point) return null;
	const lo = target.min;
	const hi = target.max ?? target.min;
	const a = point.value;
	// The gap is measured to the nearer edge of a range: 160 is 20 beyond 120–140.
	const edge = a < lo ? lo : a > hi ? hi : target.commitment;
	const state: 'short' | 'over' | 'inside' =
		a >= lo && a <= hi ? 'inside' : (direction === 'down' ? a > hi : a < lo) ? 'short' : 'over';
	return { x: point.x, actual: a, asOf: point.asOf, target: edge, targetYear: target.year, state, amount: state === 'inside' ? 0 : Math.abs(a - edge) };
}
