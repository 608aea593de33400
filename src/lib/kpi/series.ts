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

export function recordSeriesSql(req: SeriesRequest, continues = false): string | null {
	const def = RECORD_INDICATORS[req.indicator.code];
	if (!def || req.unit.level === 'country') return null;
	const grid = dateGrid({
		fromYear: req.fromYear,
		toYear: req.toYear,
		asOf: req.asOf,
		unitValidTo: continues ? null : req.unit.valid_to
	});
	const key = RECORD_KEY[def.table];
	const aggregates = def.value
		? `${def.value} AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator`
		: `NULL::DOUBLE AS value, ${def.numerator} AS numerator, ${def.denominator} AS denominator`;
	return `
WITH g AS (${gridSql(grid)}),
r AS (
  SELECT r.* FROM ${def.source} r
  JOIN ${def.table}_units u ON u.rec_key = ${key}
  WHERE u.unit_code = ${sqlString(req.unit.code)} AND u.unit_vintage = ${sqlString(req.unit.vintage)}
)
SELECT g.year, g.tag, g.p_end AS as_of, ${aggregates}, (SELECT count(*) FROM r) AS n_records
FROM g LEFT JOIN r ON ${def.join(req.planStart)}
GROUP BY g.year, g.tag, g.p_end
ORDER BY g.tag, g.year`;
}

/**
 * Observations of the unit itself, or — where it has none for a year — the sum over
 * its predecessors when every one of them reported (a partial sum would understate).
 * Flows of the merger year add the predecessors' first half to the unit's second.
 */
export function observationSeriesSql(req: SeriesRequest): string {
	const { code, vintage } = req.unit;
	const flow = ['flow', 'cumulative'].includes(req.indicator.kind);
	// flows add up within a year; stocks and ratios take the latest figure
	const agg = (col: string) => (flow ? `sum(${col})` : `arg_max(${col}, as_of)`);
	return `
WITH members AS (
  SELECT member_code, member_vintage, member_vintage > unit_vintage AS continuation FROM unit_rollup
  WHERE unit_code = ${sqlString(code)} AND unit_vintage = ${sqlString(vintage)}
    AND NOT (member_code = ${sqlString(code)} AND member_vintage = ${sqlString(vintage)})
),
o AS (
  SELECT CAST(substr(period, 1, 4) AS INTEGER) AS year, o.indicator, o.unit_code, o.unit_vintage,
         o.value, o.numerator, o.denominator, o.source, o.provenance,
         coalesce(o.as_of, CASE WHEN length(period) = 4 THEN make_date(CAST(period AS INTEGER), 12, 31) END) AS as_of,
         -- the unit's own figures, and those of the same territory after 2025-07-01
         (o.unit_code = ${sqlString(code)} AND o.unit_vintage = ${sqlString(vintage)})
           OR (o.unit_code, o.unit_vintage) IN (SELECT member_code, member_vintage FROM members WHERE continuation) AS own
  FROM observations o
  WHERE o.indicator = ${sqlString(req.indicator.code)}
    AND ((o.unit_code = ${sqlString(code)} AND o.unit_vintage = ${sqlString(vintage)})
      OR (o.unit_code, o.unit_vintage) IN (SELECT member_code, member_vintage FROM members))
),
per_unit AS (
  SELECT year, own, unit_code, unit_vintage,
         ${agg('value')} AS value, ${agg('numerator')} AS numerator, ${agg('denominator')} AS denominator,
         max(as_of) AS as_of, string_agg(DISTINCT source, ' · ') AS sources,
         max(CASE provenance WHEN 'illustrative' THEN 3 WHEN 'calibrated' THEN 2 ELSE 1 END) AS prov_rank
  FROM o WHERE year BETWEEN ${req.fromYear} AND ${req.toYear}
  GROUP BY ALL
),
own_rows AS (
  SELECT year, ${agg('value')} AS value, ${agg('numerator')} AS numerator, ${agg('denominator')} AS denominator,
         max(as_of) AS as_of, string_agg(sources, ' · ') AS sources, max(prov_rank) AS prov_rank
  FROM per_unit WHERE own GROUP BY year
),
pred AS (
  SELECT year, sum(value) AS value, sum(numerator) AS numerator, sum(denominator) AS denominator,
         max(as_of) AS as_of, string_agg(sources, ' · ') AS sources, max(prov_rank) AS prov_rank,
         count(*) AS n, count(value) AS n_value
  FROM per_unit WHERE NOT own GROUP BY year
)
${
	flow
		? `-- flows: the predecessors' months before the merger and the unit's own after it add up
SELECT coalesce(o.year, p.year) AS year,
       CASE WHEN p.year IS NULL OR (p.n = (SELECT count(*) FROM members WHERE NOT continuation) AND p.n_value = p.n)
            THEN coalesce(o.value, 0) + coalesce(p.value, 0) END AS value,
       coalesce(o.numerator, 0) + coalesce(p.numerator, 0) AS numerator,
       coalesce(o.denominator, 0) + coalesce(p.denominator, 0) AS denominator,
       greatest(o.as_of, p.as_of) AS as_of, concat_ws(' · ', o.sources, p.sources) AS sources,
       greatest(o.prov_rank, p.prov_rank) AS prov_rank
FROM own_rows o FULL JOIN pred p ON p.year = o.year`
		: `-- stocks: the unit's own figure, else its predecessors' sum when every one reported
SELECT year, value, numerator, denominator, as_of, sources, prov_rank FROM own_rows
UNION ALL
SELECT p.year, CASE WHEN p.n_value = p.n THEN p.value END, p.numerator, p.denominator, p.as_of, p.sources, p.prov_rank
FROM pred p
WHERE p.year NOT IN (SELECT year FROM own_rows)
  AND p.n = (SELECT count(*) FROM members WHERE NOT continuation)`
}
ORDER BY year`;
}

/** Does this old unit continue unchanged as a new one (so its series runs past 2025-06-30)? */
async function continues(db: Db, unit: UnitRow): Promise<boolean> {
	if (unit.vintage !== '2024' || unit.level !== 'province') return false;
	const rows = toRows<{ n: number }>(
		await db.query(
			`SELECT count(*) AS n FROM unit_rollup WHERE unit_code = ${sqlString(unit.code)} AND unit_vintage = '2024' AND member_vintage = '2025'`
		)
	);
	return rows[0].n > 0;
}

export async function readSeries(db: Db, req: SeriesRequest): Promise<Series> {
	const recordSql = req.indicator.source_table === 'observations' ? null : recordSeriesSql(req, await continues(db, req.unit));
	if (recordSql) {
		const rows = toRows<{ year: number; tag: string; as_of: string; value: number | null; numerator: number | null; denominator: number | null; n_records: number }>(
			await db.query(recordSql)
		);
		// A unit with records gets their counts, zeros included; one without any
		// (the country) is read from published observations instead.
		if ((rows[0]?.n_records ?? 0) > 0) {
			const toPoint = (r: (typeof rows)[number]): SeriesValue => ({
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
		}
	}
	const rows = toRows<{ year: number; value: number | null; numerator: number | null; denominator: number | null; as_of: string; sources: string | null; prov_rank: number }>(
		await db.query(observationSeriesSql(req))
	);
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
