/**
 * The plain-language line under each target, every branch in both languages, with
 * the exact strings a report would print. Hand-made rows carry figures worked out
 * here; the last block reads the real default data through DuckDB and checks the
 * published cases (Thái Bình OCOP 194 against 150, Đà Nẵng 189 projects against 200).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actualText, summaryLine, targetText, type SummaryInput } from '../../src/lib/kpi/summary-line';
import { computeScorecard, resolveUnit, type ScorecardRow } from '../../src/lib/kpi/scorecard';
import { openDataDir } from '../../scripts/lib/open-data';
import type { Db } from '../../src/lib/db/types';

const base: SummaryInput = {
	kind: 'level',
	direction: 'up',
	target_year: 2025,
	target_min: 150,
	target_max: null,
	actual: 194,
	achievement: 194 / 150,
	required_per_year: null,
	final: true,
	measure_vi: 'sản phẩm',
	measure_en: 'products'
};
const row = (o: Partial<SummaryInput>): SummaryInput => ({ ...base, ...o });
const both = (r: SummaryInput, evalYear = 2026) => [summaryLine(r, 'vi', evalYear), summaryLine(r, 'en', evalYear)];

const projects = { measure_vi: 'dự án', measure_en: 'projects' };
const tasks = { measure_vi: 'nhiệm vụ', measure_en: 'tasks', direction: 'down' as const };
const percent = { kind: 'ratio' as const, measure_vi: '%', measure_en: '%' };
const money = { kind: 'flow' as const, direction: 'none' as const, measure_vi: 'tỷ đồng', measure_en: 'billion VND' };

describe('target year reached (direction up)', () => {
	it('above the target: 194 vs 150 → 129,3%, 44 above', () => {
		expect(both(row({}))).toEqual([
			'Đạt 129,3% kế hoạch năm 2025; vượt 44 sản phẩm',
			'129.3% of the 2025 target; 44 products above it'
		]);
	});
	it('below the target: 189 vs 200 → 94,5%, 11 short', () => {
		expect(both(row({ ...projects, target_min: 200, actual: 189, achievement: 189 / 200 })))
			.toEqual(['Đạt 94,5% kế hoạch năm 2025; còn thiếu 11 dự án', '94.5% of the 2025 target; 11 projects short']);
	});
	it('exactly on target', () => {
		expect(both(row({ target_min: 14, actual: 14, achievement: 1 }))).toEqual([
			'Đạt 100,0% kế hoạch năm 2025',
			'100.0% of the 2025 target'
		]);
	});
	it('groups thousands the Vietnamese way: 16.590 vs 1.000 → vượt 15.590', () => {
		expect(both(row({ target_min: 1000, actual: 16590, achievement: 16.59 }))).toEqual([
			'Đạt 1.659,0% kế hoạch năm 2025; vượt 15.590 sản phẩm',
			'1,659.0% of the 2025 target; 15,590 products above it'
		]);
	});
	it('a percentage falls short by percentage points: 85,7731 vs 92 → 93,2%, 6,23 points', () => {
		expect(both(row({ ...percent, target_year: 2024, target_min: 92, actual: 85.7731, achievement: 85.7731 / 92 }))).toEqual([
			'Đạt 93,2% kế hoạch năm 2024; còn thiếu 6,23 điểm phần trăm',
			'93.2% of the 2024 target; 6.23 percentage points short'
		]);
	});
	it('one unit short is singular in English', () => {
		expect(both(row({ target_min: 1, actual: 0, achievement: 0 }))).toEqual([
			'Đạt 0,0% kế hoạch năm 2025; còn thiếu 1 sản phẩm',
			'0.0% of the 2025 target; 1 product short'
		]);
	});
});

describe('range targets (120–140: the lower bound is the commitment)', () => {
	const range = { target_min: 120, target_max: 140 };
	it('above the range', () => {
		expect(both(row({ ...range, actual: 291, achievement: 291 / 120 }))).toEqual([
			'Vượt khoảng chỉ tiêu 120–140 sản phẩm',
			'Above the target range of 120–140 products'
		]);
	});
	it('inside the range, at its lower bound', () => {
		expect(both(row({ target_min: 8, target_max: 10, actual: 8, achievement: 1 }))).toEqual([
			'Trong khoảng chỉ tiêu 8–10 sản phẩm',
			'Within the target range of 8–10 products'
		]);
	});
	it('below the range reads like any shortfall, against the lower bound: 114/120 = 95,0%', () => {
		expect(both(row({ ...range, actual: 114, achievement: 114 / 120 }))).toEqual([
			'Đạt 95,0% kế hoạch năm 2025; còn thiếu 6 sản phẩm',
			'95.0% of the 2025 target; 6 products short'
		]);
	});
});

describe('before the target year', () => {
	const plan = { ...projects, final: false, target_year: 2030, target_min: 104 };
	it('short, with the change still needed per year: 26 of 104 = 25,0%, 19,5 a year', () => {
		expect(both(row({ ...plan, actual: 26, achievement: 0.25, required_per_year: 19.5 }))).toEqual([
			'Đạt 25,0% chỉ tiêu 2030; cần thêm 19,5 dự án mỗi năm',
			'25.0% of the 2030 target; 19.5 more projects needed per year'
		]);
	});
	it('rates show one decimal, like the scorecard: 18,718 → 18,7', () => {
		expect(summaryLine(row({ ...plan, actual: 26, achievement: 0.25, required_per_year: 18.718 }), 'vi', 2026)).toBe(
			'Đạt 25,0% chỉ tiêu 2030; cần thêm 18,7 dự án mỗi năm'
		);
	});
	it('short, when no rate is known, says how much is left', () => {
		expect(both(row({ ...plan, actual: 26, achievement: 0.25, required_per_year: null }))).toEqual([
			'Đạt 25,0% chỉ tiêu 2030; còn thiếu 78 dự án',
			'25.0% of the 2030 target; 78 projects to go'
		]);
	});
	it('already past the target: 110 of 104 = 105,8%', () => {
		expect(both(row({ ...plan, actual: 110, achievement: 110 / 104, required_per_year: -1.4 }))).toEqual([
			'Đạt 105,8% chỉ tiêu 2030; đã vượt 6 dự án',
			'105.8% of the 2030 target; already 6 projects above it'
		]);
	});
	it('exactly at the target already', () => {
		expect(both(row({ ...plan, actual: 104, achievement: 1, required_per_year: 0 }))).toEqual([
			'Đạt 100,0% chỉ tiêu 2030',
			'100.0% of the 2030 target'
		]);
	});
	it('a percentage still needs percentage points a year: 53,306 of 85 = 62,7%', () => {
		expect(both(row({ ...percent, final: false, target_year: 2030, target_min: 85, actual: 53.306, achievement: 53.306 / 85, required_per_year: 7.61 }))).toEqual([
			'Đạt 62,7% chỉ tiêu 2030; cần thêm 7,6 điểm phần trăm mỗi năm',
			'62.7% of the 2030 target; 7.6 more percentage points needed per year'
		]);
	});
});

describe('milestones', () => {
	const m = { kind: 'milestone' as const, target_min: 1, measure_vi: 'mốc', measure_en: 'milestone (1 = reached)' };
	it('reached or not by the target year', () => {
		expect(both(row({ ...m, actual: 1, achievement: 1 }))).toEqual(['Đã đạt mốc kế hoạch năm 2025', 'Milestone of the 2025 plan reached']);
		expect(both(row({ ...m, actual: 0, achievement: 0 }))).toEqual([
			'Chưa đạt mốc kế hoạch năm 2025',
			'Milestone of the 2025 plan not reached'
		]);
	});
	it('before the deadline', () => {
		const early = { ...m, final: false, target_year: 2030 };
		expect(both(row({ ...early, actual: 1, achievement: 1, required_per_year: 0 }))).toEqual([
			'Đã đạt mốc, trước thời hạn năm 2030',
			'Milestone reached ahead of the 2030 deadline'
		]);
		expect(both(row({ ...early, actual: 0, achievement: 0, required_per_year: 0.24 }))).toEqual([
			'Chưa đạt mốc; thời hạn năm 2030',
			'Milestone not reached yet; due by 2030'
		]);
	});
});

describe('direction down: the target is a ceiling', () => {
	it('above the ceiling when the plan ends: 4 vs 2', () => {
		expect(both(row({ ...tasks, target_min: 2, actual: 4, achievement: 0.5 }))).toEqual([
			'Vượt mức trần 2 nhiệm vụ của kế hoạch năm 2025; cao hơn 2 nhiệm vụ',
			'Above the 2025 ceiling of 2 tasks; 2 tasks over it'
		]);
	});
	it('at and below the ceiling', () => {
		expect(both(row({ ...tasks, target_min: 10, actual: 10, achievement: 1 }))).toEqual([
			'Bằng mức trần 10 nhiệm vụ của kế hoạch năm 2025',
			'At the 2025 ceiling of 10 tasks'
		]);
		expect(both(row({ ...tasks, target_min: 10, actual: 7, achievement: 10 / 7 }))).toEqual([
			'Dưới mức trần 10 nhiệm vụ của kế hoạch năm 2025; thấp hơn 3 nhiệm vụ',
			'Below the 2025 ceiling of 10 tasks; 3 tasks under it'
		]);
	});
	it('a ceiling range 5–8 is judged on its upper bound: 9 is 1 over', () => {
		expect(both(row({ ...tasks, target_min: 5, target_max: 8, actual: 9, achievement: 8 / 9 }))).toEqual([
			'Vượt mức trần 8 nhiệm vụ của kế hoạch năm 2025; cao hơn 1 nhiệm vụ',
			'Above the 2025 ceiling of 8 tasks; 1 task over it'
		]);
	});
	it('before the target year: how much has to come off each year (13 vs 7, −1,44 a year)', () => {
		const early = { ...tasks, final: false, target_year: 2030, target_min: 7 };
		expect(both(row({ ...early, actual: 13, achievement: 7 / 13, required_per_year: -1.44 }))).toEqual([
			'Cao hơn mức trần 7 nhiệm vụ năm 2030 là 6 nhiệm vụ; cần giảm 1,4 nhiệm vụ mỗi năm',
			'6 tasks above the 2030 ceiling of 7 tasks; 1.4 fewer tasks needed per year'
		]);
		expect(both(row({ ...early, actual: 5, achievement: 7 / 5, required_per_year: 0.5 }))).toEqual([
			'Trong mức trần 7 nhiệm vụ năm 2030',
			'Within the 2030 ceiling of 7 tasks'
		]);
	});
});

describe('direction none: where the figure sits, not whether that is good', () => {
	it('on, above and below a point target', () => {
		expect(both(row({ ...money, target_min: 50, actual: 50, achievement: null }))).toEqual([
			'Đúng chỉ tiêu 50 tỷ đồng năm 2025',
			'On the 2025 target of 50 billion VND'
		]);
		expect(both(row({ ...money, target_min: 50, actual: 55, achievement: null }))).toEqual([
			'Cao hơn chỉ tiêu 50 tỷ đồng năm 2025: 5 tỷ đồng',
			'Above the 2025 target of 50 billion VND: 5 billion VND'
		]);
		expect(both(row({ ...money, target_min: 50, actual: 42.5, achievement: null }))).toEqual([
			'Thấp hơn chỉ tiêu 50 tỷ đồng năm 2025: 7,5 tỷ đồng',
			'Below the 2025 target of 50 billion VND: 7.5 billion VND'
		]);
	});
	it('inside a range', () => {
		expect(both(row({ ...money, target_min: 40, target_max: 60, actual: 45, achievement: null }))).toEqual([
			'Trong khoảng chỉ tiêu 40–60 tỷ đồng',
			'Within the target range of 40–60 billion VND'
		]);
	});
});

describe('no figure', () => {
	it('names the target year once the plan is over, the assessed year before', () => {
		expect(both(row({ actual: null, achievement: null }))).toEqual(['Chưa có số liệu năm 2025', 'No data for 2025']);
		expect(both(row({ actual: null, achievement: null, final: false, target_year: 2030 }))).toEqual([
			'Chưa có số liệu năm 2026',
			'No data for 2026'
		]);
	});
});

describe('figures printed beside the line', () => {
	it('actual and target with their unit', () => {
		expect(actualText(row({}), 'vi')).toBe('194 sản phẩm');
		expect(targetText(row({ target_min: 120, target_max: 140 }), 'vi')).toBe('120–140 sản phẩm');
		expect(actualText(row({ ...percent, actual: 85.7731 }), 'vi')).toBe('85,77%');
		expect(actualText(row({ kind: 'milestone', actual: 0 }), 'vi')).toBe('Chưa đạt mốc');
		expect(targetText(row({ kind: 'milestone', target_min: 1 }), 'en')).toBe('Done');
		expect(targetText(row({ target_min: 1 }), 'en')).toBe('1 product');
		expect(actualText(row({ actual: null }), 'en')).toBe('—');
	});
});

describe('on the default data (real DuckDB)', () => {
	let db: Db;
	beforeAll(async () => {
		({ db } = await openDataDir('data'));
	});
	afterAll(async () => db?.close());

	const find = async (ref: string, indicator: string, plan: string): Promise<ScorecardRow> => {
		const unit = (await resolveUnit(db, ref))!;
		const card = await computeScorecard(db, { unit, year: 2026 });
		return card.rows.find((r) => r.indicator === indicator && `${r.unit_code}@${r.unit_vintage}` === ref && r.plan === plan)!;
	};

	it('Thái Bình OCOP 3★+: 194 against 150 (published) → 194/150 = 129,3%, 194 − 150 = 44', async () => {
		const r = await find('34@2024', 'OC01', '2021-2025');
		expect(summaryLine(r, 'vi', 2026)).toBe('Đạt 129,3% kế hoạch năm 2025; vượt 44 sản phẩm');
		expect(summaryLine(r, 'en', 2026)).toBe('129.3% of the 2025 target; 44 products above it');
	});

	it('Đà Nẵng startup projects: 189 against 200 → 94,5%, 11 short', async () => {
		const r = await find('48@2024', 'KN01', '2021-2025');
		expect(summaryLine(r, 'vi', 2026)).toBe('Đạt 94,5% kế hoạch năm 2025; còn thiếu 11 dự án');
	});

	it('new Hưng Yên startup projects 2030: 26 of 104 at 31/10/2026 → (104 − 26) / (2030 − 2025 − 304/365) = 18,7 a year', async () => {
		const r = await find('33@2025', 'KN01', '2026-2030');
		expect([r.actual, r.target_min]).toEqual([26, 104]);
		const needed = (104 - 26) / (2030 - (2025 + 304 / 365));
		expect(needed).toBeCloseTo(18.718, 3);
		expect(summaryLine(r, 'vi', 2026)).toBe('Đạt 25,0% chỉ tiêu 2030; cần thêm 18,7 dự án mỗi năm');
	});
});
