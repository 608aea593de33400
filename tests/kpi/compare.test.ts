/**
 * The province comparison on the default data, in real DuckDB-WASM. Expected values
 * come another way: readSeries on each old unit (one query per unit), sums done here
 * by hand, the published Quảng Ninh figure, and raw observation rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { openDataDir } from '../../scripts/lib/open-data';
import { readSeries, type IndicatorRow } from '../../src/lib/kpi/series';
import { resolveUnit } from '../../src/lib/kpi/scorecard';
import {
	canNormalise,
	compareProvinces,
	defaultView,
	planStartFor,
	rankRows,
	shownValue,
	type CompareView,
	type Comparison
} from '../../src/lib/kpi/compare';

let db: Db;
let indicators: Map<string, IndicatorRow>;
const AS_OF = '2026-10-31';

const compare = (code: string, year: number, view: CompareView) =>
	compareProvinces(db, { indicator: indicators.get(code)!, year, view });
const row = (c: Comparison, code: string) => c.rows.find((r) => r.code === code)!;

/** The value of one unit at one year, read the scorecard's way (one unit, one query). */
async function seriesPoint(code: string, ref: string, year: number, planStart = planStartFor(year)) {
	const unit = (await resolveUnit(db, ref))!;
	const s = await readSeries(db, {
		indicator: indicators.get(code)!,
		unit,
		fromYear: year - 1,
		toYear: year,
		asOf: AS_OF,
		planStart
	});
	return s.points.find((p) => p.year === year) ?? null;
}

beforeAll(async () => {
	({ db } = await openDataDir('data'));
	const rows = toRows<IndicatorRow>(await db.query('SELECT * FROM indicators'));
	indicators = new Map(rows.map((r) => [r.code, r]));
});
afterAll(async () => db?.close());

describe('old view (63 provinces)', () => {
	it('has every old province; Quảng Ninh OCOP 3★+ on 31/12/2023 is the published 346', async () => {
		const c = await compare('OC01', 2023, 'old');
		expect(c.rows).toHaveLength(63);
		const qn = row(c, '22');
		expect(qn.value).toBe(346);
		expect(qn.as_of).toBe('2023-12-31');
		expect(qn.published).toMatchObject({ value: 346, as_of: '2023-12-31' });
		expect(qn.provenance).toBe('calibrated');
		expect(qn.dataset).toBe('ocop_products');
	});

	it('each of the seven provinces equals its own series, read unit by unit', async () => {
		const c = await compare('OC01', 2024, 'old');
		for (const code of ['22', '33', '34', '48', '49', '56', '58']) {
			const p = await seriesPoint('OC01', `${code}@2024`, 2024);
			expect(row(c, code).value, code).toBe(p!.value);
		}
	});

	it('provinces outside the data have no value — not zero — and say why', async () => {
		const c = await compare('OC01', 2024, 'old');
		const hanoi = row(c, '01');
		expect(hanoi.value).toBeNull();
		expect(hanoi.reason).toBe('no_data');
		expect(c.rows.filter((r) => r.value != null).map((r) => r.code).sort()).toEqual(['22', '33', '34', '48', '49', '56', '58']);
	});

	it('in 2026 a merged province has ended; unchanged Quảng Ninh runs on', async () => {
		const c = await compare('OC01', 2026, 'old');
		expect(row(c, '34')).toMatchObject({ value: null, reason: 'ended' });
		const qn = await seriesPoint('OC01', '22@2024', 2026);
		expect(row(c, '22').value).toBe(qn!.value);
		expect(row(c, '22').as_of).toBe(AS_OF);
	});

	it('Thái Bình in 2025 is read on its last day, 30/6/2025: 194', async () => {
		const c = await compare('OC01', 2025, 'old');
		expect(row(c, '34')).toMatchObject({ value: 194, as_of: '2025-06-30' });
	});

	it('a cumulative indicator counts from the plan start: Đà Nẵng startup projects 2021–2024', async () => {
		const c = await compare('KN01', 2024, 'old');
		const p = await seriesPoint('KN01', '48@2024', 2024, '2021-01-01');
		expect(row(c, '48').value).toBe(p!.value);
		expect(row(c, '48').value).toBeGreaterThan(0);
	});
});

describe('new view (34 provinces): values re-aggregate through the merger', () => {
	it('has every new province; Khánh Hòa at 31/12/2024 = old Khánh Hòa + old Ninh Thuận', async () => {
		const c = await compare('OC01', 2024, 'new');
		expect(c.rows).toHaveLength(34);
		const [kh, nt] = [await seriesPoint('OC01', '56@2024', 2024), await seriesPoint('OC01', '58@2024', 2024)];
		expect(row(c, '56').value).toBe(kh!.value! + nt!.value!);
		const [hy, tb] = [await seriesPoint('OC01', '33@2024', 2024), await seriesPoint('OC01', '34@2024', 2024)];
		expect(row(c, '33').value).toBe(hy!.value! + tb!.value!);
		const [dn, qnam] = [await seriesPoint('OC01', '48@2024', 2024), await seriesPoint('OC01', '49@2024', 2024)];
		expect(row(c, '48').value).toBe(dn!.value! + qnam!.value!);
		// Unchanged Quảng Ninh keeps its published 2023 figure in the new system.
		expect(row(await compare('OC01', 2023, 'new'), '22').value).toBe(346);
	});

	it('2026 (the default year, new view): each province equals its series at the as-of date', async () => {
		expect(defaultView(2026)).toBe('new');
		const c = await compare('OC01', 2026, 'new');
		for (const code of ['22', '33', '48', '56']) {
			const p = await seriesPoint('OC01', `${code}@2025`, 2026);
			expect(row(c, code).value, code).toBe(p!.value);
			expect(row(c, code).as_of).toBe(AS_OF);
		}
		expect(row(c, '01')).toMatchObject({ value: null, reason: 'no_data' });
	});

	it('a record ratio is re-aggregated as Σ numerator / Σ denominator, not averaged (OCOP 4★+ share, Hưng Yên 2024)', async () => {
		const c = await compare('OC08', 2024, 'new');
		const a = (await seriesPoint('OC08', '33@2024', 2024))!;
		const b = (await seriesPoint('OC08', '34@2024', 2024))!;
		const hy = row(c, '33');
		expect(hy.numerator).toBe(a.numerator! + b.numerator!);
		expect(hy.denominator).toBe(a.denominator! + b.denominator!);
		const pooled = (100 * (a.numerator! + b.numerator!)) / (a.denominator! + b.denominator!);
		expect(hy.value).toBeCloseTo(pooled, 10);
		const averaged = (a.value! + b.value!) / 2;
		expect(Math.abs(hy.value! - averaged)).toBeGreaterThan(0.01);
	});

	it('an observed ratio is pooled from the raw rows (innovative firms share, Đà Nẵng 2024 = old 48 + old 49)', async () => {
		const raw = toRows<{ num: number; den: number }>(
			await db.query(`SELECT sum(numerator) AS num, sum(denominator) AS den FROM observations
			WHERE indicator = 'DN05' AND period = '2024' AND unit_vintage = '2024' AND unit_code IN ('48', '49')`)
		)[0];
		const c = await compare('DN05', 2024, 'new');
		const dn = row(c, '48');
		expect(dn.origin).toBe('observations');
		expect([dn.numerator, dn.denominator]).toEqual([raw.num, raw.den]);
		expect(dn.value).toBeCloseTo((100 * raw.num) / raw.den, 10);
		expect(dn.sources.length).toBeGreaterThan(0);
		expect(dn.provenance).toBe('illustrative');
	});
});

describe('normalisation and ordering', () => {
	it('per commune-level unit where the units table knows the count; otherwise say so', async () => {
		const old = row(await compare('OC01', 2023, 'old'), '22');
		expect(old.communes).toBe(171);
		expect(shownValue(old, 'commune').value).toBeCloseTo(346 / 171, 10);
		expect(shownValue(old, 'none').value).toBe(346);
		const c = await compare('OC01', 2026, 'new');
		expect(shownValue(row(c, '22'), 'commune')).toEqual({ value: null, missing: 'no_denominator' });
		expect(row(c, '56').communes).toBe(65);
		expect(shownValue(row(c, '01'), 'commune')).toEqual({ value: null, missing: null });
	});

	it('counts and amounts can be normalised; ratios and milestones cannot', () => {
		expect(canNormalise(indicators.get('OC01')!)).toBe(true);
		expect(canNormalise(indicators.get('NS01')!)).toBe(true);
		expect(canNormalise(indicators.get('OC08')!)).toBe(false);
		expect(canNormalise(indicators.get('TT01')!)).toBe(false);
	});

	it('plan start is the five-year plan containing the year', () => {
		expect([planStartFor(2019), planStartFor(2021), planStartFor(2025), planStartFor(2026)]).toEqual([
			'2016-01-01',
			'2021-01-01',
			'2021-01-01',
			'2026-01-01'
		]);
		expect([defaultView(2025), defaultView(2026)]).toEqual(['old', 'new']);
	});

	it('ranking: largest first, provinces without a value last, by name', () => {
		const ranked = rankRows([
			{ value: null, name_vi: 'Hà Nội' },
			{ value: 98, name_vi: 'Đà Nẵng' },
			{ value: 346, name_vi: 'Quảng Ninh' },
			{ value: null, name_vi: 'An Giang' },
			{ value: 0, name_vi: 'Cà Mau' }
		]);
		expect(ranked.map((r) => r.name_vi)).toEqual(['Quảng Ninh', 'Đà Nẵng', 'Cà Mau', 'An Giang', 'Hà Nội']);
	});
});
