/**
 * S&T budget: allocated versus disbursed by quarter (state budget = central +
 * provincial, as NS01–NS03), by source (non-state as NS05), the cumulative
 * disbursement rate, and the S&T share of provincial spending (NS04) against the
 * national norms.
 */
import type { Db } from '../../db/types';
import { toRows } from '../../db/rows';
import { breakdown, ratioValue } from './breakdown';
import { engineSeries } from './observed';
import { yearGrid, type DomainScope } from './scope';
import type { Series } from '../series';

export interface QuarterRow {
	quarter: number;
	allocated: number;
	disbursed: number;
	/** The quarter's own rate, % (NS03 over the quarter). */
	rate: number | null;
	/** Cumulative since 1 January: Σ disbursed / Σ allocated, % (NS03 at the quarter's end). */
	cumulative_rate: number | null;
	cumulative_allocated: number;
	cumulative_disbursed: number;
}

/** State budget by quarter of the scope's year, up to its date (NS03's join: numerator disbursed, denominator allocated). */
export async function budgetByQuarter(db: Db, scope: DomainScope): Promise<QuarterRow[]> {
	const rows = await breakdown<{ year: number; as_of: string; quarter: number; numerator: number | null; denominator: number | null }>(db, {
		indicator: 'NS03',
		unit: scope.unit,
		grid: yearGrid(scope),
		planStart: scope.planStart,
		dims: { quarter: 'r.quarter' }
	});
	return cumulate(rows.map((r) => ({ quarter: r.quarter, allocated: r.denominator ?? 0, disbursed: r.numerator ?? 0 })));
}

/** Running totals; ratios re-aggregated as sum / sum, never averaged. */
export function cumulate(rows: { quarter: number; allocated: number; disbursed: number }[]): QuarterRow[] {
	let a = 0;
	let d = 0;
	return [...rows]
		.sort((x, y) => x.quarter - y.quarter)
		.map((r) => {
			a += r.allocated;
			d += r.disbursed;
			return {
				...r,
				rate: ratioValue(r.disbursed, r.allocated),
				cumulative_rate: ratioValue(d, a),
				cumulative_allocated: a,
				cumulative_disbursed: d
			};
		});
}

export const BUDGET_SOURCES = ['central', 'provincial', 'non_state'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];

export interface SourceRow {
	source: BudgetSource;
	allocated: number;
	disbursed: number;
	rate: number | null;
}

/** The year to date by source: central and provincial as NS03 counts them, non-state as NS05. */
export async function budgetBySource(db: Db, scope: DomainScope): Promise<SourceRow[]> {
	const base = { unit: scope.unit, grid: yearGrid(scope), planStart: scope.planStart, dims: { source: 'r.source' } };
	type Row = { year: number; as_of: string; source: BudgetSource; allocated: number; disbursed: number };
	const [state, nonState] = await Promise.all([
		breakdown<Row>(db, { ...base, indicator: 'NS03', aggregates: { allocated: 'coalesce(sum(r.allocated_bn), 0)', disbursed: 'coalesce(sum(r.disbursed_bn), 0)' } }),
		breakdown<Row>(db, { ...base, indicator: 'NS05', aggregates: { allocated: 'coalesce(sum(r.allocated_bn), 0)', disbursed: 'coalesce(sum(r.disbursed_bn), 0)' } })
	]);
	const all = [...state, ...nonState];
	return BUDGET_SOURCES.flatMap((source) => {
		const r = all.find((x) => x.source === source);
		return r ? [{ source, allocated: r.allocated, disbursed: r.disbursed, rate: ratioValue(r.disbursed, r.allocated) }] : [];
	});
}

/** NS04 through the engine: numerator (S&T spending) and denominator (provincial spending) per year. */
export const budgetShare = (db: Db, scope: DomainScope): Promise<Series> => engineSeries(db, scope, 'NS04');

export interface BudgetNorm {
	value: number;
	document: string;
	source_url: string | null;
	plan: string;
}

/**
 * The national floors for the S&T share (2 % of the 2013 S&T Law, 3 % of Resolution 57),
 * as recorded in the targets with central basis — so the lines say which document set them.
 */
export async function budgetNorms(db: Db): Promise<BudgetNorm[]> {
	return toRows<BudgetNorm>(
		await db.query(`
SELECT target_min AS value, any_value(document) AS document, any_value(source_url) AS source_url, min(plan) AS plan
FROM targets WHERE indicator = 'NS04' AND basis = 'central'
GROUP BY target_min ORDER BY target_min`)
	);
}
