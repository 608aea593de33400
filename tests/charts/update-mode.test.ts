/**
 * Chart.svelte's update of a chart (charts/update-mode.ts): a chart given option A and
 * then option B the merging way draws exactly what a new chart given only B draws,
 * on real option builders, with ECharts' own SVG renderer in Node. The merge is used
 * only where the options have the same shape.
 */
import { describe, expect, it } from 'vitest';
import { echarts, type ChartOption } from '../../src/lib/charts/echarts';
import { updateMode } from '../../src/lib/charts/update-mode';
import { trendModel, type TrendInput } from '../../src/lib/kpi/indicator/trend';
import { breakdownOption, LIGHT_PALETTE, trendOption } from '../../src/lib/charts/trend-option';
import { bars, LIGHT_THEME } from '../../src/lib/charts/domain-options';

const pts = (values: [number, number, string?][]) => values.map(([year, value, at]) => ({ year, value, asOf: at ?? `${year}-12-31` }));
const trend = (input: TrendInput, lang: 'vi' | 'en' = 'vi') => trendOption({ lang, model: trendModel(input), measure: 'sản phẩm' });
const withAria = (o: ChartOption, label: string): ChartOption => ({ animation: false, ...o, aria: { enabled: true, label: { description: label } } });

const A = trend({
	kind: 'level',
	direction: 'up',
	points: pts([[2019, 40], [2020, 60], [2021, 75], [2022, 88], [2023, 97], [2024, 104], [2025, 109, '2025-06-30']]),
	targets: [{ plan: '2021-2025', baselineYear: 2020, baselineValue: 60, targetYear: 2025, targetMin: 120, targetMax: 140 }]
});
const B = trend({
	kind: 'level',
	direction: 'up',
	points: pts([[2019, 21], [2020, 30], [2021, 33], [2022, 41], [2023, 52], [2024, 50], [2025, 57, '2025-06-30']]),
	targets: [{ plan: '2021-2025', baselineYear: 2020, baselineValue: 30, targetYear: 2025, targetMin: 65, targetMax: 80 }]
});
const C = trend({
	kind: 'cumulative',
	direction: 'up',
	points: pts([[2021, 30], [2022, 70], [2023, 110], [2024, 150], [2025, 189, '2025-06-30']]),
	targets: [{ plan: '2021-2025', baselineYear: 2020, baselineValue: 0, targetYear: 2025, targetMin: 200, targetMax: null }]
});
const breakdown = (values: number[]) =>
	breakdownOption({
		lang: 'vi',
		items: values.map((v, i) => ({ code: String(i), name: `Tỉnh ${i}`, value: v, share: v / values.reduce((a, b) => a + b, 0) })),
		measure: 'doanh nghiệp',
		palette: LIGHT_PALETTE
	});
const stacked = (a: number[], b: number[]) =>
	bars({ categories: ['2022', '2023', '2024'].slice(0, a.length), theme: LIGHT_THEME, fmt: String, integer: true, totals: true, series: [{ name: 'a', values: a, stack: 's' }, { name: 'b', values: b, stack: 's' }] });

/**
 * The drawn elements, sorted. ECharts names classes and clip paths by counters (zr3-cls-7)
 * that differ between instances: they are numbered by first use. A merged chart keeps
 * its data points' elements and adds new ones after them, so the same elements may come
 * in another order within a series: they are compared as a sorted list.
 */
function normalise(svg: string): string[] {
	const seen = new Map<string, string>();
	const named = svg.replace(/zr\d+-[\w-]*?\d+/g, (m) => {
		if (!seen.has(m)) seen.set(m, `id${seen.size}`);
		return seen.get(m)!;
	});
	return named.replace(/></g, '>\n<').split('\n').sort();
}

function draw(options: ChartOption[]): string[] {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 400 });
	try {
		let previous: ChartOption | null = null;
		for (const o of options) {
			chart.setOption(o, updateMode(previous as Record<string, unknown> | null, o as Record<string, unknown>));
			previous = o;
		}
		return normalise(chart.renderToSVGString());
	} finally {
		chart.dispose();
	}
}

describe('updateMode', () => {
	it('rebuilds the first time, when the top-level keys or the series differ and when the tooltip’s shape differs', () => {
		expect(updateMode(null, { series: [] })).toEqual({ notMerge: true });
		expect(updateMode({ series: [{ id: 'a' }, { id: 'b' }] }, { series: [{ id: 'b' }, { id: 'a' }] })).toEqual({ notMerge: true });
		expect(updateMode({ series: [{ id: 'a' }] }, { series: [{ id: 'a' }, { id: 'b' }] })).toEqual({ notMerge: true });
		// A merged series would keep the label the new option no longer gives.
		expect(updateMode({ series: [{ id: 'a', label: { show: true } }] }, { series: [{ id: 'a' }] })).toEqual({ notMerge: true });
		expect(updateMode({ series: [{ id: 'a', markLine: { label: {} } }] }, { series: [{ id: 'a', markLine: {} }] })).toEqual({ notMerge: true });
		expect(updateMode({ textStyle: { color: 'x' } }, { textStyle: {} })).toEqual({ notMerge: true });
		expect(updateMode({ series: [], title: {} }, { series: [] })).toEqual({ notMerge: true });
		expect(updateMode({ series: [], tooltip: { trigger: 'axis' } }, { series: [], tooltip: { trigger: 'axis', formatter: () => '' } })).toEqual({ notMerge: true });
	});
	it('replaces every component but the tooltip when the shapes agree', () => {
		const mode = updateMode(
			{ series: [{ id: 'x', data: [1], markArea: { data: [[{ coord: [1, 2] }]] } }], xAxis: {}, tooltip: { trigger: 'axis' } },
			{ series: [{ id: 'x', data: [2, 3], markArea: { data: [] } }], xAxis: { min: 2 }, tooltip: { trigger: 'item' } }
		);
		expect(mode).toEqual({ replaceMerge: ['series', 'xAxis'] });
	});
});

describe('a chart updated by merging draws what a new chart draws', () => {
	const cases: [string, ChartOption, ChartOption][] = [
		['trend, another unit', withAria(A, 'a'), withAria(B, 'b')],
		['trend, level then cumulative', withAria(A, 'a'), withAria(C, 'c')],
		['trend, English', withAria(B, 'b'), withAria(trend({ kind: 'level', direction: 'up', points: pts([[2020, 1], [2021, 2]]), targets: [] }, 'en'), 'e')],
		['breakdown, more and fewer parts', withAria(breakdown([5, 9, 2, 7]), 'x'), withAria(breakdown([3, 1]), 'y')],
		['stacked bars', withAria(stacked([1, 2, 3], [3, 0, 1]), 'p'), withAria(stacked([4, 5], [0, 2]), 'q')]
	];
	for (const [name, first, second] of cases) {
		it(name, () => {
			expect(draw([first, second])).toEqual(draw([second]));
			// And the other way round, and back again.
			expect(draw([second, first, second])).toEqual(draw([second]));
			expect(draw([second, first])).toEqual(draw([first]));
		});
	}
	it('uses the merge in these cases (the test is not vacuous)', () => {
		expect('replaceMerge' in updateMode(withAria(A, 'a') as Record<string, unknown>, withAria(B, 'b') as Record<string, unknown>)).toBe(true);
		expect('replaceMerge' in updateMode(withAria(breakdown([5, 9]), 'x') as Record<string, unknown>, withAria(breakdown([3]), 'y') as Record<string, unknown>)).toBe(true);
	});
});
