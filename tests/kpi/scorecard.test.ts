/**
 * The scorecard on the default data, through the same Node DuckDB-WASM and SQL as the
 * browser. Expected values are the published figures and hand arithmetic on them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { computeScorecard, resolveUnit, type Scorecard } from '../../src/lib/kpi/scorecard';
import { openDataDir } from '../../scripts/lib/open-data';

let db: Db;
const card = async (ref: string, year = 2026): Promise<Scorecard> => {
	const unit = await resolveUnit(db, ref);
	if (!unit) throw new Error(`no unit ${ref}`);
	return computeScorecard(db, { unit, year });
};
const find = (c: Scorecard, indicator: string, unit: string, plan?: string) =>
	c.rows.find((r) => r.indicator === indicator && `${r.unit_code}@${r.unit_vintage}` === unit && (!plan || r.plan === plan))!;

beforeAll(async () => {
	({ db } = await openDataDir('data'));
});
afterAll(async () => db?.close());

describe('default data scorecard', () => {
	it('Thái Bình OCOP: 194 against 150 → 194/150 = 1,2933, exceeded, as of the day the province ended', async () => {
		const r = find(await card('34'), 'OC01', '34@2024');
		expect(r.target_min).toBe(150);
		expect(r.actual).toBe(194);
		expect(r.achievement).toBeCloseTo(194 / 150, 10);
		expect(r.status).toBe('exceeded');
		expect(r.as_of).toBe('2025-06-30');
		expect(r.target_provenance).toBe('published');
		expect(r.published_check?.value).toBe(194);
	});

	it('Đà Nẵng startup projects: 189 against 200 → 0,945, not met; startups 83 against 100', async () => {
		const c = await card('48@2024');
		const kn01 = find(c, 'KN01', '48@2024');
		expect([kn01.actual, kn01.achievement, kn01.status]).toEqual([189, 0.945, 'not_met']);
		const kn02 = find(c, 'KN02', '48@2024');
		expect([kn02.actual, kn02.achievement, kn02.status]).toEqual([83, 0.83, 'not_met']);
	});

	it('Ninh Thuận range target 120–140 is exceeded; achievement is against the lower bound', async () => {
		const r = find(await card('58'), 'OC01', '58@2024');
		expect([r.target_min, r.target_max]).toEqual([120, 140]);
		expect(r.actual).toBeGreaterThan(140);
		expect(r.achievement).toBeCloseTo(r.actual! / 120, 10);
		expect(r.status).toBe('exceeded');
	});

	it('Quảng Ninh five-star 8–10 by 2025: 8 at the end of 2025 is inside the range → met', async () => {
		const r = find(await card('22@2024'), 'OC04', '22@2024');
		expect(r.actual).toBe(8);
		expect(r.status).toBe('met');
		expect(r.as_of).toBe('2025-12-31');
	});

	it('new Hưng Yên answers for its predecessors’ 2021–2025 targets and its own 2030 targets', async () => {
		const c = await card('33');
		const units = new Set(c.rows.map((r) => `${r.unit_code}@${r.unit_vintage}`));
		expect(units).toContain('34@2024');
		expect(units).toContain('33@2025');
		expect(c.rows.some((r) => r.plan === '2026-2030' && !r.final)).toBe(true);
		const counted = Object.values(c.counts).reduce((a, b) => a + b, 0);
		expect(counted).toBe(c.rows.length);
	});

	it('year-on-year compares like with like: a 2024 actual against 2023, not against the last half-year', async () => {
		const r = find(await card('34'), 'NS03', '34@2024');
		expect(r.target_year).toBe(2024);
		const v = (y: number) => r.series.find((p) => p.year === y)!.value!;
		expect(r.actual).toBeCloseTo(v(2024), 10);
		expect(r.yoy_change).toBeCloseTo(v(2024) - v(2023), 10);
	});

	it('an earlier year judges against the path, not the final target', async () => {
		const r = find(await card('48@2024', 2023), 'KN01', '48@2024');
		expect(r.final).toBe(false);
		expect(['on_track', 'at_risk', 'off_track']).toContain(r.status);
		// expected on 31/12/2023 on the straight path 0 (2020) → 200 (2025): 200 · 3/5 = 120
		expect(r.expected).toBeCloseTo(120, 6);
	});
});

describe('data without the optional published figures', () => {
	it('gives the same statuses and no published check', async () => {
		const { db: bare } = await openDataDir('data');
		try {
			await bare.query('DROP TABLE published_figures');
			const unit = (await resolveUnit(bare, '34'))!;
			const without = await computeScorecard(bare, { unit, year: 2026 });
			const withChecks = await card('34');
			expect(withChecks.rows.some((r) => r.published_check)).toBe(true);
			expect(without.rows.every((r) => r.published_check === null)).toBe(true);
			expect(without.rows.map((r) => [r.indicator, r.status, r.actual])).toEqual(withChecks.rows.map((r) => [r.indicator, r.status, r.actual]));
		} finally {
			await bare.close();
		}
	});
});
