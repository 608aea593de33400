/**
 * Intellectual property: certification and collective marks (SH02) and geographical
 * indications (SH03) granted since the plan's start, patent and utility-solution
 * filings per year (SH05), and provincial key/specialty products (SH01, observations).
 */
import type { Db } from '../../db/types';
import { breakdown } from './breakdown';
import { engineSeries } from './observed';
import { yearsGrid, type DomainScope } from './scope';
import type { Series } from '../series';

export const IP_TYPES = ['certification_mark', 'collective_mark', 'geographical_indication', 'patent', 'utility_solution'] as const;
export type IpType = (typeof IP_TYPES)[number];

export interface IpTypeRow {
	year: number;
	as_of: string;
	ip_type: IpType;
	value: number;
}

/**
 * Marks and GIs granted since the plan's start at each year's reading date (SH02, SH03,
 * by type), from the plan's first year.
 */
export async function marksGranted(db: Db, scope: DomainScope): Promise<IpTypeRow[]> {
	const planYear = Number(scope.planStart.slice(0, 4));
	const base = { unit: scope.unit, grid: yearsGrid(scope, planYear, scope.year), planStart: scope.planStart, dims: { ip_type: 'r.ip_type' } };
	const [sh02, sh03] = await Promise.all([
		breakdown<IpTypeRow>(db, { ...base, indicator: 'SH02' }),
		breakdown<IpTypeRow>(db, { ...base, indicator: 'SH03' })
	]);
	return [...sh02, ...sh03];
}

/** Patent and utility-solution filings per year (SH05, by type). */
export function filingsPerYear(db: Db, scope: DomainScope, fromYear = scope.firstYear): Promise<IpTypeRow[]> {
	return breakdown<IpTypeRow>(db, {
		indicator: 'SH05',
		unit: scope.unit,
		grid: yearsGrid(scope, fromYear, scope.year),
		planStart: scope.planStart,
		dims: { ip_type: 'r.ip_type' }
	});
}

/** SH01 through the engine (observations), with sources. */
export const keyProducts = (db: Db, scope: DomainScope): Promise<Series> => engineSeries(db, scope, 'SH01');
