/**
 * The KPI SQL on a dataset small enough to work by hand, in real DuckDB-WASM.
 *
 * Units: old Thái Bình 34 and old Hưng Yên 33 (until 2025-06-30) merge into new
 * Hưng Yên 33 (from 2025-07-01); district 336 belongs to Thái Bình.
 * OCOP certificates (valid 36 months):
 *   P1 Thái Bình/336  3★ 2021-03-01 (would expire 2024-03-01) → upgraded 4★ 2024-02-15 (to 2027-02-15)
 *   P2 old Hưng Yên   3★ 2022-06-01, not renewed → expires 2025-06-01
 *   P3 Thái Bình      3★ 2023-01-10, revoked 2023-09-01
 *   P4 new Hưng Yên   5★ 2025-09-01
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { prepareKpiTables } from '../../src/lib/kpi/prepare';
import { readSeries, type IndicatorRow, type UnitRow } from '../../src/lib/kpi/series';

let db: Db;

const UNITS: UnitRow[] = [
	{ code: '34', vintage: '2024', level: 'province', name_vi: 'Thái Bình', name_en: 'Thai Binh', parent_code: null, valid_from: null, valid_to: '2025-06-30', successor_code: '33' },
	{ code: '33', vintage: '2024', level: 'province', name_vi: 'Hưng Yên', name_en: 'Hung Yen', parent_code: null, valid_from: null, valid_to: '2025-06-30', successor_code: '33' },
	{ code: '33', vintage: '2025', level: 'province', name_vi: 'Hưng Yên', name_en: 'Hung Yen', parent_code: null, valid_from: '2025-07-01', valid_to: null, successor_code: null },
	{ code: '22', vintage: '2024', level: 'province', name_vi: 'Quảng Ninh', name_en: 'Quang Ninh', parent_code: null, valid_from: null, valid_to: '2025-06-30', successor_code: '22' },
	{ code: '22', vintage: '2025', level: 'province', name_vi: 'Quảng Ninh', name_en: 'Quang Ninh', parent_code: null, valid_from: '2025-07-01', valid_to: null, successor_code: null },
	{ code: '336', vintage: '2024', level: 'district', name_vi: 'Vũ Thư', name_en: 'Vu Thu', parent_code: '34', valid_from: null, valid_to: '2025-06-30', successor_code: null }
];
const unit = (code: string, vintage: string) => UNITS.find((u) => u.code === code && u.vintage === vintage)!;

const ind = (code: string, kind: IndicatorRow['kind'], source_table: string): IndicatorRow => ({
	code,
	domain: 'ocop',
	name_vi: code,
	name_en: code,
	unit_vi: 'sản phẩm',
	unit_en: 'products',
	direction: 'up',
	kind,
	source_table,
	definition_vi: '',
	definition_en: ''
});

const series = async (code: string, kind: IndicatorRow['kind'], table: string, u: UnitRow, from = 2021, to = 2026) =>
	readSeries(db, { indicator: ind(code, kind, table), unit: u, fromYear: from, toYear: to, asOf: '2026-10-31', planStart: '2021-01-01' });
const values = (s: Awaited<ReturnType<typeof series>>) => Object.fromEntries(s.points.map((p) => [p.year, p.value]));

const v = (s: string | null) => (s === null ? 'NULL' : `'${s}'`);

beforeAll(async () => {
	db = await openNodeDb();
	await db.query(`CREATE TABLE units (code VARCHAR, vintage VARCHAR, level VARCHAR, name_vi VARCHAR, name_en VARCHAR, parent_code VARCHAR, valid_from DATE, valid_to DATE, successor_code VARCHAR)`);
	for (const u of UNITS)
		await db.query(`INSERT INTO units VALUES (${v(u.code)}, ${v(u.vintage)}, ${v(u.level)}, ${v(u.name_vi)}, ${v(u.name_en)}, ${v(u.parent_code)}, ${v(u.valid_from)}, ${v(u.valid_to)}, ${v(u.successor_code)})`);
	await db.query(`CREATE TABLE ocop_products (certificate_id VARCHAR, product_id VARCHAR, producer_id VARCHAR, producer_type VARCHAR, province_code VARCHAR, district_code VARCHAR, stars INTEGER, decision_date DATE, revoked_date DATE)`);
	await db.query(`INSERT INTO ocop_products VALUES
		('C1', 'P1', 'H1', 'cooperative', '34', '336', 3, '2021-03-01', NULL),
		('C2', 'P1', 'H1', 'cooperative', '34', '336', 4, '2024-02-15', NULL),
		('C3', 'P2', 'H2', 'household', '33', NULL, 3, '2022-06-01', NULL),
		('C4', 'P3', 'H3', 'enterprise', '34', NULL, 3, '2023-01-10', '2023-09-01'),
		('C5', 'P4', 'H4', 'enterprise', '33', NULL, 5, '2025-09-01', NULL),
		('C6', 'P5', 'H5', 'enterprise', '22', NULL, 4, '2024-03-01', NULL),
		('C7', 'P6', 'H6', 'household', '22', NULL, 5, '2025-11-03', NULL)`);
	await db.query(`CREATE TABLE startups (project_id VARCHAR, province_code VARCHAR, district_code VARCHAR, supported_date DATE, incubated_at_centre BOOLEAN, firm_founded_date DATE, capital_raised_date DATE, capital_raised_bn DOUBLE)`);
	await db.query(`INSERT INTO startups VALUES
		('S0', '34', NULL, '2020-05-01', false, NULL, NULL, NULL),
		('S1', '34', NULL, '2021-02-01', true, '2022-01-01', NULL, NULL),
		('S2', '34', NULL, '2023-03-01', false, NULL, '2024-05-01', 2.5)`);
	// the other record tables exist, empty
	await db.query(`CREATE TABLE st_firms (certificate_id VARCHAR, province_code VARCHAR, district_code VARCHAR, certificate_date DATE, revoked_date DATE)`);
	await db.query(`CREATE TABLE st_tasks (task_id VARCHAR, province_code VARCHAR, start_date DATE)`);
	await db.query(`CREATE TABLE ip_titles (ip_id VARCHAR, province_code VARCHAR, filing_date DATE)`);
	await db.query(`CREATE TABLE budget (province_code VARCHAR, year INTEGER, quarter INTEGER, source VARCHAR, category VARCHAR)`);
	await db.query(`CREATE TABLE observations (indicator VARCHAR, unit_code VARCHAR, unit_vintage VARCHAR, period VARCHAR, as_of DATE, value DOUBLE, numerator DOUBLE, denominator DOUBLE, source VARCHAR, provenance VARCHAR)`);
	await db.query(`INSERT INTO observations VALUES
		('KN05', '34', '2024', '2024', NULL, 5, NULL, NULL, 'Báo cáo Thái Bình', 'illustrative'),
		('KN05', '33', '2024', '2024', NULL, 7, NULL, NULL, 'Báo cáo Hưng Yên', 'illustrative'),
		('KN05', '33', '2024', '2023', NULL, 4, NULL, NULL, 'Báo cáo Hưng Yên', 'published'),
		('KN05', '33', '2025', '2026', '2026-09-30', 15, NULL, NULL, 'Báo cáo Hưng Yên mới', 'illustrative'),
		('KN06', '22', '2024', '2025', '2025-06-30', 3, NULL, NULL, 'Sở KH&CN Quảng Ninh', 'illustrative'),
		('KN06', '22', '2025', '2025', NULL, 4, NULL, NULL, 'Sở KH&CN Quảng Ninh', 'illustrative'),
		('NS04', '34', '2024', '2024', NULL, NULL, 2, 400, 'QT ngân sách', 'illustrative'),
		('NS04', '33', '2024', '2024', NULL, NULL, 6, 600, 'QT ngân sách', 'illustrative')`);
	await prepareKpiTables(db);
});

afterAll(async () => db?.close());

describe('OCOP certificates in force (36 months, latest per product, revocation)', () => {
	it('old Thái Bình: one product in force each year; the series stops when the unit ends', async () => {
		const s = await series('OC01', 'level', 'ocop_products', unit('34', '2024'));
		// P3 is revoked within 2023, P1 is renewed before its expiry: always exactly 1.
		expect(values(s)).toEqual({ 2021: 1, 2022: 1, 2023: 1, 2024: 1, 2025: 1 });
		expect(s.points.at(-1)!.asOf).toBe('2025-06-30');
		expect(s.origin).toBe('records');
	});

	it('counts by star follow the upgrade of P1 on 2024-02-15', async () => {
		expect(values(await series('OC02', 'level', 'ocop_products', unit('34', '2024')))[2024]).toBe(0);
		expect(values(await series('OC03', 'level', 'ocop_products', unit('34', '2024')))[2024]).toBe(1);
		expect(values(await series('OC03', 'level', 'ocop_products', unit('34', '2024')))[2023]).toBe(0);
	});

	it('new Hưng Yên rolls up both predecessors before the merger and its own records after', async () => {
		const s = await series('OC01', 'level', 'ocop_products', unit('33', '2025'));
		// 2022: P1 + P2 (+ P3 not yet) = 2; 2023: P1 + P2 (P3 revoked) = 2; 2024: P1 + P2 = 2;
		// 2025: P1 + P4 (P2 expired 2025-06-01) = 2; 2026 to 31/10: P1 + P4 = 2; 2021: P1 only.
		expect(values(s)).toEqual({ 2021: 1, 2022: 2, 2023: 2, 2024: 2, 2025: 2, 2026: 2 });
		expect(values(await series('OC04', 'level', 'ocop_products', unit('33', '2025')))[2025]).toBe(1);
		// same period last year: 2025-10-31 → P1, P4 (from 2025-09-01) = 2
		expect(s.previous).toBe(2);
	});

	it('a district counts only its own records', async () => {
		expect(values(await series('OC01', 'level', 'ocop_products', unit('336', '2024')))).toEqual({ 2021: 1, 2022: 1, 2023: 1, 2024: 1, 2025: 1 });
	});

	it('flows: new products, upgrades, certificates that lapsed without a successor', async () => {
		const tb = unit('34', '2024');
		expect(values(await series('OC05', 'flow', 'ocop_products', tb))).toMatchObject({ 2021: 1, 2022: 0, 2023: 1, 2024: 0 });
		expect(values(await series('OC06', 'flow', 'ocop_products', tb))).toMatchObject({ 2023: 0, 2024: 1 });
		// 2023: P3 revoked; 2024: C1's expiry was pre-empted by the upgrade, so nothing lapsed
		expect(values(await series('OC07', 'flow', 'ocop_products', tb))).toMatchObject({ 2023: 1, 2024: 0 });
		// P2 lapses 2025-06-01 — for old Hưng Yên and for new Hưng Yên alike
		expect(values(await series('OC07', 'flow', 'ocop_products', unit('33', '2025')))[2025]).toBe(1);
	});

	it('ratio re-aggregated from counts: share of 4★+ in new Hưng Yên 2025 = 100 · 2/2', async () => {
		const s = await series('OC08', 'ratio', 'ocop_products', unit('33', '2025'));
		const p = s.points.find((x) => x.year === 2025)!;
		expect([p.numerator, p.denominator, p.value]).toEqual([2, 2, 100]);
		const p24 = s.points.find((x) => x.year === 2024)!;
		// P1 4★ and P2 3★ → 1/2
		expect([p24.numerator, p24.denominator, p24.value]).toEqual([1, 2, 50]);
	});
});

describe('a province whose territory did not change continues past 2025-06-30', () => {
	it('old Quảng Ninh (22, 2024) counts the new unit\'s records and runs to the as-of date', async () => {
		const s = await series('OC01', 'level', 'ocop_products', unit('22', '2024'), 2024, 2026);
		// P5 from 2024-03-01; P6 decided 2025-11-03 under the new unit 22 (2025) still counts
		expect(values(s)).toEqual({ 2024: 1, 2025: 2, 2026: 2 });
		expect(s.points.at(-1)!.asOf).toBe('2026-10-31');
	});

	it('merged Thái Bình does not: it ends on 2025-06-30', async () => {
		expect((await series('OC01', 'level', 'ocop_products', unit('34', '2024'))).points.at(-1)!.asOf).toBe('2025-06-30');
	});

	it('its 2025 is the new unit\'s report for the whole year (4), not the old half-year (3), nor their sum', async () => {
		const s = await series('KN06', 'flow', 'observations', unit('22', '2024'), 2025, 2025);
		expect(values(s)).toEqual({ 2025: 4 });
		expect(values(await series('KN06', 'flow', 'observations', unit('22', '2025'), 2025, 2025))).toEqual({ 2025: 4 });
	});
});

describe('cumulative since the plan start', () => {
	it('counts from 2021-01-01, not before', async () => {
		const s = await series('KN01', 'cumulative', 'startups', unit('34', '2024'));
		expect(values(s)).toEqual({ 2021: 1, 2022: 1, 2023: 2, 2024: 2, 2025: 2 });
		expect(values(await series('KN02', 'cumulative', 'startups', unit('34', '2024')))).toMatchObject({ 2021: 0, 2022: 1 });
		expect(values(await series('KN04', 'cumulative', 'startups', unit('34', '2024')))).toMatchObject({ 2023: 0, 2024: 2.5 });
	});
});

describe('observations', () => {
	it('a new unit without its own figure sums its predecessors only when all reported', async () => {
		const s = await series('KN05', 'level', 'observations', unit('33', '2025'), 2023, 2026);
		// 2023: only old Hưng Yên reported → no sum; 2024: 5 + 7; 2026: its own 15
		expect(values(s)).toEqual({ 2024: 12, 2026: 15 });
		expect(s.origin).toBe('observations');
		expect(s.sources).toContain('Báo cáo Hưng Yên mới');
		expect(s.provenance).toBe('illustrative');
	});

	it('ratios are re-aggregated as sum/sum, never averaged: (2 + 6) / (400 + 600) = 0,8 %', async () => {
		const s = await series('NS04', 'ratio', 'observations', unit('33', '2025'), 2024, 2024);
		// the average of 0,5 % and 1 % would be 0,75 %
		expect(s.points[0].value).toBeCloseTo(0.8, 10);
	});

	it('the country is never a sum of the provinces in the data', async () => {
		const vn: UnitRow = { code: 'VN', vintage: '2024', level: 'country', name_vi: 'Việt Nam', name_en: 'Viet Nam', parent_code: null, valid_from: null, valid_to: null, successor_code: null };
		await db.query(`INSERT INTO units VALUES ('VN', '2024', 'country', 'Việt Nam', 'Viet Nam', NULL, NULL, NULL, NULL)`);
		const s = await series('OC01', 'level', 'ocop_products', vn);
		expect(s.origin).toBe('observations');
		expect(s.points).toEqual([]);
	});
});
