/**
 * One indicator across every province of one unit system at one year: the numbers
 * behind the comparison page (ranking, tile map, table).
 *
 * The old view is the 63 provinces of vintage 2024, the new view the 34 of vintage
 * 2025. A new province's value re-aggregates its predecessors' records through the
 * merger mapping (`<table>_units`): counts are summed, ratios recomputed from summed
 * numerators and denominators — never an average of ratios. Record-based indicators
 * are computed for all provinces in ONE grouped query, with the definition of
 * RECORD_INDICATORS (the same one readSeries runs); observation-based figures, and
 * provinces without records, go through readSeries itself. Every value therefore
 * equals what the scorecard and the indicator page show for the same unit and year.
 */
import type { Db } from '../db/types';
import { toRows } from '../db/rows';
import { queryIfExists } from '../db/catalog';
import type { Provenance } from '../data/schema';
import { RECORD_INDICATORS } from './sql/record-indicators';
import { RECORD_KEY } from './sql/views';
import { readSeries, type IndicatorRow, type UnitRow } from './series';
import { dataAsOf, type PublishedCheck } from './scorecard';

export type CompareView = 'old' | 'new';
export type Normalisation = 'none' | 'commune';

export const VIEW_VINTAGE: Record<CompareView, '2024' | '2025'> = { old: '2024', new: '2025' };

/** The 34-province system answers for 2026 onwards; earlier years are read in the 63-province system. */
export const defaultView = (year: number): CompareView => (year >= 2026 ? 'new' : 'old');

/** First day of the five-year plan containing `year` (2021–2025, 2026–2030, …): where cumulative counts start. */
export function planStartFor(year: number): string {
	const start = 2021 + 5 * Math.floor((year - 2021) / 5);
	return `${start}-01-01`;
}

/** Why a province shows no value. */
export type NoValueReason =
	/** The unit no longer existed in that year (merged on 2025-07-01). */
	| 'ended'
	/** The province is in the data, but there is no figure for this year. */
	| 'no_figure'
	/** Nothing about this indicator for this province in the data. */
	| 'no_data';

export interface CompareRow {
	code: string;
	vintage: string;
	name_vi: string;
	name_en: string;
	/** New province the old one became (old view only). */
	successor_code: string | null;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** Date the value refers to. */
	as_of: string | null;
	/** Commune-level units of the province, where the units table knows them. */
	communes: number | null;
	origin: 'records' | 'observations' | null;
	reason: NoValueReason | null;
	/** Dataset the value was computed from. */
	dataset: string | null;
	/** Least certain provenance among the records or observations used. */
	provenance: Provenance | null;
	/** Observation sources (empty for records). */
	sources: string[];
	/** Latest published figure for this unit up to the value's date, if any. */
	published: PublishedCheck | null;
}

export interface Comparison {
	indicator: string;
	year: number;
	view: CompareView;
	vintage: string;
	as_of: string;
	plan_start: string;
	rows: CompareRow[];
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const PROVENANCE_BY_RANK: Provenance[] = ['published', 'calibrated', 'illustrative'];
const provenanceRank = (col: string) =>
	`max(CASE ${col} WHEN 'illustrative' THEN 3 WHEN 'calibrated' THEN 2 WHEN 'published' THEN 1 END)`;
const ratio = (num: number | null, den: number | null) => (num == null || den == null || den === 0 ? null : (100 * num) / den);

/**
 * Every province of the system at `year`, in one query: the grid row of each unit ends
 * at the year's end, the data's as-of date, or the day the unit ended — as in dateGrid —
 * and an old province that continues unchanged (Quảng Ninh) runs on past 2025-06-30.
 */
export function compareRecordsSql(opts: { indicator: string; vintage: string; year: number; asOf: string; planStart: string }): string | null {
	const def = RECORD_INDICATORS[opts.indicator];
	if (!def) return null;
	const key = RECORD_KEY[def.table];
	const aggregates = def.value
		? `${def.value} AS value, NULL::DOUBLE AS numerator, NULL::DOUBLE AS denominator`
		: `NULL::DOUBLE AS value, ${def.numerator} AS numerator, ${def.denominator} AS denominator`;
	const V = q(opts.vintage);
	return `
WITH p AS (
  SELECT u.code, u.valid_to,
         EXISTS (SELECT 1 FROM unit_rollup m
                 WHERE m.unit_code = u.code AND m.unit_vintage = u.vintage AND m.member_vintage > u.vintage) AS continues
  FROM units u WHERE u.level = 'province' AND u.vintage = ${V}
),
g AS (
  SELECT code AS unit_code, DATE '${opts.year}-01-01' AS p_start,
         least(DATE '${opts.year}-12-31', DATE '${opts.asOf}', CASE WHEN continues THEN NULL ELSE valid_to END) AS p_end
  FROM p
),
r AS (
  SELECT r.*, u.unit_code AS cmp_unit FROM ${def.source} r
  JOIN ${def.table}_units u ON u.rec_key = ${key}
  WHERE u.unit_vintage = ${V}
),
n AS (SELECT cmp_unit, count(*) AS n_records FROM r GROUP BY cmp_unit)
SELECT g.unit_code AS code, g.p_end AS as_of, g.p_end >= g.p_start AS in_year,
       coalesce(n.n_records, 0) AS n_records, ${aggregates}, ${provenanceRank('r.provenance')} AS prov_rank
FROM g
LEFT JOIN n ON n.cmp_unit = g.unit_code
LEFT JOIN r ON r.cmp_unit = g.unit_code AND g.p_end >= g.p_start AND ${def.join(opts.planStart)}
GROUP BY g.unit_code, g.p_start, g.p_end, n.n_records`;
}

interface RecordCell {
	code: string;
	as_of: string;
	in_year: boolean;
	n_records: number;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	prov_rank: number | null;
}

async function provinces(db: Db, vintage: string): Promise<(UnitRow & { communes: number | null; continues: boolean })[]> {
	return toRows(
		await db.query(`
SELECT code, vintage, level, name_vi, name_en, parent_code, valid_from, valid_to, successor_code, communes,
       EXISTS (SELECT 1 FROM unit_rollup m
               WHERE m.unit_code = u.code AND m.unit_vintage = u.vintage AND m.member_vintage > u.vintage) AS continues
FROM units u WHERE level = 'province' AND vintage = ${q(vintage)}
ORDER BY code`)
	);
}

/** Provinces of the system with an observation of the indicator of their own or of a predecessor. */
async function observed(db: Db, indicator: string, vintage: string): Promise<Set<string>> {
	const rows = toRows<{ code: string }>(
		await db.query(`
SELECT DISTINCT m.unit_code AS code
FROM observations o JOIN unit_rollup m ON m.member_code = o.unit_code AND m.member_vintage = o.unit_vintage
WHERE o.indicator = ${q(indicator)} AND m.unit_vintage = ${q(vintage)}`)
	);
	return new Set(rows.map((r) => r.code));
}

async function publishedFigures(db: Db, indicator: string, vintage: string): Promise<Map<string, PublishedCheck[]>> {
	const map = new Map<string, PublishedCheck[]>();
	const table = await queryIfExists(
		db,
		'published_figures',
		`
SELECT unit_code, value, as_of, source_title, source_url FROM published_figures
WHERE indicator = ${q(indicator)} AND unit_vintage = ${q(vintage)} ORDER BY as_of`
	);
	if (!table) return map;
	const rows = toRows<PublishedCheck & { unit_code: string }>(table);
	for (const { unit_code, ...c } of rows) map.set(unit_code, [...(map.get(unit_code) ?? []), c]);
	return map;
}

async function datasetProvenance(db: Db): Promise<Map<string, Provenance>> {
	const rows = toRows<{ dataset: string; provenance: Provenance }>(await db.query(`SELECT dataset, provenance FROM datasets`));
	return new Map(rows.map((r) => [r.dataset, r.provenance]));
}

export async function compareProvinces(
	db: Db,
	opts: { indicator: IndicatorRow; year: number; view: CompareView; asOf?: string }
): Promise<Comparison> {
	const { indicator, year, view } = opts;
	const vintage = VIEW_VINTAGE[view];
	const asOf = opts.asOf ?? (await dataAsOf(db));
	const planStart = planStartFor(year);
	const [units, withObservations, published, datasets] = await Promise.all([
		provinces(db, vintage),
		observed(db, indicator.code, vintage),
		publishedFigures(db, indicator.code, vintage),
		datasetProvenance(db)
	]);

	const recordSql =
		indicator.source_table === 'observations'
			? null
			: compareRecordsSql({ indicator: indicator.code, vintage, year, asOf, planStart });
	const records = new Map<string, RecordCell>();
	if (recordSql) for (const r of toRows<RecordCell>(await db.query(recordSql))) records.set(r.code, r);

	const rows: CompareRow[] = [];
	for (const u of units) {
		const ended = !u.continues && !!u.valid_to && u.valid_to < `${year}-01-01`;
		const base = {
			code: u.code,
			vintage: u.vintage,
			name_vi: u.name_vi,
			name_en: u.name_en,
			successor_code: u.successor_code,
			communes: u.communes,
			published: null
		};
		const rec = records.get(u.code);
		let row: CompareRow;
		if (rec && rec.n_records > 0) {
			const value = rec.in_year ? (rec.value ?? ratio(rec.numerator, rec.denominator)) : null;
			row = {
				...base,
				value,
				numerator: rec.in_year ? rec.numerator : null,
				denominator: rec.in_year ? rec.denominator : null,
				as_of: rec.in_year ? rec.as_of : null,
				origin: 'records',
				reason: value != null ? null : ended ? 'ended' : 'no_figure',
				dataset: indicator.source_table,
				provenance:
					(rec.prov_rank ? PROVENANCE_BY_RANK[rec.prov_rank - 1] : null) ?? datasets.get(indicator.source_table) ?? null,
				sources: []
			};
		} else if (withObservations.has(u.code)) {
			const series = await readSeries(db, {
				indicator,
				unit: u,
				fromYear: Math.min(year, Number(planStart.slice(0, 4))),
				toYear: year,
				asOf,
				planStart
			});
			const point = series.points.find((p) => p.year === year && p.value != null) ?? null;
			row = {
				...base,
				value: point?.value ?? null,
				numerator: point?.numerator ?? null,
				denominator: point?.denominator ?? null,
				as_of: point?.asOf ?? null,
				origin: series.origin,
				reason: point ? null : ended ? 'ended' : 'no_figure',
				dataset: series.origin === 'records' ? indicator.source_table : 'observations',
				provenance: (series.provenance as Provenance | null) ?? datasets.get('observations') ?? null,
				sources: point ? series.sources : []
			};
		} else {
			row = {
				...base,
				value: null,
				numerator: null,
				denominator: null,
				as_of: null,
				origin: null,
				reason: ended ? 'ended' : 'no_data',
				dataset: null,
				provenance: null,
				sources: []
			};
		}
		const checks = (published.get(u.code) ?? []).filter((c) => row.as_of && c.as_of <= row.as_of);
		row.published = checks[checks.length - 1] ?? null;
		rows.push(row);
	}
	return { indicator: indicator.code, year, view, vintage, as_of: asOf, plan_start: planStart, rows };
}

/** Extensive quantities (counts, amounts) can be put per commune; ratios and milestones cannot. */
export function canNormalise(indicator: Pick<IndicatorRow, 'kind' | 'unit_vi'>): boolean {
	return ['level', 'flow', 'cumulative'].includes(indicator.kind) && !indicator.unit_vi.trim().startsWith('%');
}

export interface ShownValue {
	value: number | null;
	/** Why a value that exists cannot be shown in this normalisation. */
	missing: 'no_denominator' | null;
}

/** The value a row shows: as is, or per commune-level unit where the commune count is known. */
export function shownValue(row: Pick<CompareRow, 'value' | 'communes'>, mode: Normalisation): ShownValue {
	if (mode === 'none' || row.value == null) return { value: row.value, missing: null };
	if (!row.communes) return { value: null, missing: 'no_denominator' };
	return { value: row.value / row.communes, missing: null };
}

/** Rows with a value first, largest first; then rows without, by name. */
export function rankRows<T extends { value: number | null; name_vi: string }>(rows: T[]): T[] {
	return [...rows].sort((a, b) => {
		if (a.value != null && b.value != null) return b.value - a.value || a.name_vi.localeCompare(b.name_vi, 'vi');
		if (a.value != null) return -1;
		if (b.value != null) return 1;
		return a.name_vi.localeCompare(b.name_vi, 'vi');
	});
}

/**
 * The provinces of a system that stand for the chosen unit: the unit itself, the new
 * province an old one became, or the old provinces a new one was formed from.
 */
export function highlightCodes(
	unit: { code: string; vintage: string; level: string; successor_code: string | null } | undefined,
	vintage: string,
	oldProvinces: { code: string; successor_code: string | null }[]
): string[] {
	if (!unit || unit.level !== 'province') return [];
	if (unit.vintage === vintage) return [unit.code];
	if (vintage === '2025') return unit.successor_code ? [unit.successor_code] : [];
	return oldProvinces.filter((p) => p.successor_code === unit.code).map((p) => p.code);
}
