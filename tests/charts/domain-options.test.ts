/**
 * The domain pages' chart options: pure functions from KPI rows to ECharts options
 * and an aria-label that says what the chart says. Expected values are worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { bars, LIGHT_THEME, listPairs, palette, starColor, yearLabel } from '../../src/lib/charts/domain-options';
import type { ChartContext } from '../../src/lib/charts/domains/common';
import {
	areaCategories,
	categoryStarsOption,
	expiringOption,
	groupCategories,
	nationalOption,
	starsOption,
	statusOption,
	upgradesOption
} from '../../src/lib/charts/domains/ocop';
import { orgsOption, pipelineOption, topOrgs } from '../../src/lib/charts/domains/startups';
import { quartersOption, shareOption } from '../../src/lib/charts/domains/budget';
import { typesByYearOption } from '../../src/lib/charts/domains/ip';
import { levelFieldOption, overdueBuckets } from '../../src/lib/charts/domains/st-tasks';
import { firmsFieldsOption } from '../../src/lib/charts/domains/st-firms';
import { cumulate } from '../../src/lib/kpi/domains/budget';
import type { AreaRow, ExpiringRow, GroupRow } from '../../src/lib/kpi/domains/ocop';
import type { OverdueRow } from '../../src/lib/kpi/domains/st-tasks';

const vi: ChartContext = { lang: 'vi', theme: LIGHT_THEME };
const en: ChartContext = { lang: 'en', theme: LIGHT_THEME };
const DARK = { ...LIGHT_THEME, dark: true, fg: '#e8edf3', surface: '#171e27' };

type S = { name: string; data: unknown[]; stack?: string; type: string; yAxisIndex?: number; xAxisIndex?: number; label?: { show: boolean; formatter: (p: unknown) => string }; markLine?: { data: { yAxis?: number; label: { formatter: string } }[] } };
const series = (o: unknown) => (o as { series: S[] }).series;
const axis = (o: unknown, k: 'xAxis' | 'yAxis') => (o as Record<string, { data?: string[]; minInterval?: number; inverse?: boolean } | { name?: string }[]>)[k];

describe('generic bars', () => {
	const fmt = (x: number) => String(x);
	it('stacks, puts the stack total on the top segment and keeps counts whole', () => {
		const o = bars({
			categories: ['2022', '2023'],
			theme: LIGHT_THEME,
			fmt,
			integer: true,
			totals: true,
			series: [
				{ name: 'a', values: [1, 2], stack: 's' },
				{ name: 'b', values: [3, 0], stack: 's' }
			]
		});
		const s = series(o);
		expect(s).toHaveLength(2);
		expect(s[1].label!.formatter({ dataIndex: 0 })).toBe('4');
		expect(s[1].label!.formatter({ dataIndex: 1 })).toBe('2');
		expect((axis(o, 'xAxis') as { data: string[] }).data).toEqual(['2022', '2023']);
		expect((axis(o, 'yAxis') as { minInterval: number }).minInterval).toBe(1);
	});

	it('lays categories on the y axis when horizontal, first category on top', () => {
		const o = bars({ categories: ['x', 'y'], horizontal: true, theme: LIGHT_THEME, fmt, series: [{ name: 'a', values: [1, 2] }] });
		const y = axis(o, 'yAxis') as { data: string[]; inverse: boolean };
		expect([y.data, y.inverse]).toEqual([['x', 'y'], true]);
		expect(series(o)[0].xAxisIndex).toBe(0);
	});

	it('puts a line on the second axis and draws labelled reference lines', () => {
		const o = bars({
			categories: ['Q1'],
			theme: LIGHT_THEME,
			fmt,
			second: { fmt, name: '%' },
			references: [{ value: 2, label: 'Luật' }],
			series: [
				{ name: 'bar', values: [5] },
				{ name: 'line', values: [50], type: 'line', axis: 1 }
			]
		});
		expect((axis(o, 'yAxis') as unknown[]).length).toBe(2);
		expect(series(o)[1].yAxisIndex).toBe(1);
		expect(series(o)[0].markLine!.data[0]).toMatchObject({ yAxis: 2, label: { formatter: 'Luật' } });
	});

	it('labels a year read before its end with its date', () => {
		expect(yearLabel('vi', 2025, '2025-12-31')).toBe('2025');
		expect(yearLabel('vi', 2025, '2025-06-30')).toBe('2025\n(30/6)');
		expect(yearLabel('en', 2026, '2026-10-31')).toBe('2026\n(31 Oct)');
		expect(listPairs(['a', 'b'], [1, null], fmt)).toBe('a: 1; b: —');
	});

	it('has lighter colours for the dark theme', () => {
		expect(palette(DARK)).not.toEqual(palette(LIGHT_THEME));
		expect(starColor(DARK, 5)).not.toBe(starColor(LIGHT_THEME, 5));
	});
});

describe('OCOP charts', () => {
	const stars = [
		{ year: 2022, as_of: '2022-12-31', s3: 203, s4: 97, s5: 4, total: 304 },
		{ year: 2023, as_of: '2023-12-31', s3: 256, s4: 86, s5: 4, total: 346 }
	];

	it('stacks 3/4/5 stars per year and says the totals in Vietnamese and English', () => {
		const { option, label } = starsOption(stars, vi);
		expect(series(option).map((s) => s.name)).toEqual(['3 sao', '4 sao', '5 sao']);
		expect(series(option).map((s) => s.data)).toEqual([[203, 256], [97, 86], [4, 4]]);
		expect(series(option)[2].label!.formatter({ dataIndex: 1 })).toBe('346');
		expect(label).toContain('2023: 346');
		expect(label).toContain('3 sao 256, 4 sao 86, 5 sao 4');
		expect(series(starsOption(stars, en).option).map((s) => s.name)).toEqual(['3-star', '4-star', '5-star']);
	});

	it('translates the product groups and keeps the catalogue order', () => {
		const rows: GroupRow[] = [
			{ year: 2023, as_of: '2023-12-31', product_group: 'tourism', stars: 3, value: 6 },
			{ year: 2023, as_of: '2023-12-31', product_group: 'food', stars: 3, value: 126 },
			{ year: 2023, as_of: '2023-12-31', product_group: 'food', stars: 4, value: 44 }
		];
		const cats = groupCategories(rows, vi);
		expect(cats.map((c) => [c.name, c.total])).toEqual([['Thực phẩm', 170], ['Dịch vụ du lịch cộng đồng', 6]]);
		expect(groupCategories(rows, en)[0].name).toBe('Food');
		const { label } = categoryStarsOption(cats, 'Theo nhóm', vi);
		expect(label).toBe('Theo nhóm. Thực phẩm: 170; Dịch vụ du lịch cộng đồng: 6.');
	});

	it('names a new province’s areas by old province; records after the merger last', () => {
		const row = (code: string | null, vintage: string | null, name: string | null, value: number): AreaRow => ({
			year: 2025, as_of: '2025-12-31', area_code: code, area_vintage: vintage, name_vi: name, name_en: name, stars: 3, value
		});
		const cats = areaCategories([row('48', '2025', 'Đà Nẵng', 500), row('49', '2024', 'Quảng Nam', 415), row('48', '2024', 'Đà Nẵng', 104)], vi, '2025');
		expect(cats.map((c) => c.name)).toEqual(['Quảng Nam (cũ)', 'Đà Nẵng (cũ)', 'Đà Nẵng (từ 1/7/2025)']);
		const old = areaCategories([row(null, null, null, 9), row('193', '2024', 'Hạ Long', 88)], en, '2024');
		expect(old.map((c) => c.name)).toEqual(['Hạ Long', 'No district (from 1 Jul 2025)']);
	});

	it('shows status in force, expired, revoked in that order', () => {
		const { option, label } = statusOption(
			[
				{ year: 2023, as_of: '2023-12-31', status: 'revoked', value: 14 },
				{ year: 2023, as_of: '2023-12-31', status: 'in_force', value: 346 }
			],
			'Tình trạng',
			vi
		);
		expect((series(option)[0].data as { value: number }[]).map((d) => d.value)).toEqual([346, 0, 14]);
		expect(label).toBe('Tình trạng. Còn hiệu lực: 346; Hết hạn, chưa đánh giá lại: 0; Bị thu hồi: 14.');
	});

	it('stacks upgrades by transition with zero years kept', () => {
		const years = [2021, 2022, 2023].map((year) => ({ year, as_of: `${year}-12-31` }));
		const { option, label } = upgradesOption(
			[
				{ year: 2021, as_of: '2021-12-31', from_stars: 3, to_stars: 4, value: 6 },
				{ year: 2021, as_of: '2021-12-31', from_stars: 4, to_stars: 5, value: 3 },
				{ year: 2023, as_of: '2023-12-31', from_stars: 3, to_stars: 4, value: 9 }
			],
			years,
			vi
		);
		expect(series(option).map((s) => [s.name, s.data])).toEqual([
			['3★ → 4★', [6, 0, 9]],
			['4★ → 5★', [3, 0, 0]]
		]);
		expect(label).toContain('2021: 9; 2022: 0; 2023: 9');
	});

	it('counts expiring certificates by month in the six months after the date', () => {
		const cert = (expiry_date: string, stars: number): ExpiringRow => ({
			year: 2024, as_of: '2024-12-31', certificate_id: expiry_date, product_name: '', producer_name: '', product_group: 'food',
			stars, decision_date: '', expiry_date, days_left: 0, area_vi: null, area_en: null
		});
		const { option, label } = expiringOption([cert('2025-04-19', 4), cert('2025-04-20', 3), cert('2025-06-30', 3)], '2024-12-31', vi);
		expect((axis(option, 'xAxis') as { data: string[] }).data).toEqual(['1/2025', '2/2025', '3/2025', '4/2025', '5/2025', '6/2025']);
		expect(series(option).map((s) => s.data)).toEqual([[0, 0, 0, 1, 0, 1], [0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 0, 0]]);
		expect(label).toContain('4/2025: 2');
		expect((axis(expiringOption([], '2026-10-31', en).option, 'xAxis') as { data: string[] }).data[0]).toBe('Nov\n2026');
	});

	it('shows the published national totals for the country', () => {
		const p = (year: number, value: number, asOf: string) => ({ year, value, numerator: null, denominator: null, asOf });
		const { option, label } = nationalOption([p(2023, 10322, '2023-12-06'), p(2024, 15590, '2024-12-31')], [p(2024, 79, '2024-12-31')], vi);
		expect(series(option).map((s) => s.data)).toEqual([[10322, 15590], [null, 79]]);
		expect(label).toContain('2024: 15.590');
	});
});

describe('startups, budget, IP, tasks, firms charts', () => {
	it('draws the pipeline as three bars and says the capital in tỷ đồng', () => {
		const { option, label } = pipelineOption({ year: 2025, as_of: '2025-06-30', KN01: 189, KN02: 83, KN03: 14, KN04: 66.72 }, vi);
		expect((series(option)[0].data as { value: number }[]).map((d) => d.value)).toEqual([189, 83, 14]);
		expect(label).toContain('Dự án được hỗ trợ: 189; Doanh nghiệp khởi nghiệp: 83; Doanh nghiệp gọi được vốn: 14');
		expect(label).toContain('Vốn huy động: 66,7 tỷ đồng');
	});

	it('keeps the organisations with most projects and sums the rest', () => {
		const rows = ['A', 'B', 'C', 'D'].map((support_org, i) => ({ year: 2025, as_of: '2025-06-30', support_org, value: 10 - i }));
		expect(topOrgs(rows, 2)).toEqual([
			{ name: 'A', value: 10, others: 0 },
			{ name: 'B', value: 9, others: 0 },
			{ name: '', value: 15, others: 2 }
		]);
		expect(orgsOption(rows, 'Tổ chức', vi).label).toBe('Tổ chức. A: 10; B: 9; C: 8; D: 7.');
	});

	it('puts the cumulative disbursement rate on a percent axis', () => {
		const rows = cumulate([
			{ quarter: 1, allocated: 60.913, disbursed: 18.281 },
			{ quarter: 2, allocated: 25.314, disbursed: 32.94 }
		]);
		const { option, label } = quartersOption(rows, 2025, vi);
		const line = series(option)[2];
		expect([line.type, line.yAxisIndex]).toEqual(['line', 1]);
		expect(line.label!.formatter({ value: rows[1].cumulative_rate })).toBe('59,4%');
		expect(label).toContain('Quý 1: 30,0%; Quý 2: 59,4%');
	});

	it('draws the 2 % and 3 % floors as reference lines labelled with their documents', () => {
		const norms = [
			{ value: 2, document: 'Luật KH&CN 2013 (29/2013/QH13), Điều 49', source_url: null, plan: '2021-2025' },
			{ value: 3, document: 'NQ 57-NQ/TW (22/12/2024)', source_url: null, plan: '2026-2030' }
		];
		const { option, label } = shareOption([{ year: 2024, value: 0.38, numerator: 168.913, denominator: 44082, asOf: '2024-12-31' }], norms, vi);
		const lines = series(option)[0].markLine!.data;
		expect(lines.map((l) => l.yAxis)).toEqual([2, 3]);
		expect(lines[0].label.formatter).toBe('Mức 2%: Luật KH&CN 2013 (29/2013/QH13), Điều 49');
		expect(lines[1].label.formatter).toBe('Mức 3%: NQ 57-NQ/TW (22/12/2024)');
		expect(label).toContain('2024: 0,4%');
	});

	it('stacks IP titles by type with zeros where a type had none', () => {
		const years = [2021, 2022].map((year) => ({ year, as_of: `${year}-12-31` }));
		const { option } = typesByYearOption(
			[{ year: 2022, as_of: '2022-12-31', ip_type: 'collective_mark', value: 1 }],
			years,
			['certification_mark', 'collective_mark'],
			'SH02',
			'văn bằng',
			en
		);
		expect(series(option).map((s) => [s.name, s.data])).toEqual([
			['Certification marks', [0, 0]],
			['Collective marks', [0, 1]]
		]);
	});

	it('buckets overdue tasks: up to 90 days, 91–180, 181–365, over a year', () => {
		const task = (days_overdue: number) => ({ days_overdue }) as OverdueRow;
		expect(overdueBuckets([1, 90, 91, 180, 181, 365, 366, 500].map(task)).map((b) => b.value)).toEqual([2, 2, 2, 2]);
	});

	it('orders fields by ongoing tasks and stacks the three levels', () => {
		const row = (field: string, level: 'national' | 'provincial' | 'grassroots', value: number) => ({ year: 2025, as_of: '2025-06-30', field, level, value });
		const { option, label } = levelFieldOption([row('Du lịch', 'provincial', 6), row('Nông nghiệp', 'provincial', 12), row('Nông nghiệp', 'national', 2)], 'Cấp', vi);
		expect((axis(option, 'yAxis') as { data: string[] }).data).toEqual(['Nông nghiệp', 'Du lịch']);
		expect(series(option).map((s) => s.data)).toEqual([[2, 0], [12, 6], [0, 0]]);
		expect(label).toBe('Cấp. Nông nghiệp: 14; Du lịch: 6.');
	});

	it('shows firms in force and new by field', () => {
		const { option } = firmsFieldsOption([{ field: 'Y dược', in_force: 8, new_certs: 1 }], 'Lĩnh vực', en);
		expect(series(option).map((s) => [s.name, s.data])).toEqual([
			['Certificates in force (DN01)', [8]],
			['New in the year (DN02)', [1]]
		]);
	});
});
