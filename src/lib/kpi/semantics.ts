/**
 * KPI semantics: how an observed series is judged against a plan target.
 *
 * Pure arithmetic, shared by the browser, the CLI and build-time prebaking, so a
 * status can never differ between a report and the screen. The rules are those of
 * DESIGN.md "KPI semantics"; tests/kpi/semantics.test.ts works every case by hand.
 *
 * Time is measured in year-end units: a figure as of 31 Dec of year y sits at y, a
 * figure as of an earlier date at y − 1 + dayOfYear/daysInYear. Baselines and targets
 * are year-end figures, so the straight path between them is linear in this time.
 */
import { mean } from 'd3-array';
import type { Direction, Kind } from '../data/schema';

export type StatusCode =
	| 'exceeded'
	| 'met'
	| 'not_met'
	| 'on_track'
	| 'at_risk'
	| 'off_track'
	| 'no_data';

export interface TargetSpec {
	kind: Kind;
	direction: Direction;
	baselineYear: number | null;
	baselineValue: number | null;
	targetYear: number;
	targetMin: number;
	targetMax: number | null;
}

export interface SeriesPoint {
	year: number;
	value: number | null;
	/** YYYY-MM-DD the value refers to. */
	asOf: string;
}

export interface Evaluation {
	actual: number | null;
	actualAsOf: string | null;
	achievement: number | null;
	progress: number | null;
	expected: number | null;
	forecast: number | null;
	requiredPerYear: number | null;
	status: StatusCode;
	yoy: { previous: number | null; change: number | null; ratio: number | null };
	baselineUsed: { year: number; value: number } | null;
	final: boolean;
}

export interface Baseline {
	year: number;
	value: number;
}

/** The part of a target that the status rules look at. */
export type TargetBounds = Pick<TargetSpec, 'kind' | 'direction' | 'targetMin' | 'targetMax'>;

/** Worst first: a meeting reads the late targets before the good news. */
export const STATUS_ORDER: readonly StatusCode[] = [
	'off_track',
	'not_met',
	'at_risk',
	'no_data',
	'on_track',
	'met',
	'exceeded'
];

export const DEFAULT_TOLERANCE = 0.1;

/** Plans run five years; without a stated baseline the year before the plan is used. */
const PLAN_YEARS = 5;
/** How many recent points the trend line is fitted to. */
const FORECAST_WINDOW = 5;

export function isLate(status: StatusCode): boolean {
	return status === 'off_track' || status === 'at_risk' || status === 'not_met';
}

// Boundaries are compared with a relative epsilon: a tolerance band such as
// expected − 0.1·30 is 2.9999999999999996 in binary, and a value sitting exactly on
// the edge must land on the same side it would on paper.
const EPS = 1e-9;
const near = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
const gte = (a: number, b: number) => a > b || near(a, b);
const lte = (a: number, b: number) => a < b || near(a, b);

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Position of a dated figure on the year-end time axis (2026-10-31 → 2025 + 304/365). */
export function yearFraction(asOf: string): number {
	const m = DATE_RE.exec(asOf);
	if (!m) throw new Error(`yearFraction: expected YYYY-MM-DD, got "${asOf}"`);
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const start = Date.UTC(y, 0, 1);
	const date = Date.UTC(y, mo - 1, d);
	const check = new Date(date);
	if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
		throw new Error(`yearFraction: no such date "${asOf}"`);
	}
	const dayOfYear = (date - start) / 86_400_000 + 1;
	const daysInYear = (Date.UTC(y + 1, 0, 1) - start) / 86_400_000;
	return y - 1 + dayOfYear / daysInYear;
}

/**
 * The value the plan commits to: the lower bound going up (120–140 promises 120),
 * the ceiling going down.
 */
export function commitment(target: Pick<TargetSpec, 'direction' | 'targetMin' | 'targetMax'>): number {
	return target.direction === 'down' ? (target.targetMax ?? target.targetMin) : target.targetMin;
}

/** "Đạt X% kế hoạch" as a ratio; null where the ratio would be meaningless. */
export function achievement(target: TargetBounds, actual: number | null): number | null {
	if (actual === null) return null;
	if (target.kind === 'milestone') return actual;
	if (target.direction === 'none') return null;
	if (target.direction === 'down') return actual === 0 ? null : commitment(target) / actual;
	return target.targetMin === 0 ? null : actual / target.targetMin;
}

/** Share of the baseline-to-target distance already covered. */
export function progress(
	target: Pick<TargetSpec, 'direction' | 'targetMin' | 'targetMax'>,
	actual: number | null,
	baseline: number | null
): number | null {
	if (actual === null || baseline === null) return null;
	const t = commitment(target);
	if (t === baseline) return null;
	return (actual - baseline) / (t - baseline);
}

/** Value on the straight path from the baseline (end of y0) to the target (end of T). */
export function expectedAt(
	target: Pick<TargetSpec, 'direction' | 'targetMin' | 'targetMax' | 'targetYear'>,
	baseline: Baseline | null,
	time: number
): number | null {
	if (baseline === null || target.targetYear === baseline.year) return null;
	const t = commitment(target);
	return baseline.value + ((t - baseline.value) * (time - baseline.year)) / (target.targetYear - baseline.year);
}

/** Ordinary least-squares line through the last points, read off at `time`. */
/**
 * The points a trend may learn from. A flow or a ratio read part-way through a year
 * (disbursed to 31/10) is not comparable with full years, so only year-end figures
 * feed it; stocks and running totals are comparable at any date.
 */
export function trendPoints(kind: Kind, series: SeriesPoint[]): SeriesPoint[] {
	if (kind !== 'flow' && kind !== 'ratio') return series;
	return series.filter((p) => p.asOf.endsWith('-12-31'));
}

export function forecastAt(series: SeriesPoint[], time: number, window = FORECAST_WINDOW): number | null {
	const pts = observed(series).slice(-window);
	if (pts.length < 2) return null;
	const xs = pts.map((p) => yearFraction(p.asOf));
	const ys = pts.map((p) => p.value);
	const mx = mean(xs)!;
	const my = mean(ys)!;
	let sxx = 0;
	let sxy = 0;
	for (let i = 0; i < xs.length; i++) {
		sxx += (xs[i] - mx) ** 2;
		sxy += (xs[i] - mx) * (ys[i] - my);
	}
	// All figures on one date give no slope.
	if (sxx === 0) return null;
	return my + (sxy / sxx) * (time - mx);
}

/** Change per year still needed to reach the commitment by the end of the target year. */
export function requiredPerYear(
	target: Pick<TargetSpec, 'direction' | 'targetMin' | 'targetMax' | 'targetYear'>,
	actual: number | null,
	time: number
): number | null {
	if (actual === null || time >= target.targetYear) return null;
	return (commitment(target) - actual) / (target.targetYear - time);
}

/** Status once the target year has passed: the plan is judged on its figure. */
export function statusAfter(target: TargetBounds, actual: number | null): StatusCode {
	if (actual === null) return 'no_data';
	if (target.kind === 'milestone') return gte(actual, 1) ? 'met' : 'not_met';
	const lo = target.targetMin;
	const hi = target.targetMax ?? target.targetMin;
	const inside = gte(actual, lo) && lte(actual, hi);
	if (inside) return 'met';
	if (target.direction === 'up') return actual > hi ? 'exceeded' : 'not_met';
	if (target.direction === 'down') return actual < lo ? 'exceeded' : 'not_met';
	// Without a good direction, overshooting is as much a miss as undershooting.
	return 'not_met';
}

export interface BeforeContext {
	expected: number | null;
	forecast: number | null;
	baseline: number | null;
	tolerance?: number;
}

/**
 * Status before the target year: is the unit on the path to its target?
 * Judged against the straight path when there is a baseline, else against the
 * trend forecast, else only by whether the target is already reached. `baseline`
 * sets the width of the tolerance band (a share of the baseline-to-target distance).
 */
export function statusBefore(target: TargetBounds, actual: number | null, ctx: BeforeContext): StatusCode {
	if (actual === null) return 'no_data';
	const tol = ctx.tolerance ?? DEFAULT_TOLERANCE;
	if (target.kind === 'milestone') return gte(actual, 1) ? 'on_track' : 'at_risk';
	const lo = target.targetMin;
	const hi = target.targetMax ?? target.targetMin;

	if (target.direction === 'none') {
		// With no better side there is no path to fall behind on: inside the band or not yet.
		return gte(actual, lo) && lte(actual, hi) ? 'on_track' : 'at_risk';
	}

	const up = target.direction === 'up';
	const t = commitment(target);
	// "At least as good as" in the target's direction.
	const good = (a: number, b: number) => (up ? gte(a, b) : lte(a, b));
	const slack = (b: number, width: number) => (up ? b - tol * width : b + tol * width);

	if (ctx.expected !== null && ctx.baseline !== null) {
		const width = Math.abs(t - ctx.baseline);
		if (good(actual, ctx.expected)) return 'on_track';
		return good(actual, slack(ctx.expected, width)) ? 'at_risk' : 'off_track';
	}
	if (ctx.forecast !== null) {
		if (good(ctx.forecast, t)) return 'on_track';
		return good(ctx.forecast, slack(t, Math.abs(t))) ? 'at_risk' : 'off_track';
	}
	return good(actual, t) ? 'on_track' : 'at_risk';
}

/** Non-null points, in time order, one per year (the latest figure of a year wins). */
function observed(series: SeriesPoint[]): (SeriesPoint & { value: number })[] {
	const byYear = new Map<number, SeriesPoint & { value: number }>();
	for (const p of series) {
		if (p.value === null || !Number.isFinite(p.value)) continue;
		const prev = byYear.get(p.year);
		if (!prev || p.asOf > prev.asOf) byYear.set(p.year, p as SeriesPoint & { value: number });
	}
	return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * The figure the plan is judged on in `evalYear`. From the target year on it is the
 * target year's figure, or the last one before it — a province abolished mid-2025
 * keeps its last reported value as its final result.
 */
export function actualPoint(
	target: Pick<TargetSpec, 'targetYear'>,
	series: SeriesPoint[],
	evalYear: number
): (SeriesPoint & { value: number }) | null {
	const pts = observed(series);
	if (evalYear >= target.targetYear) {
		const upTo = pts.filter((p) => p.year <= target.targetYear);
		return upTo.at(-1) ?? null;
	}
	return pts.find((p) => p.year === evalYear) ?? null;
}

/**
 * The baseline the path starts from: the target's own, else the series figure of the
 * year before a five-year plan.
 */
export function baselineFor(
	target: Pick<TargetSpec, 'baselineYear' | 'baselineValue' | 'targetYear'>,
	series: SeriesPoint[]
): Baseline | null {
	const year = target.baselineYear ?? target.targetYear - PLAN_YEARS;
	if (target.baselineValue !== null) return { year, value: target.baselineValue };
	const p = observed(series).find((q) => q.year === year);
	return p ? { year, value: p.value } : null;
}

export function evaluate(
	target: TargetSpec,
	series: SeriesPoint[],
	evalYear: number,
	opts: { tolerance?: number; previous?: number | null } = {}
): Evaluation {
	const final = evalYear >= target.targetYear;
	const point = actualPoint(target, series, evalYear);
	const actual = point?.value ?? null;
	const time = point ? yearFraction(point.asOf) : null;
	const base = baselineFor(target, series);

	const expected = time === null ? null : expectedAt(target, base, time);
	// Only what was known at the evaluated figure feeds the trend, never later years.
	const horizon = point?.year ?? Math.min(evalYear, target.targetYear);
	const forecast = forecastAt(
		trendPoints(
			target.kind,
			series.filter((p) => p.year <= horizon)
		),
		target.targetYear
	);
	// Once the plan is over nothing is "still required", even for a figure from mid-year.
	const required = final || time === null ? null : requiredPerYear(target, actual, time);

	const status = final
		? statusAfter(target, actual)
		: statusBefore(target, actual, {
				expected,
				forecast,
				baseline: base?.value ?? null,
				tolerance: opts.tolerance
			});

	// An explicit null means the caller knows there is no comparable figure.
	const previous =
		opts.previous !== undefined
			? opts.previous
			: point
				? (observed(series).find((p) => p.year === point.year - 1)?.value ?? null)
				: null;
	const change = actual !== null && previous !== null ? actual - previous : null;
	const ratio = actual !== null && previous !== null && previous !== 0 ? actual / previous - 1 : null;

	return {
		actual,
		actualAsOf: point?.asOf ?? null,
		achievement: achievement(target, actual),
		progress: progress(target, actual, base?.value ?? null),
		expected,
		forecast,
		requiredPerYear: required,
		status,
		yoy: { previous, change, ratio },
		baselineUsed: base,
		final
	};
}
