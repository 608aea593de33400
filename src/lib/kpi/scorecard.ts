/**
 * The scorecard: every target of a unit evaluated at a year, by one engine that runs
 * the same in the CLI, at build time (prerendered numbers) and in the browser.
 *
 * A new province (2025 system) also answers for its predecessors' 2021–2025 targets:
 * the leaders of new Hưng Yên are asked how old Hưng Yên and Thái Bình did.
 */
import type { Db } from '../db/types';
import type { Provenance } from '../data/schema';
import { toRows } from '../db/rows';
import { queryIfExists } from '../db/catalog';
import { actualPoint, evaluate, type StatusCode } from './semantics';
import { DOMAINS } from '../data/schema';
import { readSeriesBatch, type IndicatorRow, type SeriesRequest, type UnitRow } from './series';
import { perData } from './memo';

export interface TargetRow {
	indicator: string;
	unit_code: string;
	unit_vintage: string;
	plan: string;
	basis: 'provincial' | 'central';
	baseline_year: number | null;
	baseline_value: number | null;
	target_year: number;
	target_min: number;
	target_max: number | null;
	document: string;
	source_url: string | null;
	provenance: Provenance;
	note: string | null;
}

export interface PublishedCheck {
	value: number;
	as_of: string;
	source_title: string;
	source_url: string | null;
}

export interface ScorecardRow {
	indicator: string;
	domain: string;
	kind: IndicatorRow['kind'];
	direction: IndicatorRow['direction'];
	name_vi: string;
	name_en: string;
	measure_vi: string;
	measure_en: string;
	unit_code: string;
	unit_vintage: string;
	unit_name_vi: string;
	unit_name_en: string;
	plan: string;
	basis: TargetRow['basis'];
	baseline_year: number | null;
	baseline_value: number | null;
	target_year: number;
	target_min: number;
	target_max: number | null;
	actual: number | null;
	as_of: string | null;
	achievement: number | null;
	progress: number | null;
	expected: number | null;
	forecast: number | null;
	required_per_year: number | null;
	status: StatusCode;
	final: boolean;
	yoy_change: number | null;
	yoy_ratio: number | null;
	document: string;
	target_source_url: string | null;
	target_provenance: Provenance;
	actual_origin: 'records' | 'observations';
	actual_dataset: string;
	actual_provenance: Provenance;
	actual_sources: string[];
	published_check: PublishedCheck | null;
	series: { year: number; value: number | null }[];
}

export interface Scorecard {
	unit: UnitRow;
	year: number;
	as_of: string;
	rows: ScorecardRow[];
	counts: Record<StatusCode, number>;
}

const STATUSES: StatusCode[] = ['exceeded', 'met', 'not_met', 'on_track', 'at_risk', 'off_track', 'no_data'];
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export function dataAsOf(db: Db): Promise<string> {
	return perData(db, 'as_of', async () => {
		const [row] = toRows<{ as_of: string }>(await db.query(`SELECT max(as_of) AS as_of FROM datasets`));
		return row.as_of;
	});
}

export async function listUnits(db: Db): Promise<UnitRow[]> {
	return toRows<UnitRow>(
		await db.query(`
SELECT code, vintage, level, name_vi, name_en, parent_code, valid_from, valid_to, successor_code FROM units
WHERE level = 'country' OR (code, vintage) IN (SELECT unit_code, unit_vintage FROM targets)
   OR (level = 'province' AND vintage = '2025' AND code IN (SELECT successor_code FROM units WHERE (code, vintage) IN (SELECT unit_code, unit_vintage FROM targets)))
ORDER BY level = 'country' DESC, vintage DESC, name_vi`)
	);
}

/**
 * Resolve a unit code as a user types it: "34", "33@2024", "VN". A code that exists
 * in both systems means the current (2025) unit unless a vintage is given.
 */
export async function resolveUnit(db: Db, ref: string): Promise<UnitRow | null> {
	const [code, vintage] = ref.split('@');
	const rows = toRows<UnitRow>(
		await db.query(`
SELECT code, vintage, level, name_vi, name_en, parent_code, valid_from, valid_to, successor_code FROM units
WHERE code = ${q(code)} ${vintage ? `AND vintage = ${q(vintage)}` : ''}
ORDER BY vintage DESC LIMIT 1`)
	);
	return rows[0] ?? null;
}

// The catalogue, provenance, published checks, targets and units below change only
// with the data: each is read once per data generation (memo.ts), not per filter change.

function targetsFor(db: Db, unit: UnitRow): Promise<(TargetRow & { unit_name_vi: string; unit_name_en: string })[]> {
	return perData(db, `targets|${unit.code}|${unit.vintage}`, async () => toRows(
		await db.query(`
SELECT t.*, u.name_vi AS unit_name_vi, u.name_en AS unit_name_en
FROM targets t JOIN units u ON u.code = t.unit_code AND u.vintage = t.unit_vintage
WHERE (t.unit_code = ${q(unit.code)} AND t.unit_vintage = ${q(unit.vintage)})
   OR (${q(unit.vintage)} = '2025' AND u.vintage = '2024' AND u.level = 'province' AND u.successor_code = ${q(unit.code)})
ORDER BY t.target_year, t.indicator, t.unit_vintage DESC, u.name_vi, t.basis`)
	));
}

function catalogue(db: Db): Promise<Map<string, IndicatorRow>> {
	return perData(db, 'catalogue', async () => {
		const rows = toRows<IndicatorRow>(await db.query(`SELECT * FROM indicators`));
		return new Map(rows.map((r) => [r.code, r]));
	});
}

function datasetProvenance(db: Db): Promise<Map<string, string>> {
	return perData(db, 'provenance', async () => {
		const rows = toRows<{ dataset: string; provenance: string }>(await db.query(`SELECT dataset, provenance FROM datasets`));
		return new Map(rows.map((r) => [r.dataset, r.provenance]));
	});
}

function publishedChecks(db: Db): Promise<Map<string, PublishedCheck[]>> {
	return perData(db, 'published', () => readPublishedChecks(db));
}

async function readPublishedChecks(db: Db): Promise<Map<string, PublishedCheck[]>> {
	const table = await queryIfExists(
		db,
		'published_figures',
		`SELECT indicator, unit_code, unit_vintage, value, as_of, source_title, source_url FROM published_figures ORDER BY as_of`
	);
	if (!table) return new Map();
	const rows = toRows<PublishedCheck & { indicator: string; unit_code: string; unit_vintage: string }>(table);
	const map = new Map<string, PublishedCheck[]>();
	for (const r of rows) {
		const k = `${r.indicator}|${r.unit_code}|${r.unit_vintage}`;
		map.set(k, [...(map.get(k) ?? []), { value: r.value, as_of: r.as_of, source_title: r.source_title, source_url: r.source_url }]);
	}
	return map;
}

export const planStartYear = (plan: string) => Number(plan.slice(0, 4));

/**
 * First year a target's series is read from: two years of history before the plan,
 * or its baseline year. A running total before its plan began is not a figure, so a
 * cumulative series starts at its zero, the year before the plan.
 */
export function seriesFromYear(kind: IndicatorRow['kind'], plan: string, baselineYear: number | null): number {
	const start = planStartYear(plan);
	return kind === 'cumulative' ? start - 1 : Math.min(start - 2, baselineYear ?? start);
}

/** The units of the targets, by 'code@vintage', read as resolveUnit reads one. */
async function unitsByKey(db: Db, targets: { unit_code: string; unit_vintage: string }[]): Promise<Map<string, UnitRow>> {
	const keys = [...new Set(targets.map((t) => `(${q(t.unit_code)}, ${q(t.unit_vintage)})`))];
	if (keys.length === 0) return new Map();
	return perData(db, `units|${keys.join(', ')}`, async () => {
		const rows = toRows<UnitRow>(
			await db.query(`
SELECT code, vintage, level, name_vi, name_en, parent_code, valid_from, valid_to, successor_code FROM units
WHERE (code, vintage) IN (${keys.join(', ')})`)
		);
		return new Map(rows.map((u) => [`${u.code}@${u.vintage}`, u]));
	});
}

export async function computeScorecard(db: Db, opts: { unit: UnitRow; year: number; asOf?: string }): Promise<Scorecard> {
	const asOf = opts.asOf ?? (await dataAsOf(db));
	const [indicators, provenance, checks, targets] = await Promise.all([
		catalogue(db),
		datasetProvenance(db),
		publishedChecks(db),
		targetsFor(db, opts.unit)
	]);
	// Every unit the targets name, in one query; then every series in two (series.ts).
	const units = await unitsByKey(db, targets);
	const requests: SeriesRequest[] = targets.map((t) => {
		const ind = indicators.get(t.indicator)!;
		const startYear = planStartYear(t.plan);
		return {
			indicator: ind,
			unit: units.get(`${t.unit_code}@${t.unit_vintage}`)!,
			fromYear: seriesFromYear(ind.kind, t.plan, t.baseline_year),
			toYear: Math.max(opts.year, startYear),
			asOf,
			planStart: `${startYear}-01-01`
		};
	});
	const allSeries = await readSeriesBatch(db, requests);

	const rows: ScorecardRow[] = [];
	for (const [i, t] of targets.entries()) {
		const ind = indicators.get(t.indicator)!;
		const unit = requests[i].unit;
		const startYear = planStartYear(t.plan);
		const series = allSeries[i];
		// Cumulative targets count from the plan's start: the baseline is zero the year before.
		const cumulativeFromZero = ind.kind === 'cumulative' && t.baseline_value == null;
		const spec = {
			kind: ind.kind,
			direction: ind.direction,
			baselineYear: cumulativeFromZero ? startYear - 1 : t.baseline_year,
			baselineValue: cumulativeFromZero ? 0 : t.baseline_value,
			targetYear: t.target_year,
			targetMin: t.target_min,
			targetMax: t.target_max
		};
		const points = series.points.map((p) => ({ year: p.year, value: p.value, asOf: p.asOf }));
		// "So với cùng kỳ" read at the same date a year before — only meaningful when the
		// actual is the series' last point; otherwise the engine compares full years.
		const actualAt = actualPoint(spec, points, opts.year);
		const lastPoint = points.at(-1);
		const samePeriod = actualAt && lastPoint && actualAt.asOf === lastPoint.asOf ? series.previous : undefined;
		const ev = evaluate(spec, points, opts.year, { previous: samePeriod ?? undefined });
		const dataset = series.origin === 'records' ? ind.source_table : 'observations';
		const published = (checks.get(`${t.indicator}|${unit.code}|${unit.vintage}`) ?? []).filter(
			(c) => !ev.actualAsOf || c.as_of <= ev.actualAsOf
		);
		rows.push({
			indicator: t.indicator,
			domain: ind.domain,
			kind: ind.kind,
			direction: ind.direction,
			name_vi: ind.name_vi,
			name_en: ind.name_en,
			measure_vi: ind.unit_vi,
			measure_en: ind.unit_en,
			unit_code: unit.code,
			unit_vintage: unit.vintage,
			unit_name_vi: unit.name_vi,
			unit_name_en: unit.name_en,
			plan: t.plan,
			basis: t.basis,
			baseline_year: ev.baselineUsed?.year ?? t.baseline_year,
			baseline_value: ev.baselineUsed?.value ?? t.baseline_value,
			target_year: t.target_year,
			target_min: t.target_min,
			target_max: t.target_max,
			actual: ev.actual,
			as_of: ev.actualAsOf,
			achievement: ev.achievement,
			progress: ev.progress,
			expected: ev.expected,
			forecast: ev.forecast,
			required_per_year: ev.requiredPerYear,
			status: ev.status,
			final: ev.final,
			yoy_change: ev.yoy.change,
			yoy_ratio: ev.yoy.ratio,
			document: t.document,
			target_source_url: t.source_url,
			target_provenance: t.provenance,
			actual_origin: series.origin,
			actual_dataset: dataset,
			actual_provenance: (series.provenance ?? provenance.get(dataset) ?? 'illustrative') as Provenance,
			actual_sources: series.sources,
			published_check: published[published.length - 1] ?? null,
			series: series.points.map((p) => ({ year: p.year, value: p.value }))
		});
	}
	const domainRank = (d: string) => (DOMAINS as readonly string[]).indexOf(d);
	const own = (r: ScorecardRow) => (r.unit_code === opts.unit.code && r.unit_vintage === opts.unit.vintage ? 0 : 1);
	rows.sort(
		(a, b) =>
			a.plan.localeCompare(b.plan) ||
			own(a) - own(b) ||
			a.unit_name_vi.localeCompare(b.unit_name_vi, 'vi') ||
			domainRank(a.domain) - domainRank(b.domain) ||
			a.indicator.localeCompare(b.indicator) ||
			a.target_year - b.target_year ||
			a.basis.localeCompare(b.basis)
	);
	const counts = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length])) as Record<StatusCode, number>;
	return { unit: opts.unit, year: opts.year, as_of: asOf, rows, counts };
}
