/**
 * Build time: computes the cubes (cube.ts) with the statements the browser would run for
 * the same series (series.ts): record-based points for every province, indicator, plan
 * start and period the pages can ask for; observation-based series for every unit.
 */
import type { Db } from '../db/types';
import { toRows } from '../db/rows';
import { CUBE_TABLE, OBSERVATION_CUBE_TABLE, cubePeriods, dependsOnPlanStart } from './cube';
import { RECORD_INDICATORS } from './sql/record-indicators';
import { observationBatchSql, recordCubeSql, type IndicatorRow, type UnitRow } from './series';
import { preparedFor } from './prepare';
import { planStartYear } from './scorecard';

export interface CubeScope {
	asOf: string;
	/** First year of any series the pages read. */
	fromYear: number;
	indicators: IndicatorRow[];
	units: UnitRow[];
	/** Plan starts (YYYY-01-01) of the targets. */
	planStarts: string[];
	/** Old provinces that continue unchanged as new ones (prepare.ts): their series run on. */
	continuing: ReadonlySet<string>;
}

/**
 * Build time: computes the cube for `scope` into CUBE_TABLE, one unit per statement
 * (memory stays that of one unit's points). Returns the number of points.
 */
export async function buildSeriesCube(db: Db, scope: CubeScope): Promise<number> {
	const cuts = preparedFor(db)?.cuts;
	await db.query(`
CREATE OR REPLACE TABLE ${CUBE_TABLE} (
  indicator VARCHAR, unit_code VARCHAR, unit_vintage VARCHAR, plan_start VARCHAR,
  p_start VARCHAR, p_end VARCHAR, value DOUBLE, numerator DOUBLE, denominator DOUBLE, n_records BIGINT, hits BIGINT)`);
	const indicators = scope.indicators.filter((i) => i.source_table !== 'observations' && RECORD_INDICATORS[i.code]);
	let points = 0;
	for (const unit of scope.units) {
		if (unit.level !== 'province') continue;
		const periods = unitPeriods(scope, unit);
		if (periods.length === 0) continue;
		const specs = indicators.flatMap((indicator) =>
			(dependsOnPlanStart(indicator.code) ? scope.planStarts : ['']).map((planStart) => ({
				indicator,
				unit,
				// Any plan start serves a definition that does not read it; the plan's own year is always a cut.
				planStart: planStart || `${periods[0].start.slice(0, 4)}-01-01`,
				key: planStart,
				periods
			}))
		);
		const sql = recordCubeSql(specs, cuts);
		if (!sql) throw new Error('the series cube needs definitions the batched statement can read');
		await db.query(`
INSERT INTO ${CUBE_TABLE}
SELECT s.indicator, s.unit_code, s.unit_vintage, s.plan_start, strftime(make_date(c.year, 1, 1), '%Y-%m-%d'), strftime(c.as_of, '%Y-%m-%d'),
       c.value, c.numerator, c.denominator, c.n_records, c.hits
FROM (${sql}) c JOIN (${specRowsSql(specs)}) s ON s.b = c.batch_index`);
		points += specs.length * periods.length;
	}
	const [{ n, keys }] = toRows<{ n: number; keys: number }>(
		await db.query(
			`SELECT count(*) AS n, count(DISTINCT (indicator, unit_code, unit_vintage, plan_start, p_start, p_end)) AS keys FROM ${CUBE_TABLE}`
		)
	);
	// Every point once: the page's index (SeriesCube) refuses a cube with a key twice.
	if (n !== points || keys !== n) throw new Error(`series cube: ${n} rows, ${keys} keys, ${points} points expected`);
	return n;
}

/**
 * The periods of a unit's points: those of its own series (to the day it ended, unless
 * it continues as a new province), and for a province that ended, every period to the
 * as-of date too — it still counts as a part in its successor's breakdown.
 */
function unitPeriods(scope: CubeScope, unit: UnitRow): { start: string; end: string }[] {
	const continues = unit.vintage === '2024' && scope.continuing.has(unit.code);
	const own = cubePeriods(scope.fromYear, scope.asOf, continues ? null : unit.valid_to);
	const asPart = unit.valid_to ? cubePeriods(scope.fromYear, scope.asOf, null) : [];
	return [...new Map([...own, ...asPart].map((p) => [`${p.start}|${p.end}`, p])).values()];
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function specRowsSql(specs: { indicator: IndicatorRow; unit: UnitRow; key: string }[]): string {
	const rows = specs.map((s, b) => `(${b}, ${lit(s.indicator.code)}, ${lit(s.unit.code)}, ${lit(s.unit.vintage)}, ${lit(s.key)})`);
	return `SELECT * FROM (VALUES ${rows.join(', ')}) AS s(b, indicator, unit_code, unit_vintage, plan_start)`;
}

/** The first year a target's series starts (scorecard.ts's seriesFromYear, over every target). */
export function cubeFromYear(targets: { plan: string; baseline_year: number | null }[], earliestPageYear: number): number {
	let from = earliestPageYear;
	for (const t of targets) {
		const start = planStartYear(t.plan);
		from = Math.min(from, start - 2, start - 1, t.baseline_year ?? start);
	}
	return from;
}

/**
 * Build time: every indicator's observation-based series for every unit, over all
 * years, into OBSERVATION_CUBE_TABLE (series.ts's observation statement, one unit per
 * statement). A series with no observed year gets one row without a year, so the page
 * knows the build computed it. Returns the number of series.
 */
export async function buildObservationCube(db: Db, scope: Pick<CubeScope, 'indicators' | 'units'>): Promise<number> {
	await db.query(`
CREATE OR REPLACE TABLE ${OBSERVATION_CUBE_TABLE} (
  indicator VARCHAR, unit_code VARCHAR, unit_vintage VARCHAR, year INTEGER,
  value DOUBLE, numerator DOUBLE, denominator DOUBLE, as_of VARCHAR, sources VARCHAR, prov_rank INTEGER)`);
	let series = 0;
	for (const unit of scope.units) {
		if (unit.level === 'district') continue;
		const specs = scope.indicators.map((indicator) => ({ indicator, unit }));
		const items = specs.map((s, index) => ({ index, req: { ...s, fromYear: 0, toYear: 9999, asOf: '', planStart: '' } }));
		const sql = observationBatchSql(items);
		if (!sql) continue;
		const rows = specRowsSql(specs.map((s) => ({ ...s, key: '' })));
		await db.query(`
INSERT INTO ${OBSERVATION_CUBE_TABLE}
SELECT s.indicator, s.unit_code, s.unit_vintage, c.year, c.value, c.numerator, c.denominator,
       strftime(c.as_of, '%Y-%m-%d'), c.sources, c.prov_rank
FROM (${sql}) c JOIN (${rows}) s ON s.b = c.batch_index
UNION ALL
SELECT s.indicator, s.unit_code, s.unit_vintage, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM (${rows}) s`);
		series += specs.length;
	}
	return series;
}
