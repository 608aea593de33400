/**
 * The chart of a query result, built from plain columns. Expected values are worked by
 * hand from the small inputs below.
 */
import { describe, expect, it } from 'vitest';
import { buildResultOption, type ChartColumn } from '../../src/lib/charts/result-option';

const col = (name: string, kind: ChartColumn['kind'], values: (string | number | null)[]): ChartColumn => ({
	name,
	kind,
	get: (i) => values[i] ?? null
});

type Series = { name: string; type: string; stack?: string; data: unknown[] };
const seriesOf = (o: unknown) => (o as { series: Series[] }).series;
const xData = (o: unknown) => (o as { xAxis: { data: string[] } }).xAxis.data;

describe('bar, line and stacked charts of a result', () => {
	// province × stars → products (the OCOP example's shape)
	const province = col('province', 'text', ['Quảng Ninh', 'Quảng Ninh', 'Thái Bình', 'Thái Bình', 'Quảng Ninh']);
	const stars = col('stars', 'number', [3, 4, 3, 4, 3]);
	const products = col('products', 'number', [256, 86, 129, 34, 10]);

	it('sums y per x and says so when rows shared an x', () => {
		const c = buildResultOption({ kind: 'bar', rows: 5, x: province, y: products, lang: 'vi' });
		expect(xData(c.option)).toEqual(['Quảng Ninh', 'Thái Bình']);
		// Quảng Ninh 256 + 86 + 10 = 352; Thái Bình 129 + 34 = 163
		expect(seriesOf(c.option)).toEqual([expect.objectContaining({ type: 'bar', name: 'products', data: [352, 163] })]);
		expect(c.notes).toEqual([{ kind: 'summed' }]);
		expect(c.marks).toBe(2);
	});

	it('splits by a series column, stacked when asked', () => {
		const c = buildResultOption({ kind: 'stacked', rows: 5, x: province, y: products, series: stars, lang: 'vi' });
		const s = seriesOf(c.option);
		expect(s.map((x) => x.name)).toEqual(['3', '4']);
		expect(s[0]).toMatchObject({ stack: 'total', data: [266, 129] }); // 256 + 10
		expect(s[1]).toMatchObject({ stack: 'total', data: [86, 34] });
		expect(buildResultOption({ kind: 'bar', rows: 5, x: province, y: products, series: stars, lang: 'vi' }).option).not.toHaveProperty(
			'series.0.stack',
			'total'
		);
	});

	it('orders numeric and date x ascending and prints years without a thousands dot', () => {
		const year = col('year', 'number', [2025, 2023, 2024]);
		const v = col('v', 'number', [3, 1, 2]);
		const c = buildResultOption({ kind: 'line', rows: 3, x: year, y: v, lang: 'vi' });
		expect(xData(c.option)).toEqual(['2023', '2024', '2025']);
		expect(seriesOf(c.option)[0]).toMatchObject({ type: 'line', data: [1, 2, 3] });
		const day = col('day', 'date', ['2024-05-11', '2022-01-02']);
		expect(xData(buildResultOption({ kind: 'bar', rows: 2, x: day, y: v, lang: 'vi' }).option)).toEqual(['2/1/2022', '11/5/2024']);
	});

	it('leaves out rows with a NULL x or y and counts them', () => {
		const c = buildResultOption({
			kind: 'bar',
			rows: 4,
			x: col('x', 'text', ['a', null, 'b', 'c']),
			y: col('y', 'number', [1, 2, null, 4]),
			lang: 'en'
		});
		expect(xData(c.option)).toEqual(['a', 'c']);
		expect(c.notes).toEqual([{ kind: 'skippedNull', rows: 2 }]);
	});

	it('folds series beyond the limit into "other" with their sums', () => {
		// 12 series s0..s11 with value i at x = 'a'; keep the 9 largest (s11..s3), fold s0+s1+s2 = 3.
		const n = 12;
		const c = buildResultOption({
			kind: 'bar',
			rows: n,
			x: col('x', 'text', Array(n).fill('a')),
			y: col('y', 'number', Array.from({ length: n }, (_, i) => i)),
			series: col('s', 'text', Array.from({ length: n }, (_, i) => `s${i}`)),
			lang: 'vi',
			maxSeries: 10
		});
		const s = seriesOf(c.option);
		expect(s).toHaveLength(10);
		expect(s.at(-1)).toMatchObject({ name: 'Khác', data: [3] });
		expect(s.slice(0, 9).map((x) => x.name).sort()).toEqual(['s10', 's11', 's3', 's4', 's5', 's6', 's7', 's8', 's9']);
		expect(c.notes).toContainEqual({ kind: 'otherSeries', shown: 9, total: 12 });
	});

	it('caps the marks: a bar chart keeps the first categories, a line over ordered x is sampled evenly', () => {
		const rows = 10_000;
		const x = col('i', 'number', Array.from({ length: rows }, (_, i) => i));
		const y = col('v', 'number', Array.from({ length: rows }, (_, i) => i * 2));
		const bar = buildResultOption({ kind: 'bar', rows, x: col('k', 'text', Array.from({ length: rows }, (_, i) => `k${i}`)), y, lang: 'en' });
		expect(bar.marks).toBe(3000);
		expect(xData(bar.option)[2999]).toBe('k2999');
		expect(bar.notes).toContainEqual({ kind: 'firstCategories', shown: 3000, total: 10_000 });
		const line = buildResultOption({ kind: 'line', rows, x, y, lang: 'en' });
		const data = seriesOf(line.option)[0].data as number[];
		expect(data).toHaveLength(3000);
		expect(data[0]).toBe(0); // the first point …
		expect(data[2999]).toBe(19_998); // … and the last are kept
		expect(line.notes).toContainEqual({ kind: 'sampled', shown: 3000, total: 10_000 });
	});
});

describe('scatter plots of a result', () => {
	it('draws every row when few, every k-th row of a million', () => {
		const small = buildResultOption({ kind: 'scatter', rows: 3, x: col('a', 'number', [1, 2, 3]), y: col('b', 'number', [4, 5, 6]), lang: 'vi' });
		expect(seriesOf(small.option)[0]).toMatchObject({ type: 'scatter', data: [[1, 4], [2, 5], [3, 6]] });
		expect(small.notes).toEqual([]);

		const rows = 1_000_000;
		const getX = { name: 'i', kind: 'number' as const, get: (i: number) => i };
		const getY = { name: 'sq', kind: 'number' as const, get: (i: number) => i * i };
		const big = buildResultOption({ kind: 'scatter', rows, x: getX, y: getY, lang: 'vi' });
		// step = ceil(1 000 000 / 3000) = 334 → rows 0, 334, …, 334 · 2994 = 999 996: 2 995 points
		expect(big.marks).toBe(2995);
		expect((seriesOf(big.option)[0].data as number[][]).at(-1)![0]).toBe(999_996);
		expect((seriesOf(big.option)[0].data as number[][])[1]).toEqual([334, 334 * 334]);
		expect(big.notes).toEqual([{ kind: 'sampled', shown: 2995, total: 1_000_000 }]);
	});

	it('puts dates on a time axis and escapes names in the tooltip', () => {
		const c = buildResultOption({
			kind: 'scatter',
			rows: 2,
			x: col('day', 'date', ['2024-05-11', '2024-05-12']),
			y: col('<b>v</b>', 'number', [1, 2]),
			series: col('s', 'text', ['<img src=x onerror=alert(1)>', 'ok']),
			lang: 'vi'
		});
		const o = c.option as { xAxis: { type: string }; tooltip: { formatter: (p: unknown) => string }; series: Series[] };
		expect(o.xAxis.type).toBe('time');
		expect(o.series[0].data).toEqual([[Date.UTC(2024, 4, 11), 1]]);
		const html = o.tooltip.formatter({ seriesName: '<img src=x onerror=alert(1)>', value: [Date.UTC(2024, 4, 11), 1] });
		expect(html).not.toContain('<img');
		expect(html).not.toContain('<b>');
		expect(html).toContain('11/5/2024');
	});
});
