/**
 * What a domain page is about: one unit, one year, and the date the year is read at.
 *
 * The date follows the KPI engine (src/lib/kpi/series.ts): the year's end, the data's
 * as-of date for the current year, or the day an old province ended (2025-06-30) —
 * unless the old province continues unchanged as a new one (Quảng Ninh 22 → 22), whose
 * series runs on. One grid (sql/grid.ts) gives these dates to every query.
 */
import type { Db } from '../../db/types';
import { continues } from '../series';
import { dataAsOf } from '../scorecard';
import type { UnitRow } from '../series';
import { dateGrid, type GridRow } from '../sql/grid';

export interface DomainScope {
	unit: UnitRow;
	year: number;
	/** The data's as-of date (e.g. 2026-10-31). */
	asOf: string;
	/** Does an old unit continue unchanged as a new one (its series runs past 2025-06-30)? */
	continues: boolean;
	/** The date the year is read at; null when the unit did not exist in that year. */
	date: string | null;
	/** Plan period, e.g. '2021-2025': cumulative indicators count from its first day. */
	plan: string;
	planStart: string;
	/** First year of the data: series start here. */
	firstYear: number;
}

/** The plan a year belongs to when the URL names none. */
export const defaultPlan = (year: number): string => (year >= 2026 ? '2026-2030' : '2021-2025');

export const planStartOf = (plan: string): string => `${plan.slice(0, 4)}-01-01`;

/** Same rule as the series: an unchanged old province runs past 2025-06-30. */
export const unitContinues = continues;

/** Reading dates for the years `fromYear`..`toYear` (one grid row per year, no "same period" twin). */
export function yearsGrid(
	scope: Pick<DomainScope, 'asOf' | 'continues' | 'unit'>,
	fromYear: number,
	toYear: number
): GridRow[] {
	return dateGrid({
		fromYear,
		toYear,
		asOf: scope.asOf,
		unitValidTo: scope.continues ? null : scope.unit.valid_to
	}).filter((g) => g.tag === 'main');
}

/** The single grid row of the scope's year (empty when the unit did not exist then). */
export const yearGrid = (scope: DomainScope): GridRow[] => yearsGrid(scope, scope.year, scope.year);

export async function domainScope(
	db: Db,
	opts: { unit: UnitRow; year: number; plan?: string | null; firstYear?: number; asOf?: string }
): Promise<DomainScope> {
	const [asOf, continues] = await Promise.all([opts.asOf ?? dataAsOf(db), unitContinues(db, opts.unit)]);
	const plan = opts.plan ?? defaultPlan(opts.year);
	const partial = { unit: opts.unit, asOf, continues };
	const date = yearsGrid(partial, opts.year, opts.year)[0]?.end ?? null;
	return {
		...partial,
		year: opts.year,
		date,
		plan,
		planStart: planStartOf(plan),
		firstYear: opts.firstYear ?? 2019
	};
}
