/**
 * The domain pages' numbers on the default data, in real DuckDB-WASM. Every breakdown
 * must add up to the KPI engine's number for the same unit and date (readSeries over
 * RECORD_INDICATORS), and the headline figures are the published ones the records are
 * calibrated to: Quảng Ninh OCOP at 31/12/2023 = 346 (256 + 86 + 4), Thái Bình 194 at
 * 30/6/2025, Đà Nẵng 189 startup projects and 83 startups by 2025.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { openDataDir } from '../../scripts/lib/open-data';
import { resolveUnit } from '../../src/lib/kpi/scorecard';
import { readSeries, type Series } from '../../src/lib/kpi/series';
import { indicatorRow } from '../../src/lib/kpi/domains/observed';
import { defaultPlan, domainScope, type DomainScope } from '../../src/lib/kpi/domains/scope';
import { breakdownSql } from '../../src/lib/kpi/domains/breakdown';
import { DOMAIN_SLUGS, isDomainSlug } from '../../src/lib/kpi/domains/slugs';
import * as ocop from '../../src/lib/kpi/domains/ocop';
import * as startups from '../../src/lib/kpi/domains/startups';
import * as firms from '../../src/lib/kpi/domains/st-firms';
import * as budget from '../../src/lib/kpi/domains/budget';
import * as ip from '../../src/lib/kpi/domains/ip';
import * as tasks from '../../src/lib/kpi/domains/st-tasks';

let db: Db;

beforeAll(async () => {
	({ db } = await openDataDir('data'));
});
afterAll(async () => db?.close());

async function scopeOf(ref: string, year: number, plan?: string): Promise<DomainScope> {
	const unit = await resolveUnit(db, ref);
	if (!unit) throw new Error(`no unit ${ref}`);
	return domainScope(db, { unit, year, plan });
}

/** The KPI engine's series for the scope's unit, as the scorecard reads it. */
async function engine(scope: DomainScope, code: string, fromYear = 2019): Promise<Series> {
	return readSeries(db, {
		indicator: await indicatorRow(db, code),
		unit: scope.unit,
		fromYear,
		toYear: scope.year,
		asOf: scope.asOf,
		planStart: scope.planStart
	});
}
const valueAt = (s: Series, year: number) => s.points.find((p) => p.year === year)?.value ?? null;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const sql = async <T>(q: string) => toRows<T>(await db.query(q));

describe('scope: the date a year is read at', () => {
	it('follows the engine: year end, data as-of, the day a merged province ended, or on for an unchanged one', async () => {
		expect((await scopeOf('22@2024', 2023)).date).toBe('2023-12-31');
		const qn = await scopeOf('22@2024', 2026);
		expect([qn.continues, qn.date]).toEqual([true, '2026-10-31']);
		const tb = await scopeOf('34@2024', 2025);
		expect([tb.continues, tb.date]).toEqual([false, '2025-06-30']);
		expect((await scopeOf('34@2024', 2026)).date).toBeNull();
		expect((await scopeOf('48@2025', 2026)).date).toBe('2026-10-31');
		expect((await scopeOf('48@2025', 2022)).date).toBe('2022-12-31');
	});

	it('takes the plan from the URL, else by year', async () => {
		expect(defaultPlan(2025)).toBe('2021-2025');
		expect(defaultPlan(2026)).toBe('2026-2030');
		expect((await scopeOf('48@2025', 2026)).planStart).toBe('2026-01-01');
		expect((await scopeOf('48@2025', 2026, '2021-2025')).planStart).toBe('2021-01-01');
	});

	it('knows the six slugs', () => {
		expect(DOMAIN_SLUGS).toEqual(['ocop', 'startups', 'st_firms', 'budget', 'ip', 'st_tasks']);
		expect(isDomainSlug('budget')).toBe(true);
		expect(isDomainSlug('innovation_centre')).toBe(false);
	});

	it('adds only a GROUP BY to the engine’s join', () => {
		const q = breakdownSql({
			indicator: 'OC01',
			unit: { code: '22', vintage: '2024', level: 'province', name_vi: '', name_en: '', parent_code: null, valid_from: null, valid_to: null, successor_code: null },
			grid: [{ year: 2023, tag: 'main', start: '2023-01-01', end: '2023-12-31' }],
			planStart: '2021-01-01',
			dims: { stars: 'r.stars' }
		});
		expect(q).toContain('FROM ocop_seq r');
		expect(q).toContain('r.expiry_date > g.p_end');
		expect(q).toContain('r.stars AS stars');
	});
});

describe('OCOP', () => {
	it('Quảng Ninh at 31/12/2023: 256 three-star, 86 four-star, 4 five-star = 346, as OC01–OC04 every year', async () => {
		const s = await scopeOf('22@2024', 2023);
		const years = [2019, 2020, 2021, 2022, 2023];
		const pivot = ocop.pivotStars(await ocop.ocopByStars(db, s), years);
		const last = pivot.at(-1)!;
		expect([last.s3, last.s4, last.s5, last.total, last.as_of]).toEqual([256, 86, 4, 346, '2023-12-31']);
		const [oc01, oc02, oc03, oc04] = await Promise.all(['OC01', 'OC02', 'OC03', 'OC04'].map((c) => engine(s, c)));
		for (const p of pivot) {
			expect([p.total, p.s3, p.s4, p.s5]).toEqual([valueAt(oc01, p.year), valueAt(oc02, p.year), valueAt(oc03, p.year), valueAt(oc04, p.year)]);
		}
	});

	it('by product group sums to the same 346, in the six groups', async () => {
		const rows = await ocop.ocopByGroup(db, await scopeOf('22@2024', 2023));
		expect(sum(rows.map((r) => r.value))).toBe(346);
		expect(sum(rows.filter((r) => r.stars === 5).map((r) => r.value))).toBe(4);
		for (const r of rows) expect(ocop.OCOP_GROUPS).toContain(r.product_group);
	});

	it('by district sums to 346; every product of an old province before the merger has a named district', async () => {
		const rows = await ocop.ocopByArea(db, await scopeOf('22@2024', 2023));
		expect(sum(rows.map((r) => r.value))).toBe(346);
		expect(rows.every((r) => r.area_code && r.area_vintage === '2024' && r.name_vi)).toBe(true);
		expect(rows.find((r) => r.area_code === '193')?.name_vi).toBe('Hạ Long');
	});

	it('new Hưng Yên by old province: Hưng Yên + Thái Bình (+ records of the new province) = OC01', async () => {
		const s = await scopeOf('33@2025', 2025);
		const rows = await ocop.ocopByArea(db, s);
		const total = sum(rows.map((r) => r.value));
		expect(total).toBe(valueAt(await engine(s, 'OC01'), 2025));
		const codes = new Set(rows.map((r) => `${r.area_code}@${r.area_vintage}`));
		expect(codes.has('33@2024') && codes.has('34@2024')).toBe(true);
		for (const c of codes) expect(['33@2024', '34@2024', '33@2025']).toContain(c);
	});

	it('Thái Bình on its last day: 194 in force (published figure), its groups and districts add up', async () => {
		const s = await scopeOf('34@2024', 2025);
		expect(s.date).toBe('2025-06-30');
		const byStars = ocop.pivotStars(await ocop.ocopByStars(db, s), [2025]);
		expect(byStars[0].total).toBe(194);
		expect(sum((await ocop.ocopByGroup(db, s)).map((r) => r.value))).toBe(194);
		expect(sum((await ocop.ocopByArea(db, s)).map((r) => r.value))).toBe(194);
	});

	it('status at the date: in force is OC01; in force + expired + revoked = every product certified by then (counted independently)', async () => {
		const s = await scopeOf('22@2024', 2023);
		const rows = await ocop.ocopStatus(db, s);
		const by = Object.fromEntries(rows.map((r) => [r.status, r.value]));
		expect(by.in_force).toBe(346);
		const [{ n }] = await sql<{ n: number }>(`
SELECT count(DISTINCT p.product_id) AS n FROM ocop_products p
JOIN ocop_products_units u ON u.rec_key = p.certificate_id AND u.unit_code = '22' AND u.unit_vintage = '2024'
WHERE p.decision_date <= DATE '2023-12-31'`);
		expect(by.in_force + (by.expired ?? 0) + (by.revoked ?? 0)).toBe(n);
		// revoked: the latest certificate at the date carries a revocation on or before it
		const [{ r }] = await sql<{ r: number }>(`
WITH c AS (
  SELECT p.*, row_number() OVER (PARTITION BY p.product_id ORDER BY p.decision_date DESC, p.certificate_id DESC) AS k
  FROM ocop_products p JOIN ocop_products_units u ON u.rec_key = p.certificate_id AND u.unit_code = '22' AND u.unit_vintage = '2024'
  WHERE p.decision_date <= DATE '2023-12-31')
SELECT count(*) AS r FROM c WHERE k = 1 AND revoked_date <= DATE '2023-12-31'`);
		expect(by.revoked ?? 0).toBe(r);
	});

	it('upgrades per year are OC06, and match a hand count over each product’s certificates', async () => {
		const s = await scopeOf('22@2024', 2025);
		const rows = await ocop.ocopUpgrades(db, s);
		const oc06 = await engine(s, 'OC06');
		for (const y of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) {
			expect(sum(rows.filter((r) => r.year === y).map((r) => r.value))).toBe(valueAt(oc06, y));
		}
		expect(rows.every((r) => r.to_stars > r.from_stars)).toBe(true);
		// independent: sort each product's certificates and compare stars with the one before
		const certs = await sql<{ product_id: string; certificate_id: string; stars: number; decision_date: string }>(`
SELECT p.product_id, p.certificate_id, p.stars, p.decision_date FROM ocop_products p
JOIN ocop_products_units u ON u.rec_key = p.certificate_id AND u.unit_code = '22' AND u.unit_vintage = '2024'`);
		const byProduct = new Map<string, typeof certs>();
		for (const c of certs) byProduct.set(c.product_id, [...(byProduct.get(c.product_id) ?? []), c]);
		let upgrades2022 = 0;
		for (const list of byProduct.values()) {
			list.sort((a, b) => a.decision_date.localeCompare(b.decision_date) || a.certificate_id.localeCompare(b.certificate_id));
			for (let i = 1; i < list.length; i++)
				if (list[i].stars > list[i - 1].stars && list[i].decision_date.startsWith('2022')) upgrades2022++;
		}
		expect(sum(rows.filter((r) => r.year === 2022).map((r) => r.value))).toBe(upgrades2022);
	});

	it('certificates expiring within 6 months of 31/12/2024 are in force then, expire by 30/6/2025, and are all of them', async () => {
		const s = await scopeOf('22@2024', 2024);
		const rows = await ocop.ocopExpiring(db, s);
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) {
			expect(r.expiry_date > '2024-12-31' && r.expiry_date <= '2025-06-30').toBe(true);
			expect(r.days_left).toBe((Date.parse(r.expiry_date) - Date.parse('2024-12-31')) / 86_400_000);
			expect(r.area_vi).toBeTruthy();
		}
		// independent: latest certificate at the date, 36 months from its decision, not revoked
		const [{ n }] = await sql<{ n: number }>(`
WITH c AS (
  SELECT p.*, CAST(p.decision_date + INTERVAL 36 MONTH AS DATE) AS exp,
         row_number() OVER (PARTITION BY p.product_id ORDER BY p.decision_date DESC, p.certificate_id DESC) AS k
  FROM ocop_products p JOIN ocop_products_units u ON u.rec_key = p.certificate_id AND u.unit_code = '22' AND u.unit_vintage = '2024'
  WHERE p.decision_date <= DATE '2024-12-31')
SELECT count(*) AS n FROM c WHERE k = 1 AND exp > DATE '2024-12-31' AND exp <= DATE '2025-06-30'
  AND (revoked_date IS NULL OR revoked_date > DATE '2024-12-31')`);
		expect(rows.length).toBe(n);
		expect([...rows].map((r) => r.expiry_date)).toEqual([...rows].map((r) => r.expiry_date).sort());
	});

	it('the six-month window ends where DuckDB’s date arithmetic ends it', async () => {
		for (const d of ['2024-12-31', '2025-06-30', '2024-08-31', '2026-10-31', '2023-02-28']) {
			const [{ end }] = await sql<{ end: string }>(`SELECT CAST(DATE '${d}' + INTERVAL 6 MONTH AS DATE) AS end`);
			expect(ocop.monthsAfter(d, ocop.EXPIRY_MONTHS)).toBe(end);
		}
		expect(ocop.monthsAfter('2024-08-31', 6)).toBe('2025-02-28');
	});

	it('a merged province has nothing to show after it ended; the country has no records, only published totals', async () => {
		expect(await ocop.ocopByGroup(db, await scopeOf('34@2024', 2026))).toEqual([]);
		const vn = await scopeOf('VN', 2024);
		expect(await ocop.ocopByGroup(db, vn)).toEqual([]);
		const national = await ocop.ocopNational(db, vn);
		expect(national.oc01.origin).toBe('observations');
		expect(valueAt(national.oc01, 2024)).toBe(15590);
		expect(valueAt(national.oc04, 2024)).toBe(79);
	});
});

describe('startups and the Innovation Centre', () => {
	it('Đà Nẵng (48, 2024) at 2025: 189 projects, 83 startups — and KN01–KN04 as the engine every year', async () => {
		const s = await scopeOf('48@2024', 2025);
		const rows = await startups.startupPipeline(db, s);
		expect(rows.map((r) => r.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
		const last = rows.at(-1)!;
		expect([last.KN01, last.KN02, last.as_of]).toEqual([189, 83, '2025-06-30']);
		for (const code of startups.PIPELINE) {
			const e = await engine(s, code, 2021);
			for (const r of rows) expect(r[code]).toBeCloseTo(valueAt(e, r.year)!, 9);
		}
		expect(last.KN02).toBeLessThanOrEqual(last.KN01);
		expect(last.KN03).toBeLessThanOrEqual(last.KN02);
	});

	it('a 2026–2030 view counts from 1/1/2026 (hand count of the records)', async () => {
		const s = await scopeOf('48@2025', 2026, '2026-2030');
		const rows = await startups.startupPipeline(db, s);
		expect(rows.map((r) => r.year)).toEqual([2026]);
		const [{ n }] = await sql<{ n: number }>(`
SELECT count(*) AS n FROM startups WHERE province_code = '48' AND supported_date BETWEEN DATE '2026-01-01' AND DATE '2026-10-31'`);
		expect(rows[0].KN01).toBe(n);
		expect(rows[0].KN01).toBe(valueAt(await engine(s, 'KN01', 2026), 2026));
	});

	it('support organisations: projects per organisation add up to KN01; the distinct count matches the records', async () => {
		const s = await scopeOf('48@2024', 2025);
		const rows = await startups.supportOrgs(db, s);
		expect(sum(rows.map((r) => r.value))).toBe(189);
		const [{ n }] = await sql<{ n: number }>(`
SELECT count(DISTINCT support_org) AS n FROM startups
WHERE province_code = '48' AND supported_date BETWEEN DATE '2021-01-01' AND DATE '2025-06-30'`);
		expect(rows.length).toBe(n);
		const kn05 = await startups.supportOrgSeries(db, s);
		expect(kn05.origin).toBe('observations');
		expect(valueAt(kn05, 2025)).toBe(13);
	});

	it('Innovation Centre: TT02 per year as the engine; Quảng Ninh’s Centre not yet in operation in 2023 (published), in 2024 yes', async () => {
		const s = await scopeOf('22@2024', 2024);
		const rows = await startups.incubatedPerYear(db, s);
		const tt02 = await engine(s, 'TT02');
		for (const r of rows) expect(r.value).toBe(valueAt(tt02, r.year));
		const m2023 = await startups.centreMilestone(db, await scopeOf('22@2024', 2023));
		expect([m2023.done, m2023.since, m2023.provenance]).toEqual([false, null, 'published']);
		expect(m2023.sources.join(' ')).toMatch(/iToday/);
		const m2024 = await startups.centreMilestone(db, s);
		expect([m2024.done, m2024.since]).toEqual([true, 2024]);
	});
});

describe('S&T firms', () => {
	it('in force and new per year are DN01 and DN02; by field adds up to both', async () => {
		const s = await scopeOf('48@2025', 2026);
		const rows = await firms.firmsByYear(db, s);
		const [dn01, dn02] = await Promise.all([engine(s, 'DN01'), engine(s, 'DN02')]);
		for (const r of rows) expect([r.in_force, r.new_certs]).toEqual([valueAt(dn01, r.year), valueAt(dn02, r.year)]);
		const fields = await firms.firmsByField(db, s);
		expect(sum(fields.map((f) => f.in_force))).toBe(valueAt(dn01, 2026));
		expect(sum(fields.map((f) => f.new_certs))).toBe(valueAt(dn02, 2026));
	});
});

describe('budget', () => {
	it.each([
		['48@2024', 2025, [1, 2]],
		['22@2024', 2025, [1, 2, 3, 4]],
		['33@2025', 2024, [1, 2, 3, 4]],
		['56@2025', 2026, [1, 2, 3]]
	] as const)('%s in %i: quarters add up to NS01/NS02, the last cumulative rate is NS03', async (ref, year, quarters) => {
		const s = await scopeOf(ref, year);
		const rows = await budget.budgetByQuarter(db, s);
		expect(rows.map((r) => r.quarter)).toEqual(quarters);
		const [ns01, ns02, ns03] = await Promise.all(['NS01', 'NS02', 'NS03'].map((c) => engine(s, c)));
		expect(sum(rows.map((r) => r.allocated))).toBeCloseTo(valueAt(ns01, year)!, 6);
		expect(sum(rows.map((r) => r.disbursed))).toBeCloseTo(valueAt(ns02, year)!, 6);
		expect(rows.at(-1)!.cumulative_rate).toBeCloseTo(valueAt(ns03, year)!, 6);
		expect(rows.at(-1)!.cumulative_allocated).toBeCloseTo(valueAt(ns01, year)!, 6);
	});

	it('cumulative rate is sum over sum, not the mean of quarterly rates', () => {
		const rows = budget.cumulate([
			{ quarter: 2, allocated: 10, disbursed: 10 },
			{ quarter: 1, allocated: 30, disbursed: 0 }
		]);
		expect(rows.map((r) => r.quarter)).toEqual([1, 2]);
		expect(rows.map((r) => r.rate)).toEqual([0, 100]);
		expect(rows.map((r) => r.cumulative_rate)).toEqual([0, 25]);
	});

	it('by source: central + provincial are NS01/NS02, non-state disbursed is NS05', async () => {
		const s = await scopeOf('48@2024', 2024);
		const rows = await budget.budgetBySource(db, s);
		expect(rows.map((r) => r.source)).toEqual(['central', 'provincial', 'non_state']);
		const [ns01, ns02, ns05] = await Promise.all(['NS01', 'NS02', 'NS05'].map((c) => engine(s, c)));
		const state = rows.filter((r) => r.source !== 'non_state');
		expect(sum(state.map((r) => r.allocated))).toBeCloseTo(valueAt(ns01, 2024)!, 6);
		expect(sum(state.map((r) => r.disbursed))).toBeCloseTo(valueAt(ns02, 2024)!, 6);
		expect(rows[2].disbursed).toBeCloseTo(valueAt(ns05, 2024)!, 6);
	});

	it('S&T share is NS04 (numerator/denominator kept); the norms are 2 % (2013 S&T Law) and 3 % (Resolution 57)', async () => {
		const share = await budget.budgetShare(db, await scopeOf('22@2024', 2024));
		const p = share.points.find((x) => x.year === 2024)!;
		expect([p.numerator, p.denominator]).toEqual([168.913, 44082]);
		expect(p.value).toBeCloseTo((100 * 168.913) / 44082, 10);
		const norms = await budget.budgetNorms(db);
		expect(norms.map((n) => n.value)).toEqual([2, 3]);
		expect(norms[0].document).toMatch(/Luật KH&CN 2013/);
		expect(norms[1].document).toMatch(/NQ 57/);
	});
});

describe('intellectual property', () => {
	it('marks and GIs by type are SH02 and SH03; filings by type are SH05', async () => {
		const s = await scopeOf('22@2025', 2026, '2021-2025');
		const marks = await ip.marksGranted(db, s);
		const [sh02, sh03, sh05] = await Promise.all(['SH02', 'SH03', 'SH05'].map((c) => engine(s, c)));
		for (let y = 2021; y <= 2026; y++) {
			const at = marks.filter((r) => r.year === y);
			expect(sum(at.filter((r) => r.ip_type !== 'geographical_indication').map((r) => r.value))).toBe(valueAt(sh02, y));
			expect(sum(at.filter((r) => r.ip_type === 'geographical_indication').map((r) => r.value))).toBe(valueAt(sh03, y));
		}
		const filings = await ip.filingsPerYear(db, s);
		for (let y = 2019; y <= 2026; y++) expect(sum(filings.filter((r) => r.year === y).map((r) => r.value))).toBe(valueAt(sh05, y));
		expect(new Set(filings.map((r) => r.ip_type))).toEqual(new Set(['patent', 'utility_solution']));
	});

	it('key/specialty products are SH01 observations with their provenance', async () => {
		const s = await scopeOf('22@2024', 2024);
		const kp = await ip.keyProducts(db, s);
		expect(valueAt(kp, 2024)).toBe(18);
		expect(kp.provenance).toBe('illustrative');
	});
});

describe('S&T tasks', () => {
	it('per year: NV01–NV04 as the engine; ongoing by level and field adds up to NV01', async () => {
		const s = await scopeOf('48@2024', 2025);
		const rows = await tasks.tasksByYear(db, s);
		const [nv01, nv02, nv03, nv04] = await Promise.all(['NV01', 'NV02', 'NV03', 'NV04'].map((c) => engine(s, c)));
		for (const r of rows) {
			expect([r.ongoing, r.accepted, r.overdue]).toEqual([valueAt(nv01, r.year), valueAt(nv02, r.year), valueAt(nv04, r.year)]);
			if (r.applied_share == null) expect(valueAt(nv03, r.year)).toBeNull();
			else expect(r.applied_share).toBeCloseTo(valueAt(nv03, r.year)!, 10);
		}
		expect(sum((await tasks.tasksByLevelField(db, s)).map((r) => r.value))).toBe(valueAt(nv01, 2025));
	});

	it('the overdue list is NV04 at the date: ongoing, planned end before the date, days counted by hand', async () => {
		const s = await scopeOf('48@2024', 2025);
		const rows = await tasks.overdueTasks(db, s);
		expect(rows.length).toBe(valueAt(await engine(s, 'NV04'), 2025));
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) {
			expect(r.planned_end_date < '2025-06-30').toBe(true);
			expect(r.days_overdue).toBe((Date.parse('2025-06-30') - Date.parse(r.planned_end_date)) / 86_400_000);
		}
		const [{ n }] = await sql<{ n: number }>(`
SELECT count(*) AS n FROM st_tasks WHERE province_code = '48' AND start_date <= DATE '2025-06-30'
  AND (accepted_date IS NULL OR accepted_date > DATE '2025-06-30') AND (cancelled_date IS NULL OR cancelled_date > DATE '2025-06-30')
  AND planned_end_date < DATE '2025-06-30'`);
		expect(rows.length).toBe(n);
	});
});
