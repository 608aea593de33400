/**
 * The bridge from a query result to the chart builder: each result column seen as a
 * chart column (number, date or text) reading straight from Arrow, and a first guess of
 * which columns to plot.
 */
import type { ChartColumn } from '../charts/result-option';
import { isNumeric, isTemporal, type ResultColumn } from './cells';

export function chartColumn(col: ResultColumn): ChartColumn {
	if (isNumeric(col.kind)) {
		return {
			name: col.name,
			kind: 'number',
			get: (r) => {
				const v = col.value(r);
				return v === null ? null : Number(v);
			}
		};
	}
	if (isTemporal(col.kind)) return { name: col.name, kind: 'date', get: (r) => col.value(r) as string | null };
	return {
		name: col.name,
		kind: 'text',
		get: (r) => {
			const v = col.value(r);
			return v === null ? null : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
		}
	};
}

export interface ChartSpec {
	x: number;
	y: number;
	/** -1: no series column. */
	series: number;
}

const SAMPLE = 5000;

/** Distinct values among the first rows (enough to tell a dimension from a measure). */
function distinct(col: ResultColumn, rows: number): number {
	const seen = new Set<unknown>();
	for (let r = 0; r < Math.min(rows, SAMPLE); r++) seen.add(col.value(r));
	return seen.size;
}

function yearLike(col: ResultColumn, rows: number): boolean {
	if (col.kind !== 'int') return false;
	for (let r = 0; r < Math.min(rows, SAMPLE); r++) {
		const v = col.value(r);
		if (v !== null && (typeof v !== 'number' || v < 1900 || v > 2100)) return false;
	}
	return true;
}

/**
 * A first guess at what to plot. Dimensions are text and date columns and integer
 * columns with few distinct values (stars, quarter, year); measures are the other
 * numbers. x is the first dimension that varies — a date or a year first, then text;
 * y the first measure; series the next dimension that varies, when there is one.
 */
export function guessChart(cols: readonly ResultColumn[], rows: number): ChartSpec | null {
	if (!cols.some((c) => isNumeric(c.kind))) return null;
	const info = cols.map((c, i) => {
		const n = distinct(c, rows);
		const year = yearLike(c, rows);
		const dimension = !isNumeric(c.kind) || year || (c.kind === 'int' && n <= 12 && n < rows);
		return { i, c, n, year, dimension };
	});
	const varying = info.filter((d) => d.dimension && d.n > 1);
	const x =
		varying.find((d) => isTemporal(d.c.kind) || d.year) ??
		varying.find((d) => !isNumeric(d.c.kind)) ??
		varying[0] ??
		info[0];
	const measures = info.filter((d) => isNumeric(d.c.kind) && !d.dimension && d.i !== x.i);
	const y = measures[0] ?? info.find((d) => isNumeric(d.c.kind) && d.i !== x.i);
	if (!y) return null;
	const series = varying.find((d) => d.i !== x.i && d.i !== y.i && d.n <= 20);
	return { x: x.i, y: y.i, series: series?.i ?? -1 };
}
