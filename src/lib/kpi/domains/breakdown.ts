/**
 * Record indicators split by a dimension (stars, group, district, quarter, field…).
 *
 * The join of each indicator is taken from RECORD_INDICATORS — the same definition
 * the KPI engine uses (series.ts `recordSeriesSql`) — so the parts of a breakdown
 * always add up to the engine's number; only the GROUP BY is added here.
 */
import type { Db } from '../../db/types';
import { toRows } from '../../db/rows';
import { literal } from '../../db/sql';
import type { UnitRow } from '../series';
import { gridSql, type GridRow } from '../sql/grid';
import { RECORD_INDICATORS, type RecordIndicator } from '../sql/record-indicators';
import { RECORD_KEY } from '../sql/views';

export interface BreakdownRequest {
	/** Code in RECORD_INDICATORS whose records and join are used. */
	indicator: string;
	unit: UnitRow;
	grid: GridRow[];
	planStart: string;
	/** Output column → SQL expression over r (and `joins`' aliases). */
	dims?: Record<string, string>;
	/** Further LEFT JOINs, e.g. unit names (aliases other than g, r). */
	joins?: string;
	/** Replace the indicator's aggregates (output column → SQL aggregate). */
	aggregates?: Record<string, string>;
	/** Replace the indicator's join: only for views around a definition, never a second one. */
	join?: (S: string) => string;
	/** Extra condition ANDed to the join. */
	where?: string;
}

export function indicatorDef(code: string): RecordIndicator {
	const def = RECORD_INDICATORS[code];
	if (!def) throw new Error(`${code} is not computed from records`);
	return def;
}

/** The records of `table` that count towards `unit` (as in the KPI engine). */
export function unitRecordsSql(def: RecordIndicator, unit: UnitRow): string {
	return `SELECT r.* FROM ${def.source} r
  JOIN ${def.table}_units u ON u.rec_key = ${RECORD_KEY[def.table]}
  WHERE u.unit_code = ${literal(unit.code)} AND u.unit_vintage = ${literal(unit.vintage)}`;
}

export function defaultAggregates(def: RecordIndicator): Record<string, string> {
	return def.value
		? { value: def.value }
		: { numerator: def.numerator!, denominator: def.denominator! };
}

function joinCondition(def: RecordIndicator, req: BreakdownRequest): string {
	const join = (req.join ?? def.join)(req.planStart);
	return req.where ? `(${join}) AND (${req.where})` : join;
}

export function breakdownSql(req: BreakdownRequest): string {
	const def = indicatorDef(req.indicator);
	const dims = Object.entries(req.dims ?? {}).map(([k, e]) => `${e} AS ${k}`);
	const aggs = Object.entries(req.aggregates ?? defaultAggregates(def)).map(([k, e]) => `${e} AS ${k}`);
	return `
WITH g AS (${gridSql(req.grid)}),
r AS (${unitRecordsSql(def, req.unit)})
SELECT g.year, g.p_end AS as_of${dims.map((d) => `, ${d}`).join('')}, ${aggs.join(', ')}
FROM g JOIN r ON ${joinCondition(def, req)}
${req.joins ?? ''}
GROUP BY ALL
ORDER BY ALL`;
}

export async function breakdown<T extends { year: number; as_of: string }>(db: Db, req: BreakdownRequest): Promise<T[]> {
	if (req.grid.length === 0) return [];
	return toRows<T>(await db.query(breakdownSql(req)));
}

export interface ListRequest extends Omit<BreakdownRequest, 'dims' | 'aggregates'> {
	/** Output column → SQL expression. */
	columns: Record<string, string>;
	orderBy: string;
	limit?: number;
}

/** The records behind an indicator's number at one date (e.g. the overdue tasks of NV04). */
export function recordListSql(req: ListRequest): string {
	const def = indicatorDef(req.indicator);
	const cols = Object.entries(req.columns).map(([k, e]) => `${e} AS ${k}`);
	return `
WITH g AS (${gridSql(req.grid)}),
r AS (${unitRecordsSql(def, req.unit)})
SELECT g.year, g.p_end AS as_of, ${cols.join(', ')}
FROM g JOIN r ON ${joinCondition(def, req)}
${req.joins ?? ''}
ORDER BY ${req.orderBy}${req.limit ? ` LIMIT ${Math.floor(req.limit)}` : ''}`;
}

export async function recordList<T>(db: Db, req: ListRequest): Promise<T[]> {
	if (req.grid.length === 0) return [];
	return toRows<T>(await db.query(recordListSql(req)));
}

/** A ratio indicator's value as the engine computes it: 100 · numerator / denominator. */
export const ratioValue = (num: number | null | undefined, den: number | null | undefined): number | null =>
	num == null || den == null || den === 0 ? null : (100 * num) / den;
