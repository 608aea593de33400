/**
 * The indicator page's trend chart, composed for anything outside the page (embed,
 * export, report, CLI): the same scorecard rows, the same plan choice, the same series
 * start and the same model as src/routes/indicators/[code]/+page.svelte, so an embedded
 * chart draws what the page draws. No DOM: it takes a Db.
 */
import type { Db } from '../db/types';
import { computeScorecard, dataAsOf, type ScorecardRow } from '../kpi/scorecard';
import { readSeries, type IndicatorRow, type Series, type UnitRow } from '../kpi/series';
import { chartTargets, choosePlan, indicatorRows, planStartOf, predecessorsOf, seriesStartYear } from '../kpi/indicator';
import { trendModel, type TrendModel } from '../kpi/indicator/trend';

export interface TrendRequest {
	indicator: IndicatorRow;
	unit: UnitRow;
	/** The year read (the scorecard's year): the chart ends here. */
	year: number;
	/** First year of the data (meta.years[0]). */
	firstYear: number;
	/** Plan asked for; null = the one running in `year`. */
	plan?: string | null;
	/** Hide actual readings before this year (the model is computed on the page's full series). */
	from?: number | null;
}

export interface TrendData {
	model: TrendModel;
	series: Series;
	/** The scorecard's rows of this indicator for the unit (with its predecessors'). */
	rows: ScorecardRow[];
	plan: string | null;
	asOf: string;
}

export async function loadTrend(db: Db, req: TrendRequest): Promise<TrendData> {
	const { indicator, unit, year } = req;
	const [asOf, card, predecessors] = await Promise.all([dataAsOf(db), computeScorecard(db, { unit, year }), predecessorsOf(db, unit)]);
	const rows = indicatorRows(card.rows, indicator.code);
	const plan = choosePlan(rows.map((r) => r.plan), year, req.plan ?? null);
	const planStart = indicator.kind === 'cumulative' ? planStartOf(plan, year) : `${year}-01-01`;
	const sameTerritory = (r: ScorecardRow) =>
		unit.vintage === '2025' && r.unit_vintage === '2024' && r.unit_code === unit.code && predecessors.length === 1;
	const all = chartTargets(rows, unit, sameTerritory);
	const drawn = indicator.kind === 'cumulative' ? all.filter((r) => r.plan === plan) : all;
	const r0 = drawn.find((x) => x.plan === plan) ?? drawn.at(-1);
	const forecastFrom = r0 ? seriesStartYear(r0) : null;
	const seriesFrom =
		indicator.kind === 'cumulative' ? Math.max(req.firstYear, forecastFrom ?? Number(planStart.slice(0, 4)) - 1) : req.firstYear;
	const series = await readSeries(db, { indicator, unit, fromYear: seriesFrom, toYear: year, asOf, planStart });
	const full = trendModel({
		kind: indicator.kind,
		direction: indicator.direction,
		points: series.points,
		forecastFrom,
		targets: drawn.map((r) => ({
			plan: r.plan,
			baselineYear: r.baseline_year,
			baselineValue: r.baseline_value,
			targetYear: r.target_year,
			targetMin: r.target_min,
			targetMax: r.target_max
		}))
	});
	return { model: fromYear(full, req.from ?? null), series, rows, plan, asOf };
}

/** The model with readings before `from` hidden; forecasts and targets stay as computed. */
export function fromYear(model: TrendModel, from: number | null): TrendModel {
	if (from == null) return model;
	const actual = model.actual.filter((p) => p.year >= from);
	if (!actual.length) return model;
	// The expected path starts at its baseline, which may be before `from`: keep it in view.
	const lower = Math.min(from, ...actual.map((p) => p.x), ...model.paths.map((p) => p.from.x));
	return { ...model, actual, xMin: Math.max(model.xMin, lower) };
}
