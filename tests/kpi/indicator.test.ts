/**
 * The indicator page's queries on the real default data, in real DuckDB-WASM.
 *
 * Expected values are the published figures the records are calibrated to
 * (Quảng Ninh OCOP 346 = 256 + 86 + 4 on 31/12/2023; Thái Bình 194 on 30/6/2025;
 * Đà Nẵng 189 startup projects by 16/5/2025), and counts recomputed a second,
 * independent way: the latest certificate of each product read directly from
 * ocop_products, without the ocop_seq view or the roll-up tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDir } from '../../scripts/lib/open-data';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { dataAsOf, resolveUnit, computeScorecard } from '../../src/lib/kpi/scorecard';
import { readSeries, type IndicatorRow, type UnitRow } from '../../src/lib/kpi/series';
import {
	breakdownParts,
	chartTargets,
	choosePlan,
	countsRecords,
	indicatorRows,
	isAdditive,
	planStartOf,
	readBreakdown,
	readingPeriod,
	readRecords,
	RECORD_ENUMS,
	RECORD_VIEWS,
	seriesStartYear
} from '../../src/lib/kpi/indicator';
import { RECORD_INDICATORS } from '../../src/lib/kpi/sql/record-indicators';
import { trendModel } from '../../src/lib/kpi/indicator/trend';
import { messages, type MessageKey } from '../../src/lib/i18n/messages';

let db: Db;
let asOf: string;
let catalogue: Map<string, IndicatorRow>;

const unit = async (ref: string) => (await resolveUnit(db, ref))!;
const req = async (code: string, ref: string, year: number, plan = '2021-2025', at?: string) => ({
	indicator: catalogue.get(code)!,
	unit: await unit(ref),
	year,
	asOf: at ?? asOf,
	planStart: planStartOf(plan, year)
});
const seriesValue = async (code: string, u: UnitRow, year: number, at = asOf) => {
	const s = await readSeries(db, { indicator: catalogue.get(code)!, unit: u, fromYear: year, toYear: year, asOf: at, planStart: '2021-01-01' });
	return s.points.find((p) => p.year === year)?.value ?? null;
};

/** OCOP 3★+ in force at D per district, straight from the certificates (independent of ocop_seq). */
async function ocopByDistrictDirect(province: string, d: string): Promise<Map<string | null, number>> {
	const rows = toRows<{ district_code: string | null; n: number }>(
		await db.query(`
WITH latest AS (
  SELECT *, row_number() OVER (PARTITION BY product_id ORDER BY decision_date DESC, certificate_id DESC) AS k
  FROM ocop_products WHERE decision_date <= DATE '${d}'
)
SELECT district_code, count(*) AS n FROM latest
WHERE k = 1 AND province_code = '${province}' AND stars >= 3
  AND decision_date + INTERVAL 36 MONTH > DATE '${d}' AND (revoked_date IS NULL OR revoked_date > DATE '${d}')
GROUP BY district_code`)
	);
	return new Map(rows.map((r) => [r.district_code, r.n]));
}

beforeAll(async () => {
	({ db } = await openDataDir('data'));
	asOf = await dataAsOf(db);
	catalogue = new Map(toRows<IndicatorRow>(await db.query('SELECT * FROM indicators')).map((r) => [r.code, r]));
});
afterAll(async () => db?.close());

describe('breakdown by unit', () => {
	it('Quảng Ninh (22, 2024) OCOP 3★+ on 31/12/2023: 13 districts that add up to 346, each as counted directly', async () => {
		const b = await readBreakdown(db, await req('OC01', '22@2024', 2023));
		expect(b.unavailable).toBeNull();
		expect(b.basis).toBe('district');
		expect(b.period).toMatchObject({ year: 2023, start: '2023-01-01', end: '2023-12-31', value: 346 });
		expect(b.total?.value).toBe(346);
		expect(b.parts).toHaveLength(13);
		expect(b.parts.reduce((s, p) => s + (p.value ?? 0), 0)).toBe(346);
		expect(b.unassigned).toBeNull();
		// sorted largest first, shares add up to one
		expect(b.parts.map((p) => p.value)).toEqual([...b.parts.map((p) => p.value)].sort((x, y) => y! - x!));
		expect(b.parts.reduce((s, p) => s + p.share!, 0)).toBeCloseTo(1, 10);

		const direct = await ocopByDistrictDirect('22', '2023-12-31');
		expect([...direct.values()].reduce((s, n) => s + n, 0)).toBe(346);
		for (const p of b.parts) expect(p.value, p.name_vi).toBe(direct.get(p.code) ?? 0);
		// every part is a district of Quảng Ninh
		const districts = toRows<{ code: string }>(await db.query(`SELECT code FROM units WHERE level = 'district' AND parent_code = '22'`));
		expect(new Set(b.parts.map((p) => p.code))).toEqual(new Set(districts.map((d) => d.code)));
	});

	it('new Hưng Yên (33, 2025) in 2024 splits into old Hưng Yên and Thái Bình, which add up to it', async () => {
		const r = await req('OC01', '33@2025', 2024);
		const b = await readBreakdown(db, r);
		expect(b.basis).toBe('province');
		expect(b.parts.map((p) => `${p.code}@${p.vintage}`).sort()).toEqual(['33@2024', '34@2024']);
		const whole = await seriesValue('OC01', r.unit, 2024);
		expect(whole).toBeGreaterThan(0);
		expect(b.total?.value).toBe(whole);
		expect(b.parts.reduce((s, p) => s + (p.value ?? 0), 0)).toBe(whole);
		// each part equals the old province's own series, read independently
		for (const p of b.parts) expect(p.value).toBe(await seriesValue('OC01', await unit(`${p.code}@2024`), 2024));
		// and the direct count (the prebaked scorecard says old Hưng Yên had 271 at the end of 2024)
		expect(b.parts.find((p) => p.code === '33')!.value).toBe(271);
	});

	it('after the merger, records of the new province are kept apart as unassigned, and everything still adds up', async () => {
		const r = await req('OC01', '33@2025', 2026, '2026-2030');
		const b = await readBreakdown(db, r);
		expect(b.period?.end).toBe(asOf);
		const whole = await seriesValue('OC01', r.unit, 2026);
		expect(b.total?.value).toBe(whole);
		expect(b.unassigned?.value).toBeGreaterThan(0);
		expect(b.parts.reduce((s, p) => s + (p.value ?? 0), 0) + b.unassigned!.value!).toBe(whole);
	});

	it('a new province that continues one old province (Quảng Ninh 22, 2025) splits into that province’s districts', async () => {
		const split = await breakdownParts(db, await unit('22@2025'));
		expect(split?.basis).toBe('district');
		expect(split?.parts).toHaveLength(13);
		expect(split?.parts.every((p) => p.parent_code === '22')).toBe(true);
	});

	it('says why there is no breakdown', async () => {
		expect((await readBreakdown(db, await req('KN05', '22@2024', 2024))).unavailable).toBe('observations');
		expect((await readBreakdown(db, await req('OC01', 'VN@2024', 2024))).unavailable).toBe('country');
		// budget lines record no district
		expect((await readBreakdown(db, await req('NS01', '22@2024', 2024))).unavailable).toBe('no_district_column');
	});

	it('ratios are re-aggregated per part, not added', async () => {
		const b = await readBreakdown(db, await req('OC08', '22@2024', 2023));
		expect(b.additive).toBe(false);
		expect(b.parts.every((p) => p.share === null)).toBe(true);
		const num = b.parts.reduce((s, p) => s + (p.numerator ?? 0), 0);
		const den = b.parts.reduce((s, p) => s + (p.denominator ?? 0), 0);
		// 4★ and 5★ of 346: (86 + 4) / 346
		expect(den).toBe(346);
		expect(num).toBe(90);
		expect(b.total?.value).toBeCloseTo((100 * 90) / 346, 10);
	});
});

describe('the records behind the number', () => {
	it('Thái Bình (34, 2024): 194 OCOP certificates in force on 30/6/2025, one per product, all 3★+', async () => {
		const r = await readRecords(db, await req('OC01', '34@2024', 2026));
		expect(r.period?.end).toBe('2025-06-30');
		expect(r.rows).toHaveLength(194);
		expect(r.value).toBe(194);
		expect(r.countsRows).toBe(true);
		expect(new Set(r.rows.map((x) => x.certificate_id)).size).toBe(194);
		expect(r.rows.every((x) => (x.stars as number) >= 3)).toBe(true);
		// in force on that day: decided before, valid after
		expect(r.rows.every((x) => (x.decision_date as string) <= '2025-06-30' && (x.expiry_date as string) > '2025-06-30')).toBe(true);
		// an old province lists no province column, and every certificate has a district of Thái Bình
		expect(r.columns.some((c) => c.key === 'province')).toBe(false);
		expect(r.rows.every((x) => typeof x.district === 'string' && typeof x.district__en === 'string')).toBe(true);
		// the independent count agrees
		const direct = await ocopByDistrictDirect('34', '2025-06-30');
		expect([...direct.values()].reduce((s, n) => s + n, 0)).toBe(194);
	});

	it('Quảng Ninh on 31/12/2023: 346 = 256 three-star + 86 four-star + 4 five-star', async () => {
		const r = await readRecords(db, await req('OC01', '22@2024', 2023));
		const byStars = Object.fromEntries([3, 4, 5].map((s) => [s, r.rows.filter((x) => x.stars === s).length]));
		expect(byStars).toEqual({ 3: 256, 4: 86, 5: 4 });
	});

	it('Đà Nẵng (48, 2024): 189 supported startup projects, by 16/5/2025 and at the end of the old city', async () => {
		const at = await readRecords(db, await req('KN01', '48@2024', 2025, '2021-2025', '2025-05-16'));
		expect(at.period?.end).toBe('2025-05-16');
		expect(at.rows).toHaveLength(189);
		expect(at.value).toBe(189);
		const end = await readRecords(db, await req('KN01', '48@2024', 2026));
		expect(end.period?.end).toBe('2025-06-30');
		expect(end.rows).toHaveLength(189);
		expect(end.rows.every((x) => (x.supported_date as string) >= '2021-01-01' && (x.supported_date as string) <= '2025-06-30')).toBe(true);
		// the scorecard's actual is the same number
		const card = await computeScorecard(db, { unit: await unit('48@2024'), year: 2026, asOf });
		expect(indicatorRows(card.rows, 'KN01')[0].actual).toBe(189);
	});

	it('count(records) equals the series value for every counting indicator of a merged province', async () => {
		const u = await unit('33@2025');
		for (const [code, def] of Object.entries(RECORD_INDICATORS)) {
			if (!countsRecords(def) || !catalogue.has(code)) continue;
			const r = await readRecords(db, { indicator: catalogue.get(code)!, unit: u, year: 2026, asOf, planStart: '2026-01-01' });
			const s = await readSeries(db, { indicator: catalogue.get(code)!, unit: u, fromYear: 2026, toYear: 2026, asOf, planStart: '2026-01-01' });
			expect(r.rows.length, code).toBe(s.points[0].value);
			expect(r.value, code).toBe(s.points[0].value);
		}
	});

	it('a merged province lists which old or new province each record belongs to', async () => {
		const r = await readRecords(db, await req('OC01', '33@2025', 2026, '2026-2030'));
		expect(r.columns.some((c) => c.key === 'province')).toBe(true);
		const provinces = new Set(r.rows.map((x) => `${x.province}|${x.province__v}`));
		expect(provinces).toEqual(new Set(['Hưng Yên|2024', 'Thái Bình|2024', 'Hưng Yên|2025']));
	});

	it('says why there are no records', async () => {
		expect((await readRecords(db, await req('KN05', '22@2024', 2024))).unavailable).toBe('observations');
		expect((await readRecords(db, await req('OC01', 'VN@2024', 2024))).unavailable).toBe('country');
	});

	it('every record view and enum value has a label in both languages', () => {
		for (const lang of ['vi', 'en'] as const) {
			for (const v of Object.values(RECORD_VIEWS))
				for (const c of v.columns) expect(messages[lang][`ind.col.${c.key}` as MessageKey], c.key).toBeTruthy();
			for (const [k, values] of Object.entries(RECORD_ENUMS))
				for (const v of values) expect(messages[lang][`ind.enum.${k}.${v}` as MessageKey], `${k}.${v}`).toBeTruthy();
		}
		// every record table behind an indicator has a view
		for (const def of Object.values(RECORD_INDICATORS)) expect(RECORD_VIEWS[def.table], def.table).toBeDefined();
	});
});

describe('reading period, plans and targets', () => {
	it('reads the year’s figure, or the last one of a unit that ended', async () => {
		expect(await readingPeriod(db, await req('OC01', '22@2024', 2023))).toEqual({ year: 2023, start: '2023-01-01', end: '2023-12-31', value: 346 });
		// Quảng Ninh continues unchanged: its old unit reads on to the data date
		expect((await readingPeriod(db, await req('OC01', '22@2024', 2026)))?.end).toBe(asOf);
		// Thái Bình ended on 30/6/2025
		expect(await readingPeriod(db, await req('OC01', '34@2024', 2026))).toEqual({ year: 2025, start: '2025-01-01', end: '2025-06-30', value: 194 });
	});

	it('chooses the plan asked for, else the running one, else the latest', () => {
		const plans = ['2026-2030', '2021-2025', '2021-2025'];
		expect(choosePlan(plans, 2026, '2021-2025')).toBe('2021-2025');
		expect(choosePlan(plans, 2026, null)).toBe('2026-2030');
		expect(choosePlan(plans, 2023, null)).toBe('2021-2025');
		expect(choosePlan(plans, 2023, '2016-2020')).toBe('2021-2025');
		expect(choosePlan([], 2023, null)).toBeNull();
		expect(planStartOf('2026-2030', 2027)).toBe('2026-01-01');
	});

	it('a new province’s chart takes its own targets, not its merged predecessors’', async () => {
		const u = await unit('33@2025');
		const card = await computeScorecard(db, { unit: u, year: 2026, asOf });
		const rows = indicatorRows(card.rows, 'OC01');
		expect(rows.map((r) => `${r.unit_code}@${r.unit_vintage}`).sort()).toEqual(['33@2024', '33@2025', '34@2024']);
		expect(chartTargets(rows, u, () => false).map((r) => r.target_year)).toEqual([2030]);
	});

	it('the chart forecasts what the scorecard forecasts (same points, same window)', async () => {
		for (const [code, ref, plan] of [
			['OC01', '22@2025', '2026-2030'],
			['NS03', '48@2025', '2026-2030'],
			['KN01', '33@2025', '2026-2030'],
			['OC01', '56@2024', '2021-2025']
		] as const) {
			const u = await unit(ref);
			const year = plan === '2026-2030' ? 2026 : 2024;
			const card = await computeScorecard(db, { unit: u, year, asOf });
			const row = indicatorRows(card.rows, code).find((r) => r.plan === plan && `${r.unit_code}@${r.unit_vintage}` === ref)!;
			expect(row, `${code} ${ref}`).toBeDefined();
			// the page's reading: from 2019 (cumulative: from the scorecard's first year) to the chosen year
			const ind = catalogue.get(code)!;
			const planStart = planStartOf(plan, year);
			const fromYear = ind.kind === 'cumulative' ? seriesStartYear(row) : 2019;
			const s = await readSeries(db, { indicator: ind, unit: u, fromYear, toYear: year, asOf, planStart });
			const m = trendModel({
				kind: ind.kind,
				direction: ind.direction,
				points: s.points,
				forecastFrom: seriesStartYear(row),
				targets: [{ plan, baselineYear: row.baseline_year, baselineValue: row.baseline_value, targetYear: row.target_year, targetMin: row.target_min, targetMax: row.target_max }]
			});
			const atTarget = m.forecast?.find((p) => p.x === row.target_year)?.value;
			expect(atTarget, `${code} ${ref}`).toBeCloseTo(row.forecast!, 9);
		}
	});

	it('isAdditive: counts and sums add up, ratios and distinct counts do not', () => {
		expect(isAdditive(RECORD_INDICATORS.OC01)).toBe(true);
		expect(isAdditive(RECORD_INDICATORS.KN04)).toBe(true);
		expect(isAdditive(RECORD_INDICATORS.OC08)).toBe(false);
		expect(isAdditive(RECORD_INDICATORS.OC09)).toBe(false);
		expect(countsRecords(RECORD_INDICATORS.KN04)).toBe(false);
		expect(countsRecords(RECORD_INDICATORS.OC09)).toBe(false);
	});
});

describe('trend model', () => {
	const pts = (values: [number, number, string?][]) => values.map(([year, value, at]) => ({ year, value, asOf: at ?? `${year}-12-31` }));

	it('Đà Nẵng startups: 189 by 30/6/2025 against 200 is 11 short, at the last point', () => {
		const m = trendModel({
			kind: 'cumulative',
			direction: 'up',
			points: pts([[2021, 30], [2022, 70], [2023, 110], [2024, 150], [2025, 189, '2025-06-30']]),
			targets: [{ plan: '2021-2025', baselineYear: 2020, baselineValue: 0, targetYear: 2025, targetMin: 200, targetMax: null }]
		});
		expect(m.gap).toMatchObject({ state: 'short', amount: 11, actual: 189, target: 200, targetYear: 2025, asOf: '2025-06-30' });
		expect(m.gap!.x).toBeCloseTo(2024 + 181 / 365, 10);
		expect(m.paths).toEqual([{ plan: '2021-2025', from: { x: 2020, value: 0 }, to: { x: 2025, value: 200 } }]);
		// forecast from the last point to 2025: the least-squares line of the five points
		expect(m.forecast?.map((p) => p.x)).toEqual([m.gap!.x, 2025]);
		expect(m.xMin).toBe(2020);
		expect(m.xMax).toBe(2025);
	});

	it('a passed target is judged at its own year; a range is met inside it; down mirrors', () => {
		const exceeded = trendModel({
			kind: 'level',
			direction: 'up',
			points: pts([[2024, 172], [2025, 194, '2025-06-30']]),
			targets: [{ plan: '2021-2025', baselineYear: null, baselineValue: null, targetYear: 2025, targetMin: 150, targetMax: null }]
		});
		expect(exceeded.gap).toMatchObject({ state: 'over', amount: 44 });
		expect(exceeded.paths).toEqual([]);

		const range = trendModel({
			kind: 'level',
			direction: 'up',
			points: pts([[2024, 110], [2025, 130]]),
			targets: [{ plan: '2021-2025', baselineYear: 2020, baselineValue: 60, targetYear: 2025, targetMin: 120, targetMax: 140 }]
		});
		expect(range.gap).toMatchObject({ state: 'inside', amount: 0 });
		expect(range.targets[0]).toMatchObject({ min: 120, max: 140, commitment: 120 });

		const down = trendModel({
			kind: 'level',
			direction: 'down',
			points: pts([[2024, 12], [2025, 9]]),
			targets: [{ plan: '2021-2025', baselineYear: 2020, baselineValue: 20, targetYear: 2026, targetMin: 5, targetMax: null }]
		});
		expect(down.gap).toMatchObject({ state: 'short', amount: 4, targetYear: 2026 });

		const passed = trendModel({
			kind: 'level',
			direction: 'up',
			points: pts([[2024, 300], [2025, 447], [2026, 480, '2026-10-31']]),
			targets: [{ plan: '2021-2025', baselineYear: 2020, baselineValue: 218, targetYear: 2025, targetMin: 355, targetMax: null }]
		});
		expect(passed.gap).toMatchObject({ state: 'over', amount: 92, actual: 447, x: 2025 });
		// the 2025 horizon is past: no forecast without a later target
		expect(passed.forecast).toBeNull();
	});

	it('milestones draw no path, forecast or gap', () => {
		const m = trendModel({
			kind: 'milestone',
			direction: 'up',
			points: pts([[2022, 0], [2023, 1]]),
			targets: [{ plan: '2021-2025', baselineYear: 2020, baselineValue: 0, targetYear: 2025, targetMin: 1, targetMax: null }]
		});
		expect(m.paths).toEqual([]);
		expect(m.forecast).toBeNull();
		expect(m.gap).toBeNull();
	});
});
