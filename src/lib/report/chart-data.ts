/**
 * The numbers behind one indicator's trend chart, chosen exactly as the indicator page
 * chooses them (src/routes/indicators/[code]/+page.svelte): the same targets drawn, the
 * same series start, the same forecast window. The report, the chart CLI and the page
 * therefore draw one chart from one definition.
 */
import type { Db } from '../db/types';
import { toRows } from '../db/rows';
import { computeScorecard, dataAsOf, resolveUnit, type ScorecardRow } from '../kpi/scorecard';
import { readSeries, type IndicatorRow, type Series, type UnitRow } from '../kpi/series';
import { chartTargets, choosePlan, indicatorRows, planStartOf, predecessorsOf, seriesStartYear } from '../kpi/indicator';
import { trendModel, type TrendModel } from '../kpi/indicator/trend';

/** First year of the dashboard's data (scripts/prebake.ts: years start in 2019). */
export const FIRST_YEAR = 2019;

export interface IndicatorChartData {
	indicator: IndicatorRow;
	unit: UnitRow;
	plan: string | null;
	year: number;
	fromYear: number;
	asOf: string;
	series: Series;
	/** The scorecard rows drawn as targets (their documents are the chart's target sources). */
	targets: ScorecardRow[];
	model: TrendModel;
}

export class ChartInputError extends Error {
	constructor(
		readonly vi: string,
		readonly en: string
	) {
		super(`${vi}\n   ${en}`);
	}
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function readIndicator(db: Db, code: string): Promise<IndicatorRow | null> {
	return toRows<IndicatorRow>(await db.query(`SELECT * FROM indicators WHERE code = ${q(code)}`))[0] ?? null;
}

export async function readIndicatorChart(
	db: Db,
	opts: {
		indicator: string | IndicatorRow;
		unit: string | UnitRow | { code: string; vintage: string };
		/** The year the targets are read at and the series ends (the page's year filter). */
		year?: number;
		/** Series start; by default as the page: the data's first year, or the plan's start for cumulative indicators. */
		fromYear?: number;
		asOf?: string;
		plan?: string | null;
		firstYear?: number;
		/** The unit's scorecard when the caller has it already (the report computes it once). */
		scorecardRows?: ScorecardRow[];
	}
): Promise<IndicatorChartData> {
	const indicator = typeof opts.indicator === 'string' ? await readIndicator(db, opts.indicator) : opts.indicator;
	if (!indicator) {
		const code = String(opts.indicator);
		throw new ChartInputError(`Không có chỉ tiêu «${code}» trong danh mục (indicators).`, `Indicator "${code}" is not in the catalogue (indicators).`);
	}
	const ref = typeof opts.unit === 'string' ? opts.unit : `${opts.unit.code}@${opts.unit.vintage}`;
	const unit = typeof opts.unit === 'object' && 'level' in opts.unit ? (opts.unit as UnitRow) : await resolveUnit(db, ref);
	if (!unit) throw new ChartInputError(`Không tìm thấy đơn vị «${ref}» trong units.`, `Unit "${ref}" is not in units.`);

	const asOf = opts.asOf ?? (await dataAsOf(db));
	const year = opts.year ?? Number(asOf.slice(0, 4));
	const firstYear = opts.firstYear ?? FIRST_YEAR;
	const all = opts.scorecardRows ?? (await computeScorecard(db, { unit, year, asOf })).rows;
	const rows = indicatorRows(all, indicator.code);

	const predecessors = (await predecessorsOf(db, unit)).length;
	const sameTerritory = (r: ScorecardRow) =>
		unit.vintage === '2025' && r.unit_vintage === '2024' && r.unit_code === unit.code && predecessors === 1;
	const plan = choosePlan(rows.map((r) => r.plan), year, opts.plan ?? null);
	const planStart = indicator.kind === 'cumulative' ? planStartOf(plan, year) : `${year}-01-01`;
	let drawn = chartTargets(rows, unit, sameTerritory);
	if (indicator.kind === 'cumulative') drawn = drawn.filter((r) => r.plan === plan);
	const anchor = drawn.find((x) => x.plan === plan) ?? drawn.at(-1);
	const forecastFrom = anchor ? seriesStartYear(anchor) : null;
	const defaultFrom =
		indicator.kind === 'cumulative' ? Math.max(firstYear, forecastFrom ?? Number(planStart.slice(0, 4)) - 1) : firstYear;
	const fromYear = opts.fromYear ?? defaultFrom;

	const series = await readSeries(db, { indicator, unit, fromYear, toYear: year, asOf, planStart });
	const model = trendModel({
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
	return { indicator, unit, plan, year, fromYear, asOf, series, targets: drawn, model };
}
