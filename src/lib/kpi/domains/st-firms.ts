/** S&T enterprises: certificates in force (DN01), new certificates per year (DN02), by field. */
import type { Db } from '../../db/types';
import { breakdown } from './breakdown';
import { yearGrid, yearsGrid, type DomainScope } from './scope';

export interface FirmYearRow {
	year: number;
	as_of: string;
	in_force: number;
	new_certs: number;
}

export async function firmsByYear(db: Db, scope: DomainScope, fromYear = scope.firstYear): Promise<FirmYearRow[]> {
	const grid = yearsGrid(scope, fromYear, scope.year);
	const run = (indicator: string) =>
		breakdown<{ year: number; as_of: string; value: number }>(db, { indicator, unit: scope.unit, grid, planStart: scope.planStart });
	const [dn01, dn02] = await Promise.all([run('DN01'), run('DN02')]);
	const at = (rows: { year: number; value: number }[], y: number) => rows.find((r) => r.year === y)?.value ?? 0;
	return grid.map((g) => ({ year: g.year, as_of: g.end, in_force: at(dn01, g.year), new_certs: at(dn02, g.year) }));
}

export interface FirmFieldRow {
	field: string;
	in_force: number;
	new_certs: number;
}

/** By field: certificates in force at the date (DN01) and issued in the year (DN02). */
export async function firmsByField(db: Db, scope: DomainScope): Promise<FirmFieldRow[]> {
	const grid = yearGrid(scope);
	const run = (indicator: string) =>
		breakdown<{ year: number; as_of: string; field: string; value: number }>(db, {
			indicator,
			unit: scope.unit,
			grid,
			planStart: scope.planStart,
			dims: { field: 'r.field' }
		});
	const [dn01, dn02] = await Promise.all([run('DN01'), run('DN02')]);
	const fields = [...new Set([...dn01, ...dn02].map((r) => r.field))];
	return fields
		.map((field) => ({
			field,
			in_force: dn01.find((r) => r.field === field)?.value ?? 0,
			new_certs: dn02.find((r) => r.field === field)?.value ?? 0
		}))
		.sort((a, b) => b.in_force - a.in_force || b.new_certs - a.new_certs || a.field.localeCompare(b.field, 'vi'));
}
