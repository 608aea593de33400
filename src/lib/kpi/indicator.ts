import { seriesFromYear } from './scorecard';
/**
 * The indicator page's questions, answered by the same engine as the scorecard:
 * which figure is read for a unit and year, how it splits over the units inside it,
 * and which records make it up.
 *
 * Breakdown and records reuse the RECORD_INDICATORS join of the number itself, so
 * the parts add up to the total and the record count equals the actual — a list that
 * disagrees with its own headline would be worse than no list.
 */
import type { Db } from '../db/types';
import { toRows } from '../db/rows';
import { gridSql } from './sql/grid';
import { RECORD_INDICATORS, type RecordIndicator } from './sql/record-indicators';
import { RECORD_DATE, RECORD_KEY } from './sql/views';
import { groupsPeriodSql, readSeries, splitAggregates, type GroupsFigure, type IndicatorRow, type UnitRow } from './series';
import { preparedFor } from './prepare';
import type { ScorecardRow } from './scorecard';
import { RECORD_VIEWS, type RecordColumn, type RecordTableView } from './indicator/columns';
import { perData } from './memo';
import { planKey } from './cube';

export { RECORD_VIEWS, RECORD_ENUMS, type RecordColumn, type RecordTableView } from './indicator/columns';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export interface IndicatorRequest {
	indicator: IndicatorRow;
	unit: UnitRow;
	year: number;
	/** Data as-of date (datasets.as_of): the current year is read to this day. */
	asOf: string;
	/** First day of the plan (cumulative indicators count from here), YYYY-MM-DD. */
	planStart: string;
}

/** The period a figure covers: the year's start to the day it is read at. */
export interface Period {
	year: number;
	start: string;
	end: string;
	value: number | null;
}

/** The record-based definition of an indicator, or null when it is read from observations. */
export function recordDefinition(indicator: IndicatorRow): RecordIndicator | null {
	if (indicator.source_table === 'observations') return null;
	return RECORD_INDICATORS[indicator.code] ?? null;
}

/**
 * The figure shown for `year`: the year's point of the series, or — for a unit that
 * ended earlier (old provinces end on 2025-06-30) — its last one, as the scorecard
 * judges it.
 */
export async function readingPeriod(db: Db, req: IndicatorRequest): Promise<Period | null> {
	// The breakdown and the record list of one page ask for the same period: read once per data.
	const key = `period|${req.indicator.code}|${JSON.stringify(req.unit)}|${req.year}|${req.asOf}|${req.planStart}`;
	const period = await perData(db, key, () => readPeriod(db, req));
	return period && { ...period };
}

async function readPeriod(db: Db, req: IndicatorRequest): Promise<Period | null> {
	const series = await readSeries(db, {
		indicator: req.indicator,
		unit: req.unit,
		fromYear: req.year - 1,
		toYear: req.year,
		asOf: req.asOf,
		planStart: req.planStart
	});
	const point = series.points.filter((p) => p.year <= req.year && p.value != null).at(-1);
	if (!point) return null;
	return { year: point.year, start: `${point.year}-01-01`, end: point.asOf, value: point.value };
}

/** Records of `unit` that the definition counts in `period` (the CTEs g, base, hit). */
function hitSql(def: RecordIndicator, unit: UnitRow, period: Period, planStart: string): string {
	const key = RECORD_KEY[def.table];
	const grid = gridSql([{ year: period.year, tag: 'main', start: period.start, end: period.end }]);
	return `
g AS (${grid}),
base AS (
  SELECT r.* FROM ${def.source} r
  JOIN ${def.table}_units u ON u.rec_key = ${key}
  WHERE u.unit_code = ${q(unit.code)} AND u.unit_vintage = ${q(unit.vintage)}
),
hit AS (SELECT r.* FROM g JOIN base r ON ${def.join(planStart.slice(0, 10))})`;
}

const aggregates = (def: RecordIndicator) =>
	def.value
		? `${def.value} AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator`
		: `NULL::DOUBLE AS value, ${def.numerator} AS numerator, ${def.denominator} AS denominator`;

const ratio = (num: number | null, den: number | null) => (num == null || den == null || den === 0 ? null : (100 * num) / den);

/**
 * Can the parts' values be added into the total? Counts and sums can; ratios and
 * counts of distinct producers (one producer may sell in two districts) cannot.
 */
export function isAdditive(def: RecordIndicator): boolean {
	return !!def.value && !/DISTINCT/i.test(def.value);
}

// ---------------------------------------------------------------------------------
// Breakdown by unit

export type BreakdownBasis = 'district' | 'province';

export interface BreakdownPart {
	code: string;
	vintage: string;
	name_vi: string;
	name_en: string;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** Part of the total (additive indicators only), 0–1. */
	share: number | null;
}

export interface BreakdownFigure {
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	share: number | null;
}

export type BreakdownUnavailable = 'observations' | 'country' | 'no_parts' | 'no_district_column' | 'no_data';

export interface Breakdown {
	/** Why there is no breakdown; null when there is one. */
	unavailable: BreakdownUnavailable | null;
	basis: BreakdownBasis | null;
	period: Period | null;
	/** Sorted by value, largest first. */
	parts: BreakdownPart[];
	/** Records in none of the parts: those of the new province after 2025-07-01 (no districts, no communes yet). */
	unassigned: BreakdownFigure | null;
	total: BreakdownFigure | null;
	additive: boolean;
}

const noBreakdown = (unavailable: BreakdownUnavailable, period: Period | null = null, basis: BreakdownBasis | null = null): Breakdown => ({
	unavailable,
	basis,
	period,
	parts: [],
	unassigned: null,
	total: null,
	additive: false
});

/**
 * The units a unit splits into: an old province into its districts; a new province
 * into the old provinces merged into it — or, when it continues a single old province
 * (Quảng Ninh 22 → 22), into that province's districts.
 */
export async function breakdownParts(db: Db, unit: UnitRow): Promise<{ basis: BreakdownBasis; parts: UnitRow[] } | null> {
	if (unit.level !== 'province') return null;
	const cols = `code, vintage, level, name_vi, name_en, parent_code, valid_from, valid_to, successor_code`;
	const districtsOf = (code: string) =>
		perData(db, `districts|${code}`, async () =>
			toRows<UnitRow>(
				await db.query(`SELECT ${cols} FROM units WHERE level = 'district' AND vintage = '2024' AND parent_code = ${q(code)} ORDER BY code`)
			)
		).then((rows) => [...rows]);
	if (unit.vintage === '2024') return { basis: 'district', parts: await districtsOf(unit.code) };
	const predecessors = await predecessorsOf(db, unit);
	if (predecessors.length === 1) return { basis: 'district', parts: await districtsOf(predecessors[0].code) };
	return { basis: 'province', parts: predecessors };
}

function hasColumn(db: Db, table: string, column: string): Promise<boolean> {
	return perData(db, `column|${table}|${column}`, async () => {
		const [row] = toRows<{ n: number }>(
			await db.query(
				`SELECT count(*) AS n FROM information_schema.columns WHERE table_name = ${q(table)} AND column_name = ${q(column)}`
			)
		);
		return row.n > 0;
	});
}

/**
 * One grouped query: the records counted in the unit's figure, each assigned to the
 * part it belongs to through `<table>_units`; GROUPING SETS add the total row, so the
 * total is computed exactly as the series computes it.
 */
export function breakdownSql(def: RecordIndicator, unit: UnitRow, parts: UnitRow[], period: Period, planStart: string): string {
	const key = RECORD_KEY[def.table];
	const partList = parts.length
		? parts.map((p) => `(${q(p.code)}, ${q(p.vintage)})`).join(', ')
		: `(NULL::VARCHAR, NULL::VARCHAR)`;
	return `
WITH ${hitSql(def, unit, period, planStart)},
parts(code, vintage) AS (VALUES ${partList}),
part_of AS (
  SELECT u.rec_key, u.unit_code AS part
  FROM ${def.table}_units u JOIN parts ON parts.code = u.unit_code AND parts.vintage = u.unit_vintage
)
SELECT p.part, GROUPING(p.part) AS is_total, ${aggregates(def)}
FROM hit r LEFT JOIN part_of p ON p.rec_key = ${key}
GROUP BY GROUPING SETS ((p.part), ())`;
}

type BreakdownRow = { part: string | null; is_total: number; value: number | null; numerator: number | null; denominator: number | null };

/**
 * breakdownSql's rows for a merged province, read from the pre-aggregated groups where
 * they give the records' numbers (groupsPeriodSql; counts only). Exact because every
 * record of an old province counts for the new one it merged into (`unit_rollup`) and
 * for no other old province: a part is the old province's own figure, the total the
 * new one's, and the records in no part — the new province's own, after 2025-07-01 —
 * are the difference of the counts. Null when the groups may not be used.
 */
async function breakdownFromGroups(db: Db, req: IndicatorRequest, parts: UnitRow[], period: Period): Promise<BreakdownRow[] | null> {
	const sql = groupsPeriodSql(req.indicator, [req.unit, ...parts], period, req.planStart, preparedFor(db)?.cuts);
	if (!sql) return null;
	const figures = figuresFromCube(db, req, [req.unit, ...parts], period) ?? toRows<GroupsFigure>(await db.query(sql));
	const of = (u: UnitRow) => figures.find((f) => f.unit_code === u.code && f.unit_vintage === u.vintage);
	// A unit without groups: what the aggregates give over no rows (counts: 0).
	const empty = (f: GroupsFigure | undefined) => f ?? { hits: 0, value: def0(req.indicator, 'value'), numerator: def0(req.indicator, 'numerator'), denominator: def0(req.indicator, 'denominator') };
	const total = empty(of(req.unit));
	const rows: BreakdownRow[] = [{ part: null, is_total: 1, value: total.value, numerator: total.numerator, denominator: total.denominator }];
	const rest = { hits: total.hits, value: total.value, numerator: total.numerator, denominator: total.denominator };
	const minus = (a: number | null, b: number | null) => (a === null || b === null ? a : a - b);
	for (const p of parts) {
		const f = of(p);
		if (!f || f.hits === 0) continue;
		rows.push({ part: p.code, is_total: 0, value: f.value, numerator: f.numerator, denominator: f.denominator });
		rest.hits -= f.hits;
		rest.value = minus(rest.value, f.value);
		rest.numerator = minus(rest.numerator, f.numerator);
		rest.denominator = minus(rest.denominator, f.denominator);
	}
	if (rest.hits > 0) rows.push({ part: null, is_total: 0, value: rest.value, numerator: rest.numerator, denominator: rest.denominator });
	return rows;
}

/**
 * groupsPeriodSql's rows, read from the build's cube (cube.ts) when it holds the period
 * for every unit: the same aggregates over the same groups. A unit without any groups
 * gets no row there, so none here either. Null when a point is missing.
 */
function figuresFromCube(db: Db, req: IndicatorRequest, units: UnitRow[], period: Period): GroupsFigure[] | null {
	const cube = preparedFor(db)?.cube?.series;
	if (!cube) return null;
	const figures: GroupsFigure[] = [];
	for (const u of units) {
		const p = cube.get(req.indicator.code, u.code, u.vintage, planKey(req.indicator.code, req.planStart), period.start, period.end);
		if (!p) return null;
		if (p.n_records > 0) figures.push({ unit_code: u.code, unit_vintage: u.vintage, hits: p.hits, value: p.value, numerator: p.numerator, denominator: p.denominator });
	}
	return figures;
}

/** A count-based aggregate over no rows is 0; a part the definition lacks is NULL. */
function def0(indicator: IndicatorRow, col: 'value' | 'numerator' | 'denominator'): number | null {
	const def = RECORD_INDICATORS[indicator.code];
	return def?.[col] ? 0 : null;
}

export async function readBreakdown(db: Db, req: IndicatorRequest): Promise<Breakdown> {
	if (req.unit.level === 'country') return noBreakdown('country');
	const def = recordDefinition(req.indicator);
	if (!def) return noBreakdown('observations');
	const split = await breakdownParts(db, req.unit);
	if (!split || split.parts.length === 0) return noBreakdown('no_parts');
	if (split.basis === 'district' && !(await hasColumn(db, def.table, 'district_code')))
		return noBreakdown('no_district_column', null, split.basis);
	const period = await readingPeriod(db, req);
	if (!period) return noBreakdown('no_data', null, split.basis);

	const rows =
		(split.basis === 'province' ? await breakdownFromGroups(db, req, split.parts, period) : null) ??
		toRows<BreakdownRow>(await db.query(breakdownSql(def, req.unit, split.parts, period, req.planStart)));
	const additive = isAdditive(def);
	const valueOf = (r: { value: number | null; numerator: number | null; denominator: number | null } | undefined) =>
		r ? (def.value ? (r.value ?? 0) : ratio(r.numerator, r.denominator)) : def.value ? 0 : null;
	const totalRow = rows.find((r) => r.is_total === 1);
	const totalValue = valueOf(totalRow);
	const shareOf = (v: number | null) => (additive && v != null && totalValue ? v / totalValue : null);
	const byPart = new Map(rows.filter((r) => r.is_total === 0 && r.part != null).map((r) => [r.part!, r]));

	const parts: BreakdownPart[] = split.parts.map((u) => {
		const r = byPart.get(u.code);
		const value = valueOf(r);
		return {
			code: u.code,
			vintage: u.vintage,
			name_vi: u.name_vi,
			name_en: u.name_en,
			value,
			numerator: r?.numerator ?? null,
			denominator: r?.denominator ?? null,
			share: shareOf(value)
		};
	});
	parts.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name_vi.localeCompare(b.name_vi, 'vi'));

	const rest = rows.find((r) => r.is_total === 0 && r.part == null);
	const restValue = rest ? valueOf(rest) : null;
	return {
		unavailable: null,
		basis: split.basis,
		period,
		parts,
		unassigned: rest && restValue ? { value: restValue, numerator: rest.numerator, denominator: rest.denominator, share: shareOf(restValue) } : null,
		total: totalRow
			? { value: totalValue, numerator: totalRow.numerator, denominator: totalRow.denominator, share: additive ? 1 : null }
			: null,
		additive
	};
}

// ---------------------------------------------------------------------------------
// The records behind the number

export interface RecordsResult {
	/** Why there are no records to list; null when there are. */
	unavailable: 'observations' | 'country' | 'no_data' | null;
	table: string | null;
	view: RecordTableView | null;
	/** Columns to show for this unit (a province column only for a merged one). */
	columns: RecordColumn[];
	rows: Record<string, unknown>[];
	period: Period | null;
	/** The figure computed over exactly these records (equals the series' value). */
	value: number | null;
	/** Does the figure count the rows one by one (so rows.length === value)? */
	countsRows: boolean;
}

const noRecords = (unavailable: RecordsResult['unavailable']): RecordsResult => ({
	unavailable,
	table: null,
	view: null,
	columns: [],
	rows: [],
	period: null,
	value: null,
	countsRows: false
});

/** Does the indicator's value count records one by one (count(r.<key>))? */
export function countsRecords(def: RecordIndicator): boolean {
	return !!def.value && /^count\(r\.\w+\)$/i.test(def.value.trim());
}

/** The old provinces (2024) a new one (2025) took over; none for any other unit. */
export async function predecessorsOf(db: Db, unit: UnitRow): Promise<UnitRow[]> {
	if (unit.vintage !== '2025' || unit.level !== 'province') return [];
	// The units change only with the data: read once per data generation (memo.ts).
	const rows = await perData(db, `predecessors|${unit.code}`, async () =>
		toRows<UnitRow>(
			await db.query(`
SELECT code, vintage, level, name_vi, name_en, parent_code, valid_from, valid_to, successor_code FROM units
WHERE level = 'province' AND vintage = '2024' AND successor_code = ${q(unit.code)} ORDER BY name_vi`)
		)
	);
	return [...rows];
}

/**
 * The figure of `def` as window aggregates over every row (OVER ()), so the record list
 * carries the figure computed over exactly its rows, in the same statement.
 */
function figureColumns(def: RecordIndicator): string | null {
	const over = (expr: string | undefined, name: string) => {
		if (!expr) return `NULL::DOUBLE AS ${name}`;
		const split = splitAggregates(expr);
		if (!split) return null;
		const calls = split.calls.map(
			(c) => `${c.fn}(${c.distinct ? 'DISTINCT ' : ''}${c.arg})${c.filter === null ? '' : ` FILTER (WHERE ${c.filter})`} OVER ()`
		);
		return `${split.template.replace(/\{(\d+)\}/g, (_m, i: string) => calls[Number(i)])} AS ${name}`;
	};
	const cols = [over(def.value, FIGURE.value), over(def.numerator, FIGURE.numerator), over(def.denominator, FIGURE.denominator)];
	return cols.every((c) => c !== null) ? cols.join(', ') : null;
}

const FIGURE = { value: 'kpi_figure_value', numerator: 'kpi_figure_numerator', denominator: 'kpi_figure_denominator' } as const;

export function recordsSql(
	def: RecordIndicator,
	unit: UnitRow,
	period: Period,
	planStart: string,
	columns: RecordColumn[],
	figure: string | null = null
): string {
	const select = columns.flatMap((c) => [
		`${c.sql} AS ${c.key}`,
		...(c.sqlEn ? [`${c.sqlEn} AS ${c.key}__en`] : []),
		...(c.vintageSql ? [`${c.vintageSql} AS ${c.key}__v`] : [])
	]);
	const needsDistrict = columns.some((c) => c.sql.startsWith('d.'));
	const needsProvince = columns.some((c) => c.sql.startsWith('p.'));
	const date = RECORD_DATE[def.table];
	return `
WITH ${hitSql(def, unit, period, planStart)}
SELECT ${select.join(', ')}${figure ? `, ${Object.values(FIGURE).map((f) => `r.${f}`).join(', ')}` : ''}
FROM ${figure ? `(SELECT *, ${figure} FROM hit r)` : 'hit'} r
${needsDistrict ? `LEFT JOIN units d ON d.level = 'district' AND d.vintage = '2024' AND d.code = r.district_code` : ''}
${
	needsProvince
		? `LEFT JOIN units p ON p.level = 'province' AND p.code = r.province_code
   AND (p.valid_from IS NULL OR ${date} >= p.valid_from) AND (p.valid_to IS NULL OR ${date} <= p.valid_to)`
		: ''
}`;
}

export async function readRecords(db: Db, req: IndicatorRequest): Promise<RecordsResult> {
	if (req.unit.level === 'country') return noRecords('country');
	const def = recordDefinition(req.indicator);
	const view = def ? RECORD_VIEWS[def.table] : undefined;
	if (!def || !view) return noRecords('observations');
	const period = await readingPeriod(db, req);
	if (!period) return noRecords('no_data');
	const merged = (await predecessorsOf(db, req.unit)).length > 1;
	const columns = view.columns.filter((c) => !c.mergedOnly || merged);
	const windowed = figureColumns(def);
	let rows: Record<string, unknown>[];
	let figure: { value: number | null; numerator: number | null; denominator: number | null } | undefined;
	if (windowed) {
		// One pass: the rows, each carrying the figure over all of them (none: no rows, the figure of nothing).
		rows = toRows<Record<string, unknown>>(await db.query(recordsSql(def, req.unit, period, req.planStart, columns, windowed)));
		const first = rows[0];
		figure = first && {
			value: first[FIGURE.value] as number | null,
			numerator: first[FIGURE.numerator] as number | null,
			denominator: first[FIGURE.denominator] as number | null
		};
		for (const r of rows) for (const f of Object.values(FIGURE)) delete r[f];
	} else {
		[rows, [figure]] = await Promise.all([
			db.query(recordsSql(def, req.unit, period, req.planStart, columns)).then((t) => toRows<Record<string, unknown>>(t)),
			db
				.query(`WITH ${hitSql(def, req.unit, period, req.planStart)} SELECT ${aggregates(def)} FROM hit r`)
				.then((t) => toRows<{ value: number | null; numerator: number | null; denominator: number | null }>(t))
		]);
	}
	return {
		unavailable: null,
		table: def.table,
		view,
		columns,
		rows,
		period,
		value: def.value ? (figure?.value ?? 0) : ratio(figure?.numerator ?? null, figure?.denominator ?? null),
		countsRows: countsRecords(def)
	};
}

// ---------------------------------------------------------------------------------
// Targets and plans

/** The scorecard's rows for one indicator (a new province's include its predecessors'). */
export function indicatorRows(rows: ScorecardRow[], code: string): ScorecardRow[] {
	return rows.filter((r) => r.indicator === code);
}

/**
 * Targets the unit's own series can be drawn against: its own, and those of a unit of
 * the same territory (an old province that continues unchanged as the new one). A merged
 * province's predecessors' targets concern only part of its territory.
 */
export function chartTargets(rows: ScorecardRow[], unit: UnitRow, sameTerritory: (r: ScorecardRow) => boolean): ScorecardRow[] {
	return rows.filter((r) => (r.unit_code === unit.code && r.unit_vintage === unit.vintage) || sameTerritory(r));
}

/**
 * The plan the page reads the figures for: the one asked for in the URL if the unit
 * has it, else the plan running in `year`, else the latest. Cumulative indicators
 * count from this plan's start.
 */
export function choosePlan(plans: string[], year: number, asked: string | null): string | null {
	const sorted = [...new Set(plans)].sort();
	if (asked && sorted.includes(asked)) return asked;
	const running = sorted.find((p) => Number(p.slice(0, 4)) <= year && year <= Number(p.slice(5)));
	return running ?? sorted.at(-1) ?? asked ?? null;
}

/**
 * First year of the series the scorecard reads for a target — two years before the plan,
 * or the baseline if earlier. Its forecast learns from this year on; the chart's must too.
 */
export function seriesStartYear(row: Pick<ScorecardRow, 'plan' | 'baseline_year' | 'kind'>): number {
	return seriesFromYear(row.kind, row.plan, row.baseline_year);
}

/** First day of a plan ("2021-2025" → 2021-01-01); without a plan, the year's start. */
export function planStartOf(plan: string | null, year: number): string {
	return plan ? `${plan.slice(0, 4)}-01-01` : `${year}-01-01`;
}
