/**
 * The tile map: every province of both systems has exactly one tile (codes read from
 * data/units.csv, not from the layout), no two share a cell, the shape holds together,
 * and the colour scale orders values by lightness with readable labels.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVINCE_TILES, parseLayout, type TileVintage } from '../../src/lib/charts/province-tiles';
import {
	RAMP_DARK,
	RAMP_LIGHT,
	colourScale,
	contrast,
	gridMapModel,
	labelColour,
	luminance,
	neighbour,
	rampColour,
	type MapTileInput
} from '../../src/lib/charts/grid-map';

/** Province codes per vintage from data/units.csv (code, vintage and level are the first three, unquoted, columns). */
function provinceCodes(vintage: TileVintage): string[] {
	return readFileSync('data/units.csv', 'utf8')
		.split('\n')
		.slice(1)
		.map((line) => line.split(','))
		.filter(([, v, level]) => v === vintage && level === 'province')
		.map(([code]) => code);
}

describe('province tiles', () => {
	it.each([
		['2024', 63],
		['2025', 34]
	] as const)('vintage %s: the %i provinces of data/units.csv each have exactly one tile', (vintage, count) => {
		const codes = provinceCodes(vintage);
		expect(codes).toHaveLength(count);
		const tiles = PROVINCE_TILES[vintage].map((t) => t.code);
		expect(tiles).toHaveLength(count);
		expect([...tiles].sort()).toEqual([...codes].sort());
	});

	it.each(['2024', '2025'] as const)('vintage %s: no two tiles share a cell, no two share a label', (vintage) => {
		const tiles = PROVINCE_TILES[vintage];
		expect(new Set(tiles.map((t) => `${t.row},${t.col}`)).size).toBe(tiles.length);
		expect(new Set(tiles.map((t) => t.abbr)).size).toBe(tiles.length);
	});

	it.each(['2024', '2025'] as const)('vintage %s: the tiles form one piece (8-neighbourhood), north at the top', (vintage) => {
		const tiles = PROVINCE_TILES[vintage];
		const at = new Map(tiles.map((t) => [`${t.row},${t.col}`, t.code]));
		const seen = new Set<string>([tiles[0].code]);
		const queue = [tiles[0]];
		while (queue.length) {
			const t = queue.shift()!;
			for (let dr = -1; dr <= 1; dr++)
				for (let dc = -1; dc <= 1; dc++) {
					const code = at.get(`${t.row + dr},${t.col + dc}`);
					if (code && !seen.has(code)) {
						seen.add(code);
						queue.push(tiles.find((x) => x.code === code)!);
					}
				}
		}
		expect(seen.size).toBe(tiles.length);
		const row = (code: string) => tiles.find((t) => t.code === code)!.row;
		// Cao Bằng borders China; Cà Mau is the southern tip; Hà Nội lies north of Đà Nẵng.
		expect(row('04')).toBe(0);
		expect(row('96')).toBe(Math.max(...tiles.map((t) => t.row)));
		expect(row('01')).toBeLessThan(row('48'));
	});

	it('a layout code without a label is an error, not a blank tile', () => {
		expect(() => parseLayout('01 02', { '01': 'HN' })).toThrow(/02/);
	});
});

describe('colour scale', () => {
	const ts = Array.from({ length: 41 }, (_, i) => i / 40);

	it('light theme: larger values are strictly darker; dark theme: strictly lighter', () => {
		const light = ts.map((t) => luminance(rampColour(RAMP_LIGHT, t)));
		const dark = ts.map((t) => luminance(rampColour(RAMP_DARK, t)));
		for (let i = 1; i < ts.length; i++) {
			expect(light[i]).toBeLessThan(light[i - 1]);
			expect(dark[i]).toBeGreaterThan(dark[i - 1]);
		}
	});

	it('a scale over values is monotonic in the value and starts at zero', () => {
		const s = colourScale([163, 346, 98, 222]);
		expect(s.domain).toEqual([0, 346]);
		const vs = [0, 50, 98, 163, 222, 300, 346];
		for (let i = 1; i < vs.length; i++) {
			expect(s.position(vs[i])).toBeGreaterThan(s.position(vs[i - 1]));
			expect(luminance(s.light(vs[i]))).toBeLessThan(luminance(s.light(vs[i - 1])));
			expect(luminance(s.dark(vs[i]))).toBeGreaterThan(luminance(s.dark(vs[i - 1])));
		}
		expect(s.light(346)).toBe(RAMP_LIGHT[RAMP_LIGHT.length - 1]);
	});

	it('every fill gets a label colour with contrast of at least 4.5:1 (WCAG AA)', () => {
		for (const t of ts)
			for (const ramp of [RAMP_LIGHT, RAMP_DARK]) {
				const fill = rampColour(ramp, t);
				expect(contrast(fill, labelColour(fill))).toBeGreaterThanOrEqual(4.5);
			}
	});

	it('contrast is the WCAG ratio: black on white is 21', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
	});
});

describe('grid map model', () => {
	const tiles = (values: Record<string, number | null>): MapTileInput[] =>
		PROVINCE_TILES['2025'].map((t) => ({
			...t,
			name: t.code,
			value: values[t.code] ?? null,
			valueLabel: String(values[t.code] ?? '—'),
			selected: t.code === '22'
		}));

	it('provinces without a value have no fill (hatched on screen); a zero is a value, not a gap', () => {
		const m = gridMapModel(tiles({ '22': 463, '33': 0 }), { cell: 30, gap: 2 });
		expect(m.cells).toHaveLength(34);
		const cell = (code: string) => m.cells.find((c) => c.code === code)!;
		expect(cell('01')).toMatchObject({ hasData: false, fillLight: null, fillDark: null, value: null });
		expect(cell('33')).toMatchObject({ hasData: true, value: 0, fillLight: RAMP_LIGHT[0] });
		expect(cell('22')).toMatchObject({ hasData: true, selected: true, fillLight: RAMP_LIGHT[RAMP_LIGHT.length - 1] });
		expect(m.domain).toEqual([0, 463]);
		// 6 columns and 15 rows of 30 px with 2 px gaps.
		expect([m.width, m.height]).toEqual([6 * 32 - 2, 15 * 32 - 2]);
	});

	it('with no value at all there is no legend and every tile is grey', () => {
		const m = gridMapModel(tiles({}));
		expect(m.legend).toEqual([]);
		expect(m.domain).toBeNull();
		expect(m.cells.every((c) => !c.hasData)).toBe(true);
	});

	it('arrow keys walk to the nearest tile in that direction', () => {
		const cells = PROVINCE_TILES['2024'];
		expect(neighbour(cells, '22', 'down')).toBe('31'); // Quảng Ninh → Hải Phòng
		expect(neighbour(cells, '33', 'right')).toBe('34'); // Hưng Yên → Thái Bình
		expect(neighbour(cells, '48', 'down')).toBe('49'); // Đà Nẵng → Quảng Nam
		expect(neighbour(cells, '96', 'down')).toBeNull(); // Cà Mau is the southern tip
	});
});
