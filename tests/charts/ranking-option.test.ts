/**
 * The ranking's ECharts option: bars only for values, words (no bar, no zero) for a
 * province without a figure, the chosen province in its own colour.
 */
import { describe, expect, it } from 'vitest';
import { rankingHeight, rankingOption, type RankingItem } from '../../src/lib/charts/ranking-option';

const colours = { bar: '#56606d', selected: '#0b5cad', text: '#14202e', muted: '#56606d', grid: '#d9dee5' };
const items: RankingItem[] = [
	{ code: '22', name: 'Quảng Ninh', value: 463, label: '463', selected: true },
	{ code: '48', name: 'Đà Nẵng', value: 0, label: '0', selected: false },
	{ code: '34', name: 'Thái Bình', value: null, label: '', selected: false, missingLabel: 'Đơn vị đã sáp nhập từ 1/7/2025' }
];

type Series = { data: unknown[] }[];
const option = rankingOption(items, { colours, noDataLabel: 'chưa có số liệu', description: 'Xếp hạng' }) as {
	series: Series;
	yAxis: { data: string[]; inverse: boolean; axisLabel: { formatter: (n: string, i: number) => string } };
	aria: { label: { description: string } };
};

describe('ranking option', () => {
	it('keeps the given order, largest at the top', () => {
		expect(option.yAxis.data).toEqual(['Quảng Ninh', 'Đà Nẵng', 'Thái Bình']);
		expect(option.yAxis.inverse).toBe(true);
	});

	it('a missing value has no bar and says why; a zero is a real bar', () => {
		const [values, missing] = option.series;
		expect(values.data[2]).toBe('-');
		expect(values.data[1]).toMatchObject({ value: 0 });
		expect(missing.data[2]).toMatchObject({ label: { formatter: 'Đơn vị đã sáp nhập từ 1/7/2025' } });
		expect(missing.data[0]).toBe('-');
		expect(missing.data[1]).toBe('-');
	});

	it('the chosen province is coloured and its name set in bold', () => {
		const [values] = option.series;
		expect(values.data[0]).toMatchObject({ itemStyle: { color: colours.selected } });
		expect(values.data[1]).toMatchObject({ itemStyle: { color: colours.bar } });
		expect(option.yAxis.axisLabel.formatter('Quảng Ninh', 0)).toBe('{sel|Quảng Ninh}');
		expect(option.yAxis.axisLabel.formatter('Đà Nẵng', 1)).toBe('Đà Nẵng');
	});

	it('the screen-reader description is the page’s own summary; the height grows with the rows', () => {
		expect(option.aria.label.description).toBe('Xếp hạng');
		expect(rankingHeight(20)).toBeGreaterThan(rankingHeight(4));
	});
});
