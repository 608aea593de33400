/**
 * The progress report's model on the default data, in real DuckDB-WASM. Expected
 * values are worked out another way: the published Thái Bình OCOP figure (194 against
 * 150 at 30/6/2025), the targets table counted directly in SQL, and the summary's
 * counts recounted here from the table's own status labels.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { openDefaultData } from './open';
import { resolveUnit } from '../../src/lib/kpi/scorecard';
import { choosePlanForReport, readReportData, type ReportData } from '../../src/lib/report/data';
import { reportModel } from '../../src/lib/report/model';
import { t } from '../../src/lib/i18n/messages';

let db: Db;
let thaiBinh: ReportData;
let hungYen: ReportData;

beforeAll(async () => {
	({ db } = await openDefaultData());
	thaiBinh = await readReportData(db, { unit: (await resolveUnit(db, '34@2024'))! });
	hungYen = await readReportData(db, { unit: (await resolveUnit(db, '33@2025'))!, plan: '2021-2025' });
}, 120_000);
afterAll(async () => db?.close());

const countTargets = async (where: string) =>
	toRows<{ n: number }>(await db.query(`SELECT count(*) AS n FROM targets WHERE ${where}`))[0].n;

describe('report data', () => {
	it('reads the plan just ended, assessed at the data year', () => {
		expect(thaiBinh.plan).toBe('2021-2025');
		expect(thaiBinh.year).toBe(2026);
		expect(thaiBinh.asOf).toBe('2026-10-31');
	});

	it('has one row per target of the unit and plan, as counted in the targets table', async () => {
		expect(thaiBinh.rows.length).toBe(await countTargets(`unit_code = '34' AND unit_vintage = '2024' AND plan = '2021-2025'`));
		// New Hưng Yên answers for its own targets and those of old Hưng Yên and Thái Bình.
		expect(hungYen.rows.length).toBe(
			await countTargets(`plan = '2021-2025' AND ((unit_code = '33' AND unit_vintage = '2025') OR (unit_code IN ('33', '34') AND unit_vintage = '2024'))`)
		);
		expect(hungYen.rows.length).toBeGreaterThan(thaiBinh.rows.length);
	});

	it('draws one chart per indicator and answering unit', () => {
		const keys = new Set(thaiBinh.rows.map((r) => `${r.indicator}@${r.unit_code}`));
		expect(thaiBinh.charts.map((c) => `${c.indicator.code}@${c.unit.code}`).sort()).toEqual([...keys].sort());
		const oc01 = thaiBinh.charts.find((c) => c.indicator.code === 'OC01')!;
		const last = oc01.model.actual.at(-1)!;
		expect([last.asOf, last.value]).toEqual(['2025-06-30', 194]);
		expect(oc01.model.targets.map((x) => [x.year, x.min])).toEqual([[2025, 150]]);
	});

	it('chooses the plan a report is written about', () => {
		expect(choosePlanForReport(['2021-2025', '2026-2030'], 2026, null)).toBe('2021-2025');
		expect(choosePlanForReport(['2021-2025', '2026-2030'], 2027, null)).toBe('2026-2030');
		expect(choosePlanForReport(['2021-2025', '2026-2030'], 2026, '2026-2030')).toBe('2026-2030');
		expect(choosePlanForReport([], 2026, null)).toBeNull();
	});
});

describe('report model', () => {
	it('prints the Thái Bình OCOP target as published: 194 against 150, 129,3%, exceeded', () => {
		const m = reportModel(thaiBinh, 'vi');
		const oc01 = m.rows.find((r) => r.indicator === 'OC01')!;
		expect(oc01.actual).toBe('194 sản phẩm');
		expect([oc01.target, oc01.targetYear]).toEqual(['150 sản phẩm', '(năm 2025)']);
		expect([oc01.baseline, oc01.baselineYear]).toEqual(['52', '(năm 2020)']);
		expect(oc01.pct).toBe('129,3%');
		expect(oc01.status).toBe('exceeded');
		expect(oc01.statusLabel).toBe('Vượt');
		expect(oc01.actualDate).toBe('(đến 30/6/2025)');
		const ocop = m.sections.find((s) => s.domain === 'ocop')!;
		expect(ocop.lines).toContain(
			'Sản phẩm OCOP đạt 3 sao trở lên còn hiệu lực: 194 sản phẩm (đến 30/6/2025), đạt 129,3% kế hoạch năm 2025; vượt 44 sản phẩm.'
		);
		// 194/150 by hand.
		expect(Math.round((194 / 150) * 1000) / 10).toBe(129.3);
	});

	it('counts "đạt và vượt" as the table says, recounted from its labels', () => {
		for (const data of [thaiBinh, hungYen]) {
			const m = reportModel(data, 'vi');
			const labels = m.rows.map((r) => r.statusLabel);
			const achieved = labels.filter((l) => l === t('vi', 'status.exceeded') || l === t('vi', 'status.met')).length;
			expect(m.summary.total).toBe(m.rows.length);
			expect(m.summary.achieved).toBe(achieved);
			expect(m.summary.lines[0]).toContain(`đạt và vượt ${achieved}/${m.rows.length} chỉ tiêu giai đoạn 2021–2025`);
			const notMet = labels.filter((l) => l === 'Chưa đạt').length;
			expect(m.summary.counts.not_met).toBe(notMet);
			expect(Object.values(m.summary.counts).reduce((a, b) => a + b, 0)).toBe(m.rows.length);
		}
	});

	it('has one section per domain present, in the catalogue order, each target in exactly one', () => {
		const m = reportModel(thaiBinh, 'vi');
		expect(m.sections.map((s) => s.domain)).toEqual(['startups', 'innovation_centre', 'st_firms', 'ocop', 'ip', 'st_tasks', 'budget']);
		expect(m.sections.reduce((n, s) => n + s.lines.length, 0)).toBe(m.rows.length);
		const figures = m.sections.flatMap((s) => s.charts.map((c) => c.number));
		expect(figures).toEqual(figures.map((_, i) => i + 1));
		expect(m.sections[0].charts[0].sourceLine).toMatch(/^Nguồn: .* · Số liệu đến 31\/10\/2026/);
	});

	it('names the predecessors of a merged province, the one sharing its name as "cũ"', () => {
		const m = reportModel(hungYen, 'vi');
		expect(m.showUnit).toBe(true);
		expect(new Set(m.rows.map((r) => r.unitName))).toEqual(new Set(['Hưng Yên (cũ)', 'Thái Bình (cũ)']));
		const tb = m.rows.find((r) => r.indicator === 'OC01' && r.unitName === 'Thái Bình (cũ)')!;
		expect([tb.actual, tb.pct, tb.status]).toEqual(['194 sản phẩm', '129,3%', 'exceeded']);
	});

	it('says which figures are illustrative and lists the sources', () => {
		const m = reportModel(thaiBinh, 'vi');
		expect(m.dagger).toContain('minh họa');
		expect(m.rows.find((r) => r.indicator === 'KN01')!.illustrative).toBe(true);
		expect(m.sources.datasets.some((d) => d.startsWith('Giấy chứng nhận sản phẩm OCOP (ocop_products)'))).toBe(true);
		expect(m.sources.documents.some((d) => d.includes('Kế hoạch phát triển sản phẩm OCOP tỉnh Thái Bình'))).toBe(true);
	});

	it('speaks English with the same numbers', () => {
		const m = reportModel(thaiBinh, 'en');
		const vi = reportModel(thaiBinh, 'vi');
		expect(m.title).toBe('Report on the science, technology and innovation targets, 2021–2025');
		expect(m.rows.find((r) => r.indicator === 'OC01')!.pct).toBe('129.3%');
		expect(m.summary.lines[0]).toBe(`As of 31 Oct 2026, Thai Binh has met or exceeded ${vi.summary.achieved} of ${vi.summary.total} targets of the 2021–2025 plan.`);
		expect(m.rows.map((r) => r.status)).toEqual(vi.rows.map((r) => r.status));
	});
});
