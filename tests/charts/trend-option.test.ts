/**
 * The indicator page's chart options, built in Node without a browser: what is drawn,
 * where its ends are, and how numbers read in Vietnamese and English.
 */
import { describe, expect, it } from 'vitest';
import { trendModel, type TrendInput } from '../../src/lib/kpi/indicator/trend';
import {
	breakdownLabel,
	breakdownOption,
	gapLabel,
	LIGHT_PALETTE,
	trendFormatters,
	trendOption,
	yearTick
} from '../../src/lib/charts/trend-option';

type AnySeries = { id: string; name: string; type: string; step?: string; data: { value: [number, number]; label?: { formatter?: unknown } }[]; lineStyle?: { type?: unknown }; markArea?: { data: { coord: [number, number] }[][] } };
type Opt = {
	series: AnySeries[];
	legend: { data: string[] };
	xAxis: { min: number; max: number; axisLabel: { formatter: (v: number) => string } };
	yAxis: { axisLabel: { formatter: (v: number) => string } };
	tooltip: { formatter: (p: unknown) => string };
};

const pts = (values: [number, number, string?][]) => values.map(([year, value, at]) => ({ year, value, asOf: at ?? `${year}-12-31` }));

/** Ninh Thuận-like OCOP: a range target 120–140 by 2025 from 60 in 2020. */
const rangeInput: TrendInput = {
	kind: 'level',
	direction: 'up',
	points: pts([[2019, 40], [2020, 60], [2021, 75], [2022, 88], [2023, 97], [2024, 104], [2025, 109, '2025-06-30']]),
	targets: [{ plan: '2021-2025', baselineYear: 2020, baselineValue: 60, targetYear: 2025, targetMin: 120, targetMax: 140 }]
};

const build = (input: TrendInput, lang: 'vi' | 'en' = 'vi', measure = 'sản phẩm') =>
	trendOption({ lang, model: trendModel(input), measure }) as unknown as Opt;
const byId = (o: Opt, id: string) => o.series.find((s) => s.id === id);

describe('trend option', () => {
	it('has the actual series, the expected path, the forecast and the target', () => {
		const o = build(rangeInput);
		expect(o.series.map((s) => s.id)).toEqual(['expected-2021-2025-2025', 'forecast', 'actual', 'target', 'gap', 'gap-guide']);
		expect(o.legend.data).toEqual(['Thực hiện', 'Lộ trình kế hoạch', 'Dự báo theo xu hướng', 'Mục tiêu']);
		const actual = byId(o, 'actual')!;
		expect(actual.type).toBe('line');
		expect(actual.data.map((d) => d.value[1])).toEqual([40, 60, 75, 88, 97, 104, 109]);
		// the mid-2025 figure sits half-way through 2025 on the year-end axis
		expect(actual.data.at(-1)!.value[0]).toBeCloseTo(2024 + 181 / 365, 10);
	});

	it('draws the expected path from the baseline to the target (the lower bound of a range), dashed', () => {
		const path = byId(build(rangeInput), 'expected-2021-2025-2025')!;
		expect(path.data.map((d) => d.value)).toEqual([
			[2020, 60],
			[2025, 120]
		]);
		expect(path.lineStyle?.type).toBe('dashed');
	});

	it('shades the range target 120–140 as a band up to the target year and labels it', () => {
		const target = byId(build(rangeInput), 'target')!;
		expect(target.data.map((d) => d.value)).toEqual([[2025, 120]]);
		expect(target.data[0].label?.formatter).toBe('Mục tiêu 2025: 120–140');
		const band = target.markArea!.data[0];
		expect(band[0].coord).toEqual([2020, 120]);
		expect(band[1].coord).toEqual([2025, 140]);
		// a single-value target has no band
		const single = build({ ...rangeInput, targets: [{ ...rangeInput.targets[0], targetMax: null }] });
		expect(byId(single, 'target')!.markArea).toBeUndefined();
	});

	it('extends the dotted least-squares forecast to 2025 and to a 2030 target', () => {
		const o = build({
			...rangeInput,
			points: pts([[2021, 75], [2022, 88], [2023, 97], [2024, 104]]),
			targets: [...rangeInput.targets, { plan: '2026-2030', baselineYear: 2025, baselineValue: 120, targetYear: 2030, targetMin: 200, targetMax: null }]
		});
		const f = byId(o, 'forecast')!;
		expect(f.lineStyle?.type).toBe('dotted');
		expect(f.data.map((d) => d.value[0])).toEqual([2024, 2025, 2030]);
		// least squares through (2021, 75) … (2024, 104): slope 9.6, mean 91 at 2022.5
		expect(f.data[0].value[1]).toBeCloseTo(91 + 9.6 * 1.5, 10);
		expect(f.data[1].value[1]).toBeCloseTo(91 + 9.6 * 2.5, 10);
		expect(f.data[2].value[1]).toBeCloseTo(91 + 9.6 * 7.5, 10);
		expect(f.data[2].label?.formatter).toBe('Dự báo 2030: 163');
		// the time axis runs from the first baseline to the last target, ticks on year ends
		expect(o.xAxis.min).toBeCloseTo(2019.7, 10);
		expect(o.xAxis.max).toBeCloseTo(2030.3, 10);
		expect((o.xAxis.axisLabel as unknown as { customValues: number[] }).customValues).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
	});

	it('labels the gap at the last actual: "còn thiếu 11" / "11 short"', () => {
		const input: TrendInput = {
			kind: 'cumulative',
			direction: 'up',
			points: pts([[2021, 30], [2022, 70], [2023, 110], [2024, 150], [2025, 189, '2025-06-30']]),
			targets: [{ plan: '2021-2025', baselineYear: 2020, baselineValue: 0, targetYear: 2025, targetMin: 200, targetMax: null }]
		};
		const o = build(input);
		const gap = byId(o, 'gap')!;
		// half a year before the target marker: the label goes above the gap, off the marker
		expect(gap.data.map((d) => d.value[1])).toEqual([189, 200]);
		expect(gap.data[1].label?.formatter).toBe('còn thiếu 11');
		expect((gap.data[1].label as { position?: string }).position).toBe('top');
		// the last value moves below its point, out of the gap's way
		expect(byId(o, 'actual')!.data.at(-1)!.label).toEqual({ position: 'bottom' });
		expect(gapLabel('en', trendModel(input), 'projects')).toBe('11 short');
		expect(gapLabel('vi', trendModel({ ...input, points: pts([[2025, 215]]) }), 'dự án')).toBe('vượt 15');
	});

	it('far from the target, labels the middle of the gap; a range is measured to its nearer edge', () => {
		const far = build({
			kind: 'level',
			direction: 'up',
			points: pts([[2024, 430], [2025, 447], [2026, 463, '2026-10-31']]),
			targets: [{ plan: '2026-2030', baselineYear: 2025, baselineValue: 447, targetYear: 2030, targetMin: 519, targetMax: null }]
		});
		const gap = byId(far, 'gap')!;
		expect(gap.data.map((d) => d.value[1])).toEqual([463, 491, 519]);
		expect(gap.data[1].label?.formatter).toBe('còn thiếu 56');
		expect(byId(far, 'gap-guide')!.data.map((d) => d.value)).toEqual([
			[gap.data[0].value[0], 519],
			[2030, 519]
		]);

		const range = build({ ...rangeInput, points: pts([[2024, 266], [2025, 291, '2025-06-30']]) }, 'en', 'products');
		const over = byId(range, 'gap')!;
		expect(over.data.map((d) => d.value[1])).toEqual([291, 140]);
		expect(over.data[1].label?.formatter).toBe('151 ahead');
		expect((over.data[1].label as { position?: string }).position).toBe('bottom');
	});

	it('formats numbers the vi-VN way and the English way, years without separators', () => {
		const vi = build(rangeInput, 'vi');
		const en = build(rangeInput, 'en');
		expect(vi.yAxis.axisLabel.formatter(15590)).toBe('15.590');
		expect(en.yAxis.axisLabel.formatter(15590)).toBe('15,590');
		expect(vi.yAxis.axisLabel.formatter(0.65)).toBe('0,65');
		expect(vi.xAxis.axisLabel.formatter(2025)).toBe('2025');
		expect(yearTick(2024.6)).toBe('');
		expect(trendFormatters('vi', '%').value(12.5)).toBe('12,5%');
		expect(trendFormatters('vi', 'tỷ đồng').withUnit(1234.5)).toBe('1.234,5 tỷ đồng');
	});

	it('tooltips give the date of each figure', () => {
		const o = build(rangeInput);
		const last = byId(o, 'actual')!.data.at(-1)!;
		expect(o.tooltip.formatter({ data: last })).toBe('Thực hiện · 30/6/2025: <b>109 sản phẩm</b>');
		const en = build(rangeInput, 'en', 'products');
		expect(en.tooltip.formatter({ data: byId(en, 'actual')!.data.at(-1) })).toBe('Actual · 30 Jun 2025: <b>109 products</b>');
	});

	it('breaks the line at a missing year rather than drawing through it', () => {
		const o = build({ ...rangeInput, points: pts([[2021, 5401], [2023, 10322], [2024, 15590]]), targets: [] });
		const data = byId(o, 'actual')!.data.map((d) => d.value);
		expect(data).toEqual([[2021, 5401], [2022, '-'], [2023, 10322], [2024, 15590]]);
	});

	it('a milestone steps from not yet to done, with the axis saying which', () => {
		const o = build({
			kind: 'milestone',
			direction: 'up',
			points: pts([[2022, 0], [2023, 0], [2024, 1]]),
			targets: [{ plan: '2021-2025', baselineYear: 2020, baselineValue: 0, targetYear: 2025, targetMin: 1, targetMax: null }]
		}, 'vi', 'mốc') as Opt & { yAxis: { max: number } };
		expect(byId(o, 'actual')!.step).toBe('end');
		expect(o.yAxis.max).toBe(1);
		expect([o.yAxis.axisLabel.formatter(0), o.yAxis.axisLabel.formatter(1)]).toEqual(['Chưa đạt mốc', 'Đã đạt mốc']);
		expect(o.series.map((x) => x.id)).toEqual(['actual', 'target']);
		expect(byId(o, 'target')!.data[0].label?.formatter).toBe('Mục tiêu 2025');
	});

	it('without targets draws only the actual series', () => {
		const o = build({ ...rangeInput, targets: [] });
		expect(o.series.map((s) => s.id)).toEqual(['forecast', 'actual', 'target']);
		expect(byId(o, 'target')!.data).toEqual([]);
		expect(o.legend.data).toEqual(['Thực hiện', 'Dự báo theo xu hướng']);
	});
});

describe('breakdown option', () => {
	const items = [
		{ code: '195', name: 'Cẩm Phả', value: 20, share: 20 / 346 },
		{ code: '193', name: 'Hạ Long', value: 60, share: 60 / 346 },
		{ code: '207', name: 'Cô Tô', value: 0, share: 0 }
	];

	it('sorts units largest first as horizontal bars and labels value and share', () => {
		const o = breakdownOption({ lang: 'vi', items, measure: 'sản phẩm', palette: LIGHT_PALETTE }) as unknown as {
			yAxis: { type: string; data: string[]; inverse: boolean };
			series: { type: string; data: { value: number; code: string }[]; label: { formatter: (p: { dataIndex: number }) => string } }[];
		};
		expect(o.yAxis.type).toBe('category');
		expect(o.yAxis.inverse).toBe(true);
		expect(o.yAxis.data).toEqual(['Hạ Long', 'Cẩm Phả', 'Cô Tô']);
		expect(o.series[0].type).toBe('bar');
		expect(o.series[0].data.map((d) => d.code)).toEqual(['193', '195', '207']);
		expect(o.series[0].label.formatter({ dataIndex: 0 })).toBe('60 · 17,3%');
		expect(breakdownLabel('en', { code: 'x', name: 'x', value: 12.5, share: null }, '%')).toBe('12.5%');
	});

	it('draws what belongs to no unit last, muted, whatever its size', () => {
		const rest = { code: '', name: 'Từ 1/7/2025', value: 272, share: 272 / 463 };
		const o = breakdownOption({ lang: 'vi', items, rest, measure: 'sản phẩm' }) as unknown as {
			yAxis: { data: string[] };
			series: { data: { value: number; itemStyle?: { color: string } }[] }[];
		};
		expect(o.yAxis.data).toEqual(['Hạ Long', 'Cẩm Phả', 'Cô Tô', 'Từ 1/7/2025']);
		expect(o.series[0].data[3].itemStyle?.color).toBe(LIGHT_PALETTE.muted);
		expect(o.series[0].data[0].itemStyle).toBeUndefined();
	});
});
