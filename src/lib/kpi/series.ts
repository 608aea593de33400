/**
 * Reads the actual series of one indicator for one unit: from records where the
 * indicator is computed from records, from observations otherwise (and for units
 * without records, such as the country, whose figures are published totals).
 */
import type { Db } from '../db/types';
import { toRows } from '../db/rows';
import { dateGrid, gridSql } from './sql/grid';
import { RECORD_INDICATORS } from './sql/record-indicators';
import { RECORD_KEY } from './sql/views';
import { AGG_TABLES, aggAggregate, aggTable, gridOnCuts } from './sql/preagg';
import { OCOP_SEQ_TABLE, preparedFor } from './prepare';
import type { Kind } from '../data/schema';

export interface IndicatorRow {
	code: string;
	domain: string;
	name_vi: string;
	name_en: string;
	unit_vi: string;
	unit_en: string;
	direction: 'up' | 'down' | 'none';
	kind: Kind;
	source_table: string;
	definition_vi: string;
	definition_en: string;
}

export interface UnitRow {
	code: string;
	vintage: string;
	level: 'country' | 'province' | 'district';
	name_vi: string;
	name_en: string;
	parent_code: string | null;
	valid_from: string | null;
	valid_to: string | null;
	successor_code: string | null;
}

export interface SeriesValue {
	year: number;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	asOf: string;
}

export interface Series {
	points: SeriesValue[];
	/** Value at the same date one year before the last point ("so với cùng kỳ"). */
	previous: number | null;
	origin: 'records' | 'observations';
	/** Distinct sources of the observations used (empty for records). */
	sources: string[];
	/** Provenance of the observations used: the least certain one wins (null for records). */
	provenance: string | null;
}

export interface SeriesRequest {
	indicator: IndicatorRow;
	unit: UnitRow;
	fromYear: number;
	toYear: number;
	asOf: string;
	/** First day of the plan: cumulative indicators count from here. */
	planStart: string;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

const ratioValue = (num: number | null, den: number | null) =>
	num == null || den == null || den === 0 ? null : (100 * num) / den;

/**
 * SQL of a record-based series. Given the cut dates of the pre-aggregated tables
 * (prepare.ts), it reads the groups instead of the records wherever that gives the
 * same numbers (sql/preagg.ts says when); otherwise, and without cuts, the records.
 */
export function recordSeriesSql(req: SeriesRequest, continues = false, cuts?: ReadonlySet<string>): string | null {
	const def = RECORD_INDICATORS[req.indicator.code];
	if (!def || req.unit.level === 'country') return null;
	const grid = dateGrid({
		fromYear: req.fromYear,
		toYear: req.toYear,
		asOf: req.asOf,
		unitValidTo: continues ? null : req.unit.valid_to
	});
	const aggregates = def.value
		? `${def.value} AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator`
		: `NULL::DOUBLE AS value, ${def.numerator} AS numerator, ${def.denominator} AS denominator`;
	const unitFilter = `u.unit_code = ${sqlString(req.unit.code)} AND u.unit_vintage = ${sqlString(req.unit.vintage)}`;
	const grouped = aggAggregate(aggregates);
	const useGroups =
		!!cuts &&
		def.source === def.table &&
		!!AGG_TABLES[def.table] &&
		!/count\(/i.test(grouped) &&
		gridOnCuts(cuts, [req.planStart, ...grid.flatMap((g) => [g.start, g.end])]);
	if (useGroups) {
		return `
WITH g AS (${gridSql(grid)}),
r AS (SELECT * FROM ${aggTable(def.table)} u WHERE ${unitFilter})
SELECT g.year, g.tag, g.p_end AS as_of, ${grouped}, (SELECT coalesce(sum(n), 0)::BIGINT FROM r) AS n_records
FROM g LEFT JOIN r ON ${def.join(req.planStart)}
GROUP BY g.year, g.tag, g.p_end
ORDER BY g.tag, g.year`;
	}
	const key = RECORD_KEY[def.table];
	// Cuts come from prepareKpiTables, which also made the copy of the OCOP view.
	const source = cuts && def.source === 'ocop_seq' ? OCOP_SEQ_TABLE : def.source;
	return `
WITH g AS (${gridSql(grid)}),
r AS (
  SELECT r.* FROM ${source} r
  JOIN ${def.table}_units u ON u.rec_key = ${key}
  WHERE ${unitFilter}
)
SELECT g.year, g.tag, g.p_end AS as_of, ${aggregates}, (SELECT count(*) FROM r) AS n_records
FROM g LEFT JOIN r ON ${def.join(req.planStart)}
GROUP BY g.year, g.tag, g.p_end
ORDER BY g.tag, g.year`;
}

/**
 * Observations for a unit and year, by priority: (1) the figure of the same territory
 * after 2025-07-01 (an unchanged province continues as the new one, whose 2025 report
 * covers the whole year), (2) the unit's own figure, (3) the sum over its predecessors,
 * only when every one of them reported (a partial sum would understate).
 * Within one unit and year, flows add up over periods; stocks take the latest figure.
 */
export function observationSeriesSql(req: SeriesRequest): string {
	const { code, vintage } = req.unit;
	const flow = ['flow', 'cumulative'].includes(req.indicator.kind);
	const agg = (col: string) => (flow ? `sum(${col})` : `arg_max(${col}, as_of)`);
	return `
WITH members AS (
  SELECT member_code, member_vintage, CASE WHEN member_vintage > unit_vintage THEN 1 ELSE 3 END AS priority
  FROM unit_rollup
  WHERE unit_code = ${sqlString(code)} AND unit_vintage = ${sqlString(vintage)}
    AND NOT (member_code = ${sqlString(code)} AND member_vintage = ${sqlString(vintage)})
  UNION ALL SELECT ${sqlString(code)}, ${sqlString(vintage)}, 2
),
o AS (
  SELECT CAST(substr(o.period, 1, 4) AS INTEGER) AS year, m.priority, o.unit_code, o.unit_vintage,
         o.value, o.numerator, o.denominator, o.source, o.provenance,
         coalesce(o.as_of, CASE WHEN length(o.period) = 4 THEN make_date(CAST(o.period AS INTEGER), 12, 31) END) AS as_of
  FROM observations o JOIN members m ON m.member_code = o.unit_code AND m.member_vintage = o.unit_vintage
  WHERE o.indicator = ${sqlString(req.indicator.code)}
),
per_unit AS (
  SELECT year, priority, unit_code, unit_vintage,
         ${agg('value')} AS value, ${agg('numerator')} AS numerator, ${agg('denominator')} AS denominator,
         max(as_of) AS as_of, string_agg(DISTINCT source, ' · ') AS sources,
         max(CASE provenance WHEN 'illustrative' THEN 3 WHEN 'calibrated' THEN 2 ELSE 1 END) AS prov_rank
  FROM o WHERE year BETWEEN ${req.fromYear} AND ${req.toYear}
  GROUP BY ALL
),
chosen AS (
  SELECT * FROM per_unit p
  WHERE priority = (SELECT min(priority) FROM per_unit q WHERE q.year = p.year)
)
SELECT year,
       CASE WHEN min(priority) < 3 OR (count(*) = (SELECT count(*) FROM members WHERE priority = 3) AND count(value) = count(*))
            THEN sum(value) END AS value,
       sum(numerator) AS numerator, sum(denominator) AS denominator,
       max(as_of) AS as_of, string_agg(sources, ' · ') AS sources, max(prov_rank) AS prov_rank
FROM chosen
GROUP BY year
HAVING min(priority) < 3 OR count(*) = (SELECT count(*) FROM members WHERE priority = 3)
ORDER BY year`;
}

/** Does this old unit continue unchanged as a new one (so its series runs past 2025-06-30)? */
export async function continues(db: Db, unit: UnitRow): Promise<boolean> {
	if (unit.vintage !== '2024' || unit.level !== 'province') return false;
	const known = preparedFor(db)?.continuing;
	if (known) return known.has(unit.code);
	const rows = toRows<{ n: number }>(
		await db.query(
			`SELECT count(*) AS n FROM unit_rollup WHERE unit_code = ${sqlString(unit.code)} AND unit_vintage = '2024' AND member_vintage = '2025'`
		)
	);
	return rows[0].n > 0;
}

export async function readSeries(db: Db, req: SeriesRequest): Promise<Series> {
	return (await readSeriesBatch(db, [req]))[0];
}

type RecordRow = { year: number; tag: string; as_of: string; value: number | null; numerator: number | null; denominator: number | null; n_records: number };
type ObservationRow = { year: number; value: number | null; numerator: number | null; denominator: number | null; as_of: string; sources: string | null; prov_rank: number };

/**
 * Many series in two round trips to the database: all record-based ones in one
 * UNION ALL, then, for those without records, all observation-based ones in another.
 * Each series comes out exactly as a readSeries call of its own would give it.
 */
export async function readSeriesBatch(db: Db, reqs: SeriesRequest[]): Promise<Series[]> {
	const cuts = preparedFor(db)?.cuts;
	const recordSqls = await Promise.all(
		reqs.map(async (req) =>
			req.indicator.source_table === 'observations' ? null : recordSeriesSql(req, await continues(db, req.unit), cuts)
		)
	);
	const recordRows = await batched<RecordRow>(
		db,
		recordSqls,
		'year, tag, as_of, value::DOUBLE AS value, numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator, n_records::BIGINT AS n_records',
		(a, b) => a.tag.localeCompare(b.tag) || a.year - b.year
	);
	const out: (Series | null)[] = reqs.map((_, i) => {
		const rows = recordRows[i];
		// A unit with records gets their counts, zeros included; one without any
		// (the country) is read from published observations instead.
		if (!rows || (rows[0]?.n_records ?? 0) === 0) return null;
		const toPoint = (r: RecordRow): SeriesValue => ({
			year: r.year,
			value: r.value ?? ratioValue(r.numerator, r.denominator),
			numerator: r.numerator,
			denominator: r.denominator,
			asOf: r.as_of
		});
		const prev = rows.find((r) => r.tag === 'prev');
		return {
			points: rows.filter((r) => r.tag === 'main').map(toPoint),
			previous: prev ? toPoint(prev).value : null,
			origin: 'records',
			sources: [],
			provenance: null
		};
	});
	const obsRows = await batched<ObservationRow>(
		db,
		reqs.map((req, i) => (out[i] ? null : observationSeriesSql(req))),
		'year, value::DOUBLE AS value, numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator, as_of, sources, prov_rank',
		(a, b) => a.year - b.year
	);
	return reqs.map((req, i) => out[i] ?? observationSeries(req, obsRows[i] ?? []));
}

/** Runs the given statements as one UNION ALL and hands each its own rows back, sorted. */
async function batched<T>(db: Db, sqls: (string | null)[], columns: string, order: (a: T, b: T) => number): Promise<(T[] | null)[]> {
	const parts = sqls.flatMap((sql, i) => (sql ? [`SELECT ${i} AS batch_index, ${columns} FROM (${sql})`] : []));
	const result: (T[] | null)[] = sqls.map((sql) => (sql ? [] : null));
	if (parts.length === 0) return result;
	for (const row of toRows<T & { batch_index: number }>(await db.query(parts.join('\nUNION ALL\n')))) {
		const { batch_index, ...rest } = row;
		result[batch_index]!.push(rest as unknown as T);
	}
	for (const rows of result) rows?.sort(order);
	return result;
}

function observationSeries(req: SeriesRequest, rows: ObservationRow[]): Series {
	let points: SeriesValue[] = rows.map((r) => ({
		year: r.year,
		value: req.indicator.kind === 'ratio' && r.denominator ? ratioValue(r.numerator, r.denominator) : r.value,
		numerator: r.numerator,
		denominator: r.denominator,
		asOf: r.as_of
	}));
	if (req.indicator.kind === 'cumulative') points = accumulate(points, Number(req.planStart.slice(0, 4)));
	const sources = [...new Set(rows.flatMap((r) => (r.sources ?? '').split(' · ')).filter(Boolean))];
	const rank = Math.max(0, ...rows.map((r) => r.prov_rank ?? 0));
	const provenance = rank === 0 ? null : (['published', 'calibrated', 'illustrative'][rank - 1] ?? null);
	return { points, previous: null, origin: 'observations', sources, provenance };
}

/** Observations of cumulative indicators hold each period's flow; the series is their running sum. */
export function accumulate(points: SeriesValue[], startYear: number): SeriesValue[] {
	let total = 0;
	return points
		.filter((p) => p.year >= startYear)
		.map((p) => {
			if (p.value != null) total += p.value;
			return { ...p, value: p.value == null ? null : total };
		});
}
