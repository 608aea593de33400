/**
 * The tile map of provinces as plain geometry: squares on a grid, coloured by value
 * on a sequential scale. Pure — the component draws it as SVG, tests check it, and
 * nothing here knows about the database or the DOM.
 *
 * Two ramps, one per theme: on a light page more is darker, on a dark page more is
 * brighter, so the strongest value always stands out from the background. Both are
 * interpolated in linear RGB, where luminance is linear, so the order of values is
 * the order of lightness (tested). Each fill carries the label colour (near-black or
 * white) with the better contrast.
 */
import type { TilePosition } from './province-tiles';

export type Rgb = [number, number, number];

/** Light theme: pale blue → deep navy (ColorBrewer Blues, trimmed so the palest tile is still visible). */
export const RAMP_LIGHT: readonly string[] = ['#dbe9f6', '#9ecae1', '#4a98c9', '#1c6aaf', '#08306b'];
/** Dark theme: deep blue → pale ice, every stop lighter than the one before. */
export const RAMP_DARK: readonly string[] = ['#1c3a5e', '#245a8f', '#3a86c8', '#7ab8ec', '#cfe6ff'];

// Pure black: with it, every fill has a label of contrast ≥ 4.5 (the worst case, where
// black and white tie, is 4.58).
const LABEL_DARK = '#000000';
const LABEL_LIGHT = '#ffffff';

export function hexToRgb(hex: string): Rgb {
	const h = hex.replace('#', '');
	return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
}

const toLinear = (c: number) => {
	const s = c / 255;
	return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (l: number) => {
	const s = l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055;
	return Math.round(Math.min(1, Math.max(0, s)) * 255);
};

/** WCAG relative luminance of a hex colour. */
export function luminance(hex: string): number {
	const [r, g, b] = hexToRgb(hex).map(toLinear);
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two hex colours (1–21). */
export function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

const hex = (rgb: number[]) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** Colour at t ∈ [0, 1] along a ramp, interpolated in linear RGB. */
export function rampColour(ramp: readonly string[], t: number): string {
	const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (ramp.length - 1);
	const i = Math.min(ramp.length - 2, Math.floor(x));
	const f = x - i;
	const a = hexToRgb(ramp[i]).map(toLinear);
	const b = hexToRgb(ramp[i + 1]).map(toLinear);
	return hex(a.map((ai, k) => fromLinear(ai + (b[k] - ai) * f)));
}

/** The label colour that reads best on a fill. */
export function labelColour(fill: string): string {
	return contrast(fill, LABEL_DARK) >= contrast(fill, LABEL_LIGHT) ? LABEL_DARK : LABEL_LIGHT;
}

export interface ColourScale {
	domain: [number, number];
	/** Position of a value on the ramp, 0–1. */
	position: (value: number) => number;
	light: (value: number) => string;
	dark: (value: number) => string;
}

/**
 * A sequential scale from 0 (or the smallest value, if negative) to the largest value:
 * starting at zero keeps 300 and 346 from looking like opposite ends.
 */
export function colourScale(values: number[]): ColourScale {
	const finite = values.filter((v) => Number.isFinite(v));
	const lo = Math.min(0, ...finite);
	const hi = Math.max(lo, ...finite);
	const position = (v: number) => (hi === lo ? 1 : (v - lo) / (hi - lo));
	return {
		domain: [lo, hi],
		position,
		light: (v) => rampColour(RAMP_LIGHT, position(v)),
		dark: (v) => rampColour(RAMP_DARK, position(v))
	};
}

export interface MapTileInput extends TilePosition {
	name: string;
	value: number | null;
	/** Shown in the tooltip and the accessible label, already formatted. */
	valueLabel: string;
	selected: boolean;
}

export interface MapCell {
	code: string;
	abbr: string;
	name: string;
	x: number;
	y: number;
	size: number;
	row: number;
	col: number;
	hasData: boolean;
	selected: boolean;
	value: number | null;
	valueLabel: string;
	fillLight: string | null;
	fillDark: string | null;
	textLight: string | null;
	textDark: string | null;
}

export interface LegendStop {
	offset: number;
	light: string;
	dark: string;
}

export interface GridMapModel {
	width: number;
	height: number;
	cells: MapCell[];
	domain: [number, number] | null;
	/** Gradient stops for the legend (only when some tile has a value). */
	legend: LegendStop[];
}

export function gridMapModel(tiles: MapTileInput[], opts: { cell?: number; gap?: number } = {}): GridMapModel {
	const cell = opts.cell ?? 40;
	const gap = opts.gap ?? 4;
	const step = cell + gap;
	const values = tiles.map((t) => t.value).filter((v): v is number => v != null && Number.isFinite(v));
	const scale = values.length ? colourScale(values) : null;
	const cells: MapCell[] = tiles.map((t) => {
		const has = scale !== null && t.value != null && Number.isFinite(t.value);
		const fillLight = has ? scale!.light(t.value!) : null;
		const fillDark = has ? scale!.dark(t.value!) : null;
		return {
			code: t.code,
			abbr: t.abbr,
			name: t.name,
			x: t.col * step,
			y: t.row * step,
			size: cell,
			row: t.row,
			col: t.col,
			hasData: has,
			selected: t.selected,
			value: has ? t.value : null,
			valueLabel: t.valueLabel,
			fillLight,
			fillDark,
			textLight: fillLight && labelColour(fillLight),
			textDark: fillDark && labelColour(fillDark)
		};
	});
	const cols = Math.max(0, ...tiles.map((t) => t.col)) + 1;
	const rows = Math.max(0, ...tiles.map((t) => t.row)) + 1;
	const legend = scale
		? [0, 0.25, 0.5, 0.75, 1].map((offset) => ({
				offset,
				light: rampColour(RAMP_LIGHT, offset),
				dark: rampColour(RAMP_DARK, offset)
			}))
		: [];
	return { width: cols * step - gap, height: rows * step - gap, cells, domain: scale?.domain ?? null, legend };
}

/**
 * The tile to move to from `from` with an arrow key: the nearest tile whose centre
 * lies in that direction (ties broken by the smaller sideways offset), so the keyboard
 * walks the map the way the eye does. Returns null at the edge.
 */
export function neighbour(
	cells: Pick<MapCell, 'code' | 'row' | 'col'>[],
	from: string,
	dir: 'up' | 'down' | 'left' | 'right'
): string | null {
	const here = cells.find((c) => c.code === from);
	if (!here) return cells[0]?.code ?? null;
	let best: { code: string; score: number } | null = null;
	for (const c of cells) {
		if (c.code === from) continue;
		const dr = c.row - here.row;
		const dc = c.col - here.col;
		const ahead = dir === 'up' ? -dr : dir === 'down' ? dr : dir === 'left' ? -dc : dc;
		const side = dir === 'up' || dir === 'down' ? Math.abs(dc) : Math.abs(dr);
		if (ahead <= 0) continue;
		const score = ahead + side * 2;
		if (!best || score < best.score) best = { code: c.code, score };
	}
	return best?.code ?? null;
}
