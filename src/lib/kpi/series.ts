/**
 * Reads the actual series of one indicator for one unit: from records where the
 * indicator is computed from records, from observations otherwise (and for units
 * without records, such as the country, whose figures are published totals).
 */
import type { Db } from '../db/types';
import { toRows } from '../db/rows';
import { dateGrid, gridSql, hoistPacked, packedRows, type GridRow, type PackedType } from './sql/grid';
import { RECORD_INDICATORS } from './sql/record-indicators';
import { RECORD_KEY } from './sql/views';
import { AGG_TABLES, aggAggregate, aggTable, gridOnCuts } from './sql/preagg';
import { OCOP_SEQ_TABLE, preparedFor } from './prepare';
import { planKey, type ObservationPoint, type SeriesCube } from './cube';
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

/** How one record-based series is read: which relation, which grid, which aggregates and join. */
interface RecordPlan {
	grid: GridRow[];
	/** Read the pre-aggregated groups (`<table>_agg`) instead of the records. */
	groups: boolean;
	table: string;
	/** Table or view the records come from (record path only). */
	source: string;
	/** The value, numerator and denominator aggregates (rewritten for the groups). */
	value: string | null;
	numerator: string | null;
	denominator: string | null;
	join: string;
}

function recordPlan(req: SeriesRequest, continues: boolean, cuts?: ReadonlySet<string>, fixedGrid?: GridRow[]): RecordPlan | null {
	const def = RECORD_INDICATORS[req.indicator.code];
	if (!def || req.unit.level === 'country') return null;
	const grid =
		fixedGrid ??
		dateGrid({
			fromYear: req.fromYear,
			toYear: req.toYear,
			asOf: req.asOf,
			unitValidTo: continues ? null : req.unit.valid_to
		});
	const parts = def.value
		? { value: def.value, numerator: null, denominator: null }
		: { value: null, numerator: def.numerator!, denominator: def.denominator! };
	const groups =
		!!cuts &&
		def.source === def.table &&
		!!AGG_TABLES[def.table] &&
		!Object.values(parts).some((e) => e && /count\(/i.test(aggAggregate(e))) &&
		gridOnCuts(cuts, [req.planStart, ...grid.flatMap((g) => [g.start, g.end])]);
	const rewrite = (e: string | null) => (e && groups ? aggAggregate(e) : e);
	// Cuts come from prepareKpiTables, which also made the copy of the OCOP view.
	const source = cuts && def.source === 'ocop_seq' ? OCOP_SEQ_TABLE : def.source;
	return {
		grid,
		groups,
		table: def.table,
		source,
		value: rewrite(parts.value),
		numerator: rewrite(parts.numerator),
		denominator: rewrite(parts.denominator),
		join: def.join(req.planStart)
	};
}

const selectAggregates = (p: RecordPlan) =>
	`${p.value ?? 'NULL::DOUBLE'} AS value, ${p.numerator ?? 'NULL::DOUBLE'} AS numerator, ${p.denominator ?? 'NULL::DOUBLE'} AS denominator`;

/**
 * SQL of a record-based series. Given the cut dates of the pre-aggregated tables
 * (prepare.ts), it reads the groups instead of the records wherever that gives the
 * same numbers (sql/preagg.ts says when); otherwise, and without cuts, the records.
 * readSeriesBatch reads many series at once with recordBatchSql; this one-series form
 * is the reference the tests hold it to.
 */
export function recordSeriesSql(req: SeriesRequest, continues = false, cuts?: ReadonlySet<string>): string | null {
	const plan = recordPlan(req, continues, cuts);
	if (!plan) return null;
	const unitFilter = `u.unit_code = ${sqlString(req.unit.code)} AND u.unit_vintage = ${sqlString(req.unit.vintage)}`;
	if (plan.groups) {
		return `
WITH g AS (${gridSql(plan.grid)}),
r AS (SELECT * FROM ${aggTable(plan.table)} u WHERE ${unitFilter})
SELECT g.year, g.tag, g.p_end AS as_of, ${selectAggregates(plan)}, (SELECT coalesce(sum(n), 0)::BIGINT FROM r) AS n_records
FROM g LEFT JOIN r ON ${plan.join}
GROUP BY g.year, g.tag, g.p_end
ORDER BY g.tag, g.year`;
	}
	return `
WITH g AS (${gridSql(plan.grid)}),
r AS (
  SELECT r.* FROM ${plan.source} r
  JOIN ${plan.table}_units u ON u.rec_key = ${RECORD_KEY[plan.table]}
  WHERE ${unitFilter}
)
SELECT g.year, g.tag, g.p_end AS as_of, ${selectAggregates(plan)}, (SELECT count(*) FROM r) AS n_records
FROM g LEFT JOIN r ON ${plan.join}
GROUP BY g.year, g.tag, g.p_end
ORDER BY g.tag, g.year`;
}

const AGGREGATE_CALL = /\b(count|sum)\(\s*(DISTINCT\s+)?(r\.\w+)\s*\)/gi;
const ANY_AGGREGATE = /\b(count|sum|avg|min|max|arg_max|arg_min|any_value|first|last|string_agg|list|median|quantile\w*|bool_\w+|product|mode)\s*\(/gi;

/** One aggregate call of a definition: fn([DISTINCT] arg) [FILTER (WHERE filter)]. */
export interface AggregateCall {
	fn: string;
	distinct: boolean;
	arg: string;
	filter: string | null;
}

/**
 * Splits an aggregate expression of a definition into its calls and the expression
 * around them (`template`, each call replaced by `{0}`, `{1}`…). Only count/sum of a
 * column of r, with or without FILTER, are understood; anything else gives null.
 */
export function splitAggregates(expr: string): { template: string; calls: AggregateCall[] } | null {
	const found = [...expr.matchAll(AGGREGATE_CALL)];
	if (found.length === 0 || [...expr.matchAll(ANY_AGGREGATE)].length !== found.length) return null;
	const calls: AggregateCall[] = [];
	let template = '';
	let at = 0;
	for (const m of found) {
		if (m.index! < at) return null;
		template += expr.slice(at, m.index) + `{${calls.length}}`;
		let end = m.index! + m[0].length;
		let filter: string | null = null;
		const head = /^\s*FILTER\s*\(\s*WHERE\s+/i.exec(expr.slice(end));
		if (head) {
			// The FILTER's condition runs to its closing parenthesis.
			const open = end + head[0].indexOf('(');
			let depth = 0;
			let close = -1;
			for (let i = open; i < expr.length && close < 0; i++) {
				const c = expr[i];
				if (c === "'") {
					i = expr.indexOf("'", i + 1);
					if (i < 0) return null;
				} else if (c === '(') depth++;
				else if (c === ')' && --depth === 0) close = i;
			}
			if (close < 0) return null;
			filter = expr.slice(end + head[0].length, close);
			end = close + 1;
		}
		calls.push({ fn: m[1].toLowerCase(), distinct: !!m[2], arg: m[3], filter });
		at = end;
	}
	return { template: template + expr.slice(at), calls };
}

const BATCH_GRID_COLUMNS: [string, PackedType][] = [
	['b', 'INTEGER'],
	['v', 'INTEGER'],
	['t', 'INTEGER'],
	['year', 'INTEGER'],
	['tag', 'VARCHAR'],
	['p_start', 'DATE'],
	['p_end', 'DATE'],
	['unit_code', 'VARCHAR'],
	['unit_vintage', 'VARCHAR']
];

interface BatchItem {
	index: number;
	unit: UnitRow;
	plan: RecordPlan;
}

/** The rows a plan reads, tagged with the unit they count for (kpi_unit_*) and their weight (kpi_n). */
function relationSql(plan: RecordPlan, t: number, units: string): string {
	return plan.groups
		? `SELECT ${t} AS kpi_t, unit_code AS kpi_unit_code, unit_vintage AS kpi_unit_vintage, n AS kpi_n, *
    FROM ${aggTable(plan.table)} WHERE (unit_code, unit_vintage) IN (${units})`
		: `SELECT ${t} AS kpi_t, u.unit_code AS kpi_unit_code, u.unit_vintage AS kpi_unit_vintage, 1 AS kpi_n, r.*
    FROM ${plan.source} r JOIN ${plan.table}_units u ON u.rec_key = ${RECORD_KEY[plan.table]}
    WHERE (u.unit_code, u.unit_vintage) IN (${units})`;
}

/**
 * Many record-based series in one statement. The rows each series reads (the groups
 * of a table, or its records) are put under one another (UNION ALL BY NAME, tagged
 * kpi_t); every series' grid rows, tagged with the series (b), the relation (t) and a
 * variant (v: one per distinct definition and plan start), meet their unit's rows
 * through an equality join. Each aggregate call of a variant, `f(x) FILTER (WHERE c)`,
 * becomes `f(CASE WHEN join AND c THEN x END)`: it aggregates exactly the rows that
 * recordSeriesSql's join and FILTER keep, as count and sum skip NULLs; calls of the
 * same function and column share one aggregate across variants (CASE on v), because
 * DuckDB's fixed cost per aggregate, not the rows, is what a filter change waits for.
 * n_records is the unit's row count (the sum of n for the groups), as there.
 * Null when a definition cannot be rewritten so.
 */
function recordBatchSql(items: BatchItem[], opts: { hits?: boolean } = {}): string | null {
	if (items.length === 0) return null;
	/** Per variant, the rows its join keeps (before any FILTER), for the cube's `hits`. */
	const hitBranches: string[] = [];
	const relations = new Map<string, { t: number; plan: RecordPlan; units: Set<string> }>();
	const variants = new Map<string, number>();
	/** Per output column, the variant's expression over the slots. */
	const outer: Record<'value' | 'numerator' | 'denominator', string[]> = { value: [], numerator: [], denominator: [] };
	/** Shared aggregates: key → branches per variant. */
	const slots = new Map<string, { name: string; fn: string; distinct: boolean; branches: string[] }>();
	const rows: (string | number)[][] = [];
	for (const { index, unit, plan } of items) {
		const relationKey = plan.groups ? `groups ${plan.table}` : `records ${plan.source} ${plan.table}`;
		let relation = relations.get(relationKey);
		if (!relation) relations.set(relationKey, (relation = { t: relations.size, plan, units: new Set() }));
		relation.units.add(`(${sqlString(unit.code)}, ${sqlString(unit.vintage)})`);
		const key = JSON.stringify([relation.t, plan.value, plan.numerator, plan.denominator, plan.join]);
		let v = variants.get(key);
		if (v === undefined) {
			v = variants.size;
			variants.set(key, v);
			hitBranches.push(`WHEN ${v} THEN CASE WHEN ${plan.join} THEN r.kpi_n END`);
			const used = new Map<string, number>();
			for (const col of ['value', 'numerator', 'denominator'] as const) {
				const expr = plan[col];
				if (expr === null) continue;
				const split = splitAggregates(expr);
				if (!split) return null;
				const names = split.calls.map((c) => {
					const base = `${c.fn}|${c.distinct}|${c.arg}`;
					const nth = used.get(base) ?? 0;
					used.set(base, nth + 1);
					let slot = slots.get(`${base}|${nth}`);
					if (!slot) slots.set(`${base}|${nth}`, (slot = { name: `s${slots.size}`, fn: c.fn, distinct: c.distinct, branches: [] }));
					const cond = c.filter === null ? plan.join : `(${plan.join}) AND (${c.filter})`;
					slot.branches.push(`WHEN ${v} THEN CASE WHEN ${cond} THEN ${c.arg} END`);
					return slot.name;
				});
				outer[col].push(`WHEN ${v} THEN ${split.template.replace(/\{(\d+)\}/g, (_m, i: string) => names[Number(i)])}`);
			}
		}
		for (const g of plan.grid) rows.push([index, v, relation.t, g.year, g.tag, g.start, g.end, unit.code, unit.vintage]);
	}
	const aggregates = [...slots.values()].map(
		(s) => `${s.fn}(${s.distinct ? 'DISTINCT ' : ''}CASE g.v ${s.branches.join(' ')} END) AS ${s.name}`
	);
	const column = (col: keyof typeof outer) =>
		outer[col].length ? `(CASE v ${outer[col].join(' ')} END)::DOUBLE AS ${col}` : `NULL::DOUBLE AS ${col}`;
	const union = [...relations.values()].map((r) => relationSql(r.plan, r.t, [...r.units].join(', '))).join('\n  UNION ALL BY NAME\n  ');
	return `
WITH g AS (${packedRows(BATCH_GRID_COLUMNS, rows)}),
r AS (
  ${union}
),
s AS (
  SELECT g.b, g.v, g.year, g.tag, g.p_end, ${aggregates.join(', ')}, coalesce(sum(r.kpi_n), 0)::BIGINT AS n_records${
		opts.hits ? `, coalesce(sum(CASE g.v ${hitBranches.join(' ')} END), 0)::BIGINT AS hits` : ''
	}
  FROM g LEFT JOIN r ON r.kpi_t = g.t AND r.kpi_unit_code = g.unit_code AND r.kpi_unit_vintage = g.unit_vintage
  GROUP BY g.b, g.v, g.year, g.tag, g.p_end
)
SELECT b AS batch_index, year, tag, p_end AS as_of, ${column('value')}, ${column('numerator')}, ${column('denominator')}, n_records${opts.hits ? ', hits' : ''}
FROM s`;
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

const OBSERVATION_REQUEST_COLUMNS: [string, PackedType][] = [
	['b', 'INTEGER'],
	['indicator', 'VARCHAR'],
	['unit_code', 'VARCHAR'],
	['unit_vintage', 'VARCHAR'],
	['flow', 'INTEGER'],
	['from_year', 'INTEGER'],
	['to_year', 'INTEGER']
];

/**
 * The record-based series among `reqs` (continues[i]: does reqs[i].unit continue past
 * 2025-06-30) as one statement; its rows start with batch_index = the position in reqs.
 * Null when none is record-based or a definition cannot be rewritten.
 */
export function recordSeriesBatchSql(reqs: SeriesRequest[], continues: boolean[], cuts?: ReadonlySet<string>): string | null {
	return recordBatchSql(
		reqs.flatMap((req, index) => {
			const plan = req.indicator.source_table === 'observations' ? null : recordPlan(req, continues[index], cuts);
			return plan ? [{ index, unit: req.unit, plan }] : [];
		})
	);
}

/**
 * Build time (cube-build.ts): the points of each spec's series over the given periods,
 * by the batched statement a filter change would otherwise run — so the cube holds
 * exactly the numbers the browser would compute. Rows as recordSeriesBatchSql's, with
 * `year` the first year of the period (every period starts on 1 January), and `hits`:
 * the rows the definition's join keeps, as a breakdown counts them (groupsPeriodSql).
 */
export function recordCubeSql(
	specs: { indicator: IndicatorRow; unit: UnitRow; planStart: string; periods: { start: string; end: string }[] }[],
	cuts?: ReadonlySet<string>
): string | null {
	const items: BatchItem[] = [];
	for (const [index, s] of specs.entries()) {
		const grid: GridRow[] = s.periods.map((p) => ({ year: Number(p.start.slice(0, 4)), tag: 'main', start: p.start, end: p.end }));
		const req = { indicator: s.indicator, unit: s.unit, fromYear: grid[0]?.year ?? 0, toYear: grid.at(-1)?.year ?? 0, asOf: '', planStart: s.planStart };
		const plan = recordPlan(req, false, cuts, grid);
		if (!plan) return null;
		items.push({ index, unit: s.unit, plan });
	}
	return recordBatchSql(items, { hits: true });
}

/** A series' rows from the cube (cube.ts), or null unless it holds every point of the grid. */
function fromCube(cube: SeriesCube, req: SeriesRequest, grid: GridRow[]): RecordRow[] | null {
	const plan = planKey(req.indicator.code, req.planStart);
	const rows: RecordRow[] = [];
	for (const g of grid) {
		const p = cube.get(req.indicator.code, req.unit.code, req.unit.vintage, plan, g.start, g.end);
		if (!p) return null;
		rows.push({ year: g.year, tag: g.tag, as_of: g.end, value: p.value, numerator: p.numerator, denominator: p.denominator, n_records: p.n_records });
	}
	return rows;
}

/** The figure of one unit over one period, read from the groups (groupsPeriodSql). */
export interface GroupsFigure {
	unit_code: string;
	unit_vintage: string;
	/** Records the definition's join keeps (before any FILTER of its aggregates). */
	hits: number;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
}

/**
 * The figure of `indicator` over one period (one grid row, the same for every unit) for
 * each of `units`, read from the pre-aggregated groups — null unless the groups give the
 * records' numbers there (sql/preagg.ts) and every aggregate is a count (sums of amounts
 * would not subtract exactly). A unit without rows in the groups gets no row.
 */
export function groupsPeriodSql(
	indicator: IndicatorRow,
	units: UnitRow[],
	period: { year: number; start: string; end: string },
	planStart: string,
	cuts?: ReadonlySet<string>
): string | null {
	if (units.length === 0) return null;
	const grid: GridRow[] = [{ year: period.year, tag: 'main', start: period.start, end: period.end }];
	const plan = recordPlan({ indicator, unit: units[0], fromYear: period.year, toYear: period.year, asOf: period.end, planStart }, false, cuts, grid);
	if (!plan || !plan.groups || !gridOnCuts(cuts!, [period.start, period.end])) return null;
	const columns: string[] = [];
	for (const col of ['value', 'numerator', 'denominator'] as const) {
		const expr = plan[col];
		if (expr === null) {
			columns.push(`NULL::DOUBLE AS ${col}`);
			continue;
		}
		const split = splitAggregates(expr);
		if (!split || split.calls.some((c) => c.fn !== 'sum' || c.distinct || c.arg !== 'r.n')) return null;
		// Counts: 0 where no group matches, as count() over the records gives.
		const calls = split.calls.map((c) => `coalesce(sum(CASE WHEN (${plan.join})${c.filter === null ? '' : ` AND (${c.filter})`} THEN r.n END), 0)`);
		columns.push(`(${split.template.replace(/\{(\d+)\}/g, (_m, i: string) => calls[Number(i)])})::DOUBLE AS ${col}`);
	}
	const list = units.map((u) => `(${sqlString(u.code)}, ${sqlString(u.vintage)})`).join(', ');
	return `
WITH g AS (${gridSql(grid)})
SELECT r.unit_code, r.unit_vintage, coalesce(sum(CASE WHEN ${plan.join} THEN r.n END), 0)::BIGINT AS hits, ${columns.join(', ')}
FROM g, ${aggTable(plan.table)} r
WHERE (r.unit_code, r.unit_vintage) IN (${list})
GROUP BY r.unit_code, r.unit_vintage`;
}

/**
 * observationSeriesSql for many series in one statement: the same CTEs, each carrying
 * the series (b) it belongs to, so every step works within one series exactly as the
 * single statement does; flows add up (sum), stocks take the latest (arg_max), chosen
 * per series. One statement instead of one part per series: DuckDB's fixed cost per
 * part, not the rows, is what a filter change waits for.
 */
export function observationBatchSql(items: { index: number; req: SeriesRequest }[]): string | null {
	if (items.length === 0) return null;
	const rows = items.map(({ index, req }) => [
		index,
		req.indicator.code,
		req.unit.code,
		req.unit.vintage,
		['flow', 'cumulative'].includes(req.indicator.kind) ? 1 : 0,
		req.fromYear,
		req.toYear
	]);
	const agg = (col: string) => `CASE WHEN q.flow = 1 THEN sum(${col}) ELSE arg_max(${col}, o.as_of) END`;
	return `
WITH q AS (${packedRows(OBSERVATION_REQUEST_COLUMNS, rows)}),
members AS (
  SELECT q.b, m.member_code, m.member_vintage, CASE WHEN m.member_vintage > m.unit_vintage THEN 1 ELSE 3 END AS priority
  FROM q JOIN unit_rollup m ON m.unit_code = q.unit_code AND m.unit_vintage = q.unit_vintage
  WHERE NOT (m.member_code = q.unit_code AND m.member_vintage = q.unit_vintage)
  UNION ALL SELECT b, unit_code, unit_vintage, 2 FROM q
),
o AS (
  SELECT m.b, CAST(substr(o.period, 1, 4) AS INTEGER) AS year, m.priority, o.unit_code, o.unit_vintage,
         o.value, o.numerator, o.denominator, o.source, o.provenance,
         coalesce(o.as_of, CASE WHEN length(o.period) = 4 THEN make_date(CAST(o.period AS INTEGER), 12, 31) END) AS as_of
  FROM observations o JOIN members m ON m.member_code = o.unit_code AND m.member_vintage = o.unit_vintage
  JOIN q ON q.b = m.b AND o.indicator = q.indicator
),
per_unit AS (
  SELECT o.b, o.year, o.priority, o.unit_code, o.unit_vintage,
         ${agg('o.value')} AS value, ${agg('o.numerator')} AS numerator, ${agg('o.denominator')} AS denominator,
         max(o.as_of) AS as_of, string_agg(DISTINCT o.source, ' · ') AS sources,
         max(CASE o.provenance WHEN 'illustrative' THEN 3 WHEN 'calibrated' THEN 2 ELSE 1 END) AS prov_rank
  FROM o JOIN q ON q.b = o.b
  WHERE o.year BETWEEN q.from_year AND q.to_year
  GROUP BY o.b, q.flow, o.year, o.priority, o.unit_code, o.unit_vintage
),
chosen AS (
  SELECT * FROM per_unit p
  WHERE priority = (SELECT min(priority) FROM per_unit x WHERE x.b = p.b AND x.year = p.year)
),
need AS (SELECT b, count(*) AS n FROM members WHERE priority = 3 GROUP BY b)
SELECT c.b AS batch_index, year,
       (CASE WHEN min(priority) < 3 OR (count(*) = coalesce(any_value(need.n), 0) AND count(value) = count(*))
            THEN sum(value) END)::DOUBLE AS value,
       sum(numerator)::DOUBLE AS numerator, sum(denominator)::DOUBLE AS denominator,
       max(as_of) AS as_of, string_agg(sources, ' · ') AS sources, max(prov_rank) AS prov_rank
FROM chosen c LEFT JOIN need ON need.b = c.b
GROUP BY c.b, year
HAVING min(priority) < 3 OR count(*) = coalesce(any_value(need.n), 0)`;
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
type ObservationRow = ObservationPoint;

/**
 * Many series in two round trips to the database: all record-based ones in one
 * statement (one part per relation read, see recordBatchSql), then, for those without
 * records, all observation-based ones in another. Each series comes out exactly as a
 * readSeries call of its own would give it.
 */
export async function readSeriesBatch(db: Db, reqs: SeriesRequest[]): Promise<Series[]> {
	const prepared = preparedFor(db);
	const cuts = prepared?.cuts;
	const conts = await Promise.all(reqs.map((req) => (req.indicator.source_table === 'observations' ? false : continues(db, req.unit))));
	const plans = reqs.map((req, i) => (req.indicator.source_table !== 'observations' ? recordPlan(req, conts[i], cuts) : null));
	const order = (a: RecordRow, b: RecordRow) => a.tag.localeCompare(b.tag) || a.year - b.year;
	// The build's cube first: a series is taken from it only when every point is there.
	const recordRows: (RecordRow[] | null)[] = reqs.map(() => null);
	const cube = prepared?.cube;
	if (cube) for (const [i, p] of plans.entries()) if (p) recordRows[i] = fromCube(cube.series, reqs[i], p.grid)?.sort(order) ?? null;
	const recordBased = plans.map((p, i) => !!p && !recordRows[i]);
	const oneByOne = reqs.flatMap((req, i) => {
		const one = recordBased[i] ? recordSeriesSql(req, conts[i], cuts) : null;
		return one
			? [
					`SELECT ${i} AS batch_index, year, tag, as_of, value::DOUBLE AS value, numerator::DOUBLE AS numerator, denominator::DOUBLE AS denominator, n_records::BIGINT AS n_records FROM (${one})`
				]
			: [];
	});
	const batch = recordBatchSql(plans.flatMap((plan, index) => (plan && recordBased[index] ? [{ index, unit: reqs[index].unit, plan }] : [])));
	// A definition the batch cannot rewrite, or tables it cannot put under one another
	// (columns of one name but unrelated types): every series is read on its own, as before.
	const computed = batch
		? await collect<RecordRow>(db, recordBased, [batch], order).catch(() => collect<RecordRow>(db, recordBased, oneByOne, order))
		: await collect<RecordRow>(db, recordBased, oneByOne, order);
	for (const [i, rows] of computed.entries()) if (rows) recordRows[i] = rows;
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
	// Observation-based series: from the cube where the build computed them, else in one statement.
	const obsRows: (ObservationRow[] | null)[] = reqs.map((req, i) =>
		out[i] || !cube ? null : (cube.observations.get(req.indicator.code, req.unit.code, req.unit.vintage, req.fromYear, req.toYear) ?? null)
	);
	const obsItems = reqs.flatMap((req, index) => (out[index] || obsRows[index] ? [] : [{ index, req }]));
	const obsBatch = observationBatchSql(obsItems);
	const computedObs = await collect<ObservationRow>(
		db,
		reqs.map((_, i) => !out[i] && !obsRows[i]),
		obsBatch ? [obsBatch] : [],
		(a, b) => a.year - b.year
	);
	for (const [i, rows] of computedObs.entries()) if (rows) obsRows[i] = rows;
	return reqs.map((req, i) => out[i] ?? observationSeries(req, obsRows[i] ?? []));
}

/**
 * Runs statements whose rows start with batch_index as one UNION ALL and hands each
 * wanted series its own rows back, sorted (null for those not wanted).
 */
async function collect<T>(db: Db, wanted: boolean[], statements: string[], order: (a: T, b: T) => number): Promise<(T[] | null)[]> {
	const result: (T[] | null)[] = wanted.map((w) => (w ? [] : null));
	if (statements.length === 0) return result;
	const { sql, params } = hoistPacked(statements.join('\nUNION ALL\n'));
	for (const row of toRows<T & { batch_index: number }>(await db.query(sql, params))) {
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
