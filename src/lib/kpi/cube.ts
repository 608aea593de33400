/**
 * The cubes: every series point the dashboard asks for on a filter change, computed at
 * build time (cube-build.ts) by the statements the browser would run (series.ts) and
 * published with the prepared tables (derived.ts). The page holds them in memory and a
 * filter change reads them by key, with no round trip to the database worker.
 *
 * The series cube keys a record-based point by what its value depends on: indicator,
 * unit, plan start (only for definitions counting "since the plan"), and the period's
 * first and last day. The observation cube holds each indicator's observation-based
 * series per unit, year by year.
 *
 * Only what the build computed is read from them; a series with any point outside (another
 * as-of date, a plan starting in another year) is computed as before. They are made from
 * the published data: after an upload, prepareKpiTables leaves a data generation without them.
 */
import { dateGrid, yearEarlier } from './sql/grid';
import { RECORD_INDICATORS } from './sql/record-indicators';

export const CUBE_TABLE = 'kpi_series_cube';

/** Does the definition count from the plan's start (its join reads S)? Then the cube keys on it. */
export function dependsOnPlanStart(code: string): boolean {
	const def = RECORD_INDICATORS[code];
	return !!def && def.join('1111-11-11') !== def.join('2222-02-22');
}

/** The cube's plan-start key of a request: '' for definitions that do not read it. */
export const planKey = (code: string, planStart: string) => (dependsOnPlanStart(code) ? planStart : '');

/**
 * The periods a unit's series can hold from `fromYear` to the as-of date: each year's
 * (dateGrid's "main" row) and the same period a year earlier (its "prev" twin).
 */
export function cubePeriods(fromYear: number, asOf: string, unitValidTo: string | null): { start: string; end: string }[] {
	const grid = dateGrid({ fromYear, toYear: Number(asOf.slice(0, 4)), asOf, unitValidTo });
	const seen = new Map<string, { start: string; end: string }>();
	for (const g of grid) {
		if (g.tag !== 'main') continue;
		const prevEnd = yearEarlier(g.end);
		for (const p of [
			{ start: g.start, end: g.end },
			{ start: `${prevEnd.slice(0, 4)}-01-01`, end: prevEnd }
		])
			seen.set(`${p.start}|${p.end}`, p);
	}
	return [...seen.values()].sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

/** One point of the cube: the aggregates of the batched statement's row. */
export interface CubePoint {
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	/** The unit's rows in the relation the definition reads (0: no records, read observations). */
	n_records: number;
	/** The rows the definition's join keeps in the period, before any FILTER (a breakdown's test for "has records"). */
	hits: number;
}

/** The columns of a cube table, read by name (works on any copy of apache-arrow). */
interface CubeColumns {
	numRows: number;
	getChild(name: string): { get(i: number): unknown } | null;
}

/**
 * The cube held in the page's memory, indexed by key: a filter change reads its points
 * without a round trip to the database worker. The columns stay Arrow vectors; only the
 * index is built, once per data generation.
 */
export class SeriesCube {
	readonly size: number;
	private readonly index = new Map<string, number>();
	private readonly value: { get(i: number): unknown };
	private readonly numerator: { get(i: number): unknown };
	private readonly denominator: { get(i: number): unknown };
	private readonly records: { get(i: number): unknown };
	private readonly hits: { get(i: number): unknown };

	constructor(table: CubeColumns) {
		const col = (name: string) => {
			const c = table.getChild(name);
			if (!c) throw new Error(`series cube: no column ${name}`);
			return c;
		};
		const keys = ['indicator', 'unit_code', 'unit_vintage', 'plan_start', 'p_start', 'p_end'].map(col);
		this.value = col('value');
		this.numerator = col('numerator');
		this.denominator = col('denominator');
		this.records = col('n_records');
		this.hits = col('hits');
		for (let i = 0; i < table.numRows; i++) this.index.set(keys.map((k) => String(k.get(i))).join('|'), i);
		// A duplicated key would make a point ambiguous: refuse the cube rather than pick one.
		if (this.index.size !== table.numRows) throw new Error(`series cube: ${table.numRows} rows but ${this.index.size} keys`);
		this.size = table.numRows;
	}

	/** The point of one series (indicator, unit, plan-start key as planKey gives it) over one period. */
	get(indicator: string, unitCode: string, unitVintage: string, plan: string, start: string, end: string): CubePoint | undefined {
		const i = this.index.get(`${indicator}|${unitCode}|${unitVintage}|${plan}|${start}|${end}`);
		if (i === undefined) return undefined;
		const num = (v: unknown) => (v == null ? null : Number(v));
		return { value: num(this.value.get(i)), numerator: num(this.numerator.get(i)), denominator: num(this.denominator.get(i)), n_records: Number(this.records.get(i)), hits: Number(this.hits.get(i)) };
	}
}

export const OBSERVATION_CUBE_TABLE = 'kpi_observation_cube';

/** One year of an observation-based series, as series.ts's observation statement gives it. */
export interface ObservationPoint {
	year: number;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	as_of: string;
	sources: string | null;
	prov_rank: number;
}

/**
 * Every observation-based series the build computed, over all years, by indicator and
 * unit. The statement works year by year (which unit's figure counts, flows added,
 * stocks at their latest), so a request for some years is these years' rows. A row with
 * no year marks a series computed without any year (nothing observed).
 */
export class ObservationCube {
	private readonly series = new Map<string, ObservationPoint[]>();

	constructor(table: CubeColumns) {
		const col = (name: string) => {
			const c = table.getChild(name);
			if (!c) throw new Error(`observation cube: no column ${name}`);
			return c;
		};
		const [indicator, unitCode, unitVintage, year, value, numerator, denominator, asOf, sources, rank] = [
			'indicator', 'unit_code', 'unit_vintage', 'year', 'value', 'numerator', 'denominator', 'as_of', 'sources', 'prov_rank'
		].map(col);
		const num = (v: unknown) => (v == null ? null : Number(v));
		for (let i = 0; i < table.numRows; i++) {
			const key = `${indicator.get(i)}|${unitCode.get(i)}|${unitVintage.get(i)}`;
			let points = this.series.get(key);
			if (!points) this.series.set(key, (points = []));
			const y = year.get(i);
			if (y == null) continue;
			points.push({
				year: Number(y),
				value: num(value.get(i)),
				numerator: num(numerator.get(i)),
				denominator: num(denominator.get(i)),
				as_of: String(asOf.get(i)),
				sources: sources.get(i) == null ? null : String(sources.get(i)),
				prov_rank: Number(rank.get(i))
			});
		}
		for (const points of this.series.values()) points.sort((a, b) => a.year - b.year);
	}

	/** The series' points from `fromYear` to `toYear`; undefined when the build did not compute it. */
	get(indicator: string, unitCode: string, unitVintage: string, fromYear: number, toYear: number): ObservationPoint[] | undefined {
		return this.series.get(`${indicator}|${unitCode}|${unitVintage}`)?.filter((p) => p.year >= fromYear && p.year <= toYear);
	}
}

/** The build's cubes, adopted together (prepare.ts keeps them with the data generation). */
export interface Cubes {
	series: SeriesCube;
	observations: ObservationCube;
}
