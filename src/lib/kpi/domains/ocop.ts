/**
 * OCOP: products in force by star, group and area; status of the products at the
 * date; upgrades; certificates about to expire. Every count applies the in-force rule
 * of OC01 (view ocop_seq, sql/record-indicators.ts) — there is no second definition.
 */
import type { Db } from '../../db/types';
import { breakdown, recordList } from './breakdown';
import { engineSeries } from './observed';
import type { Series } from '../series';
import { RECORD_INDICATORS } from '../sql/record-indicators';
import { yearGrid, yearsGrid, type DomainScope } from './scope';

export const OCOP_GROUPS = ['food', 'beverage', 'herbal', 'textile', 'handicraft', 'tourism'] as const;
export const OCOP_STARS = [3, 4, 5] as const;

export interface StarRow {
	year: number;
	as_of: string;
	stars: number;
	value: number;
}

/** Products in force at each year's reading date, by stars (sums to OC01; parts are OC02–OC04). */
export function ocopByStars(db: Db, scope: DomainScope, fromYear = scope.firstYear): Promise<StarRow[]> {
	return breakdown<StarRow>(db, {
		indicator: 'OC01',
		unit: scope.unit,
		grid: yearsGrid(scope, fromYear, scope.year),
		planStart: scope.planStart,
		dims: { stars: 'r.stars' }
	});
}

export interface GroupRow {
	year: number;
	as_of: string;
	product_group: string;
	stars: number;
	value: number;
}

/** Products in force at the date by product group and stars. */
export function ocopByGroup(db: Db, scope: DomainScope): Promise<GroupRow[]> {
	return breakdown<GroupRow>(db, {
		indicator: 'OC01',
		unit: scope.unit,
		grid: yearGrid(scope),
		planStart: scope.planStart,
		dims: { product_group: 'r.product_group', stars: 'r.stars' }
	});
}

export interface AreaRow {
	year: number;
	as_of: string;
	/** District code (old province), old province code (new province); null: none recorded. */
	area_code: string | null;
	area_vintage: string | null;
	name_vi: string | null;
	name_en: string | null;
	stars: number;
	value: number;
}

/**
 * Products in force at the date by area: districts for an old province (records from
 * 2025-07-01 carry none), the old provinces for a new one (records from 2025-07-01
 * belong to the new province itself).
 */
export function ocopByArea(db: Db, scope: DomainScope): Promise<AreaRow[]> {
	const byDistrict = scope.unit.vintage === '2024';
	const joins = byDistrict
		? `LEFT JOIN units a ON a.level = 'district' AND a.vintage = '2024' AND a.code = r.district_code`
		: `LEFT JOIN units a ON a.level = 'province' AND a.code = r.province_code
		   AND (a.valid_from IS NULL OR r.decision_date >= a.valid_from)
		   AND (a.valid_to IS NULL OR r.decision_date <= a.valid_to)`;
	return breakdown<AreaRow>(db, {
		indicator: 'OC01',
		unit: scope.unit,
		grid: yearGrid(scope),
		planStart: scope.planStart,
		dims: { area_code: 'a.code', area_vintage: 'a.vintage', name_vi: 'a.name_vi', name_en: 'a.name_en', stars: 'r.stars' },
		joins
	});
}

export type OcopStatus = 'in_force' | 'expired' | 'revoked';
export interface StatusRow {
	year: number;
	as_of: string;
	status: OcopStatus;
	value: number;
}

/**
 * Every product ever certified, by the state of its latest certificate at the date:
 * in force (exactly OC01's rule), expired without re-assessment, or revoked.
 */
export function ocopStatus(db: Db, scope: DomainScope): Promise<StatusRow[]> {
	const inForce = RECORD_INDICATORS.OC01.join(scope.planStart);
	return breakdown<StatusRow>(db, {
		indicator: 'OC01',
		unit: scope.unit,
		grid: yearGrid(scope),
		planStart: scope.planStart,
		// the product's latest certificate at the date — in force or not
		join: () => `r.decision_date <= g.p_end AND (r.next_decision_date IS NULL OR r.next_decision_date > g.p_end)`,
		dims: {
			status: `CASE WHEN ${inForce} THEN 'in_force' WHEN r.revoked_date <= g.p_end THEN 'revoked' ELSE 'expired' END`
		}
	});
}

export interface UpgradeRow {
	year: number;
	as_of: string;
	from_stars: number;
	to_stars: number;
	value: number;
}

/** Upgrades per year (OC06: a certificate with more stars than the product's previous one). */
export function ocopUpgrades(db: Db, scope: DomainScope, fromYear = scope.firstYear): Promise<UpgradeRow[]> {
	return breakdown<UpgradeRow>(db, {
		indicator: 'OC06',
		unit: scope.unit,
		grid: yearsGrid(scope, fromYear, scope.year),
		planStart: scope.planStart,
		dims: { from_stars: 'r.prev_stars', to_stars: 'r.stars' }
	});
}

export interface ExpiringRow {
	year: number;
	as_of: string;
	certificate_id: string;
	product_name: string;
	producer_name: string;
	product_group: string;
	stars: number;
	decision_date: string;
	expiry_date: string;
	days_left: number;
	area_vi: string | null;
	area_en: string | null;
}

/** How far ahead the "to be re-assessed" list looks. */
export const EXPIRY_MONTHS = 6;

/** The same day `months` later, clamped to the month's end — as DuckDB's `date + INTERVAL n MONTH`. */
export function monthsAfter(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const index = y * 12 + (m - 1) + months;
	const [yy, mm] = [Math.floor(index / 12), (index % 12) + 1];
	const lastDay = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
	return `${yy}-${String(mm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Certificates in force at the date (OC01) that expire within `months` after it: what must be re-assessed. */
export function ocopExpiring(db: Db, scope: DomainScope, months = EXPIRY_MONTHS): Promise<ExpiringRow[]> {
	return recordList<ExpiringRow>(db, {
		indicator: 'OC01',
		unit: scope.unit,
		grid: yearGrid(scope),
		planStart: scope.planStart,
		where: `r.expiry_date <= CAST(g.p_end + INTERVAL ${Math.floor(months)} MONTH AS DATE)`,
		joins: `LEFT JOIN units d ON d.level = 'district' AND d.vintage = '2024' AND d.code = r.district_code
		  LEFT JOIN units p ON p.level = 'province' AND p.code = r.province_code
		   AND (p.valid_from IS NULL OR r.decision_date >= p.valid_from)
		   AND (p.valid_to IS NULL OR r.decision_date <= p.valid_to)`,
		columns: {
			certificate_id: 'r.certificate_id',
			product_name: 'r.product_name',
			producer_name: 'r.producer_name',
			product_group: 'r.product_group',
			stars: 'r.stars',
			decision_date: 'r.decision_date',
			expiry_date: 'r.expiry_date',
			days_left: 'date_diff(\'day\', g.p_end, r.expiry_date)',
			area_vi: 'coalesce(d.name_vi, p.name_vi)',
			area_en: 'coalesce(d.name_en, p.name_en)'
		},
		orderBy: 'r.expiry_date, r.product_name, r.certificate_id'
	});
}

/** Pivot star rows into one row per year with 3★/4★/5★ and the total (years without products get zeros). */
export function pivotStars(rows: StarRow[], years: number[]): { year: number; as_of: string | null; s3: number; s4: number; s5: number; total: number }[] {
	return years.map((year) => {
		const mine = rows.filter((r) => r.year === year);
		const get = (s: number) => mine.filter((r) => r.stars === s).reduce((a, r) => a + r.value, 0);
		const [s3, s4, s5] = [get(3), get(4), get(5)];
		return { year, as_of: mine[0]?.as_of ?? null, s3, s4, s5, total: s3 + s4 + s5 };
	});
}

/**
 * For the country, which has no records of its own: the engine's OC01 and OC04 series,
 * i.e. the published national totals (observations).
 */
export async function ocopNational(db: Db, scope: DomainScope): Promise<{ oc01: Series; oc04: Series }> {
	const [oc01, oc04] = await Promise.all([engineSeries(db, scope, 'OC01'), engineSeries(db, scope, 'OC04')]);
	return { oc01, oc04 };
}
