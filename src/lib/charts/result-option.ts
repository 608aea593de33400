/**
 * A chart of any query result: the analyst picks the type and the x, y and series
 * columns. Pure — it reads values through `get(i)` (straight from the Arrow columns),
 * never queries anything, and returns the ECharts option with notes on what was done
 * to the data, so the page can say it.
 *
 * At most `maxMarks` bars or points are drawn (an SVG with a million marks would freeze
 * the page and say nothing): bar and line charts first sum y per x (and series);
 * if there are still too many, a line over an ordered x is sampled evenly, a bar chart
 * keeps the first categories; a scatter plot takes every k-th row. Series beyond
 * `maxSeries` are folded into one "other" series.
 */
import type { ChartOption } from './echarts';
import { formatDate, formatNumber } from '../i18n/format';
import type { Lang } from '../i18n/messages';

export type ResultChartKind = 'bar' | 'line' | 'stacked' | 'scatter';
export const RESULT_CHART_KINDS: readonly ResultChartKind[] = ['bar', 'line', 'stacked', 'scatter'];

export interface ChartColumn {
	name: string;
	/** number: plotted by value; date: 'YYYY-MM-DD' (or with a time); text: categories. */
	kind: 'number' | 'date' | 'text';
	get(row: number): string | number | null;
}

export interface ResultChartInput {
	kind: ResultChartKind;
	rows: number;
	x: ChartColumn;
	y: ChartColumn;
	series?: ChartColumn | null;
	lang: Lang;
	maxMarks?: number;
	maxSeries?: number;
	/** Text and line colours from the page's theme (CSS variables), for dark mode. */
	theme?: { fg: string; muted: string; grid: string };
	/** Label of the folded series. */
	otherLabel?: string;
}

export type ResultChartNote =
	| { kind: 'summed' }
	| { kind: 'sampled'; shown: number; total: number }
	| { kind: 'firstCategories'; shown: number; total: number }
	| { kind: 'otherSeries'; shown: number; total: number }
	| { kind: 'skippedNull'; rows: number };

export interface ResultChart {
	option: ChartOption;
	notes: ResultChartNote[];
	/** Bars, line points or dots drawn. */
	marks: number;
	/** Series names, in drawing order. */
	series: string[];
	/** Categories (bar/line) or points (scatter) drawn. */
	categories: number;
}

export const DEFAULT_MAX_MARKS = 3000;
export const DEFAULT_MAX_SERIES = 10;

const NULL_LABEL = 'NULL';

function label(lang: Lang, kind: ChartColumn['kind'], v: string | number): string {
	// A year on a category axis reads 2024, not 2.024.
	if (kind === 'number') return Number.isInteger(v) && (v as number) >= 1000 && (v as number) <= 2999 ? String(v) : formatNumber(lang, v as number);
	if (kind === 'date') {
		const s = String(v);
		return s.length > 10 ? `${formatDate(lang, s.slice(0, 10))} ${s.slice(11)}` : formatDate(lang, s);
	}
	return String(v);
}

/** Keep the `max - 1` largest series (by absolute total) and fold the rest into one. */
function pickSeries(totals: Map<string, number>, max: number): { keep: Set<string>; folded: boolean } {
	if (totals.size <= max) return { keep: new Set(totals.keys()), folded: false };
	const ranked = [...totals.entries()].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).map(([k]) => k);
	return { keep: new Set(ranked.slice(0, max - 1)), folded: true };
}

function esc(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function evenly<T>(items: T[], n: number): T[] {
	if (items.length <= n) return items;
	if (n <= 1) return items.slice(0, n);
	return Array.from({ length: n }, (_, i) => items[Math.round((i * (items.length - 1)) / (n - 1))]);
}

function axisStyle(theme: ResultChartInput['theme']) {
	if (!theme) return {};
	return {
		axisLabel: { color: theme.muted },
		axisLine: { lineStyle: { color: theme.grid } },
		splitLine: { lineStyle: { color: theme.grid } },
		nameTextStyle: { color: theme.muted }
	};
}

export function buildResultOption(input: ResultChartInput): ResultChart {
	return input.kind === 'scatter' ? scatter(input) : categorical(input);
}

function categorical(input: ResultChartInput): ResultChart {
	const { x, y, series, lang, rows } = input;
	const maxMarks = input.maxMarks ?? DEFAULT_MAX_MARKS;
	const maxSeries = input.maxSeries ?? DEFAULT_MAX_SERIES;
	const other = input.otherLabel ?? (lang === 'vi' ? 'Khác' : 'Other');
	const notes: ResultChartNote[] = [];

	// x value → series → sum; x values kept in first-seen order.
	const cells = new Map<string | number, Map<string, number>>();
	const totals = new Map<string, number>();
	let skipped = 0;
	let summed = false;
	for (let i = 0; i < rows; i++) {
		const xv = x.get(i);
		const yv = y.get(i);
		if (xv === null || yv === null || typeof yv !== 'number' || !Number.isFinite(yv)) {
			skipped++;
			continue;
		}
		const sv = series ? (series.get(i) ?? NULL_LABEL) : y.name;
		const s = String(sv);
		let row = cells.get(xv);
		if (!row) cells.set(xv, (row = new Map()));
		if (row.has(s)) summed = true;
		row.set(s, (row.get(s) ?? 0) + yv);
		totals.set(s, (totals.get(s) ?? 0) + yv);
	}
	if (summed) notes.push({ kind: 'summed' });
	if (skipped) notes.push({ kind: 'skippedNull', rows: skipped });

	const { keep, folded } = pickSeries(totals, maxSeries);
	const names = [...totals.keys()].filter((s) => keep.has(s));
	if (folded) {
		names.push(other);
		notes.push({ kind: 'otherSeries', shown: maxSeries - 1, total: totals.size });
	}

	let xs = [...cells.keys()];
	const ordered = x.kind !== 'text';
	if (ordered) xs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const room = Math.max(1, Math.floor(maxMarks / Math.max(1, names.length)));
	if (xs.length > room) {
		const total = xs.length;
		if (input.kind === 'line' && ordered) {
			xs = evenly(xs, room);
			notes.push({ kind: 'sampled', shown: xs.length, total });
		} else {
			xs = xs.slice(0, room);
			notes.push({ kind: 'firstCategories', shown: xs.length, total });
		}
	}

	const value = (xv: string | number, s: string): number | null => {
		const row = cells.get(xv)!;
		if (s !== other || !folded) return row.get(s) ?? null;
		let sum: number | null = null;
		for (const [k, v] of row) if (!keep.has(k)) sum = (sum ?? 0) + v;
		return sum;
	};
	const type = input.kind === 'line' ? 'line' : 'bar';
	const fmt = (v: unknown) => (typeof v === 'number' ? formatNumber(lang, v) : '—');
	const style = axisStyle(input.theme);
	const option: ChartOption = {
		grid: { left: 8, right: 16, top: names.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
		tooltip: { trigger: 'axis', valueFormatter: fmt },
		legend: names.length > 1 ? { type: 'scroll', top: 0, textStyle: input.theme ? { color: input.theme.fg } : undefined } : undefined,
		xAxis: {
			type: 'category',
			name: x.name,
			nameLocation: 'middle',
			nameGap: 28,
			data: xs.map((v) => label(lang, x.kind, v)),
			axisLabel: { hideOverlap: true, ...(style.axisLabel ?? {}) },
			axisLine: style.axisLine,
			nameTextStyle: style.nameTextStyle
		},
		yAxis: {
			type: 'value',
			name: y.name,
			axisLabel: { formatter: (v: number) => formatNumber(lang, v), ...(style.axisLabel ?? {}) },
			splitLine: style.splitLine,
			nameTextStyle: style.nameTextStyle
		},
		series: names.map((s) => ({
			type,
			name: s,
			stack: input.kind === 'stacked' ? 'total' : undefined,
			showSymbol: type === 'line' && xs.length <= 60,
			data: xs.map((xv) => value(xv, s))
		}))
	};
	return { option, notes, marks: xs.length * names.length, series: names, categories: xs.length };
}

function scatter(input: ResultChartInput): ResultChart {
	const { x, y, series, lang, rows } = input;
	const maxMarks = input.maxMarks ?? DEFAULT_MAX_MARKS;
	const maxSeries = input.maxSeries ?? DEFAULT_MAX_SERIES;
	const other = input.otherLabel ?? (lang === 'vi' ? 'Khác' : 'Other');
	const notes: ResultChartNote[] = [];

	// Every k-th row: a deterministic, evenly spread sample of the result's order.
	const step = rows > maxMarks ? Math.ceil(rows / maxMarks) : 1;
	const xNum = (v: string | number): number => (x.kind === 'date' ? Date.parse(String(v).replace(' ', 'T') + (String(v).length > 10 ? 'Z' : '')) : (v as number));
	const points = new Map<string, (string | number)[][]>();
	const totals = new Map<string, number>();
	let skipped = 0;
	let drawn = 0;
	for (let i = 0; i < rows; i += step) {
		const xv = x.get(i);
		const yv = y.get(i);
		if (xv === null || yv === null || typeof yv !== 'number' || !Number.isFinite(yv)) {
			skipped++;
			continue;
		}
		const s = series ? String(series.get(i) ?? NULL_LABEL) : y.name;
		const list = points.get(s) ?? [];
		list.push([x.kind === 'text' ? String(xv) : xNum(xv), yv]);
		points.set(s, list);
		totals.set(s, (totals.get(s) ?? 0) + 1);
		drawn++;
	}
	if (step > 1) notes.push({ kind: 'sampled', shown: drawn, total: rows });
	if (skipped) notes.push({ kind: 'skippedNull', rows: skipped });

	const { keep, folded } = pickSeries(totals, maxSeries);
	const names = [...totals.keys()].filter((s) => keep.has(s));
	const data = new Map(names.map((s) => [s, points.get(s)!]));
	if (folded) {
		names.push(other);
		data.set(other, [...points.entries()].filter(([k]) => !keep.has(k)).flatMap(([, v]) => v));
		notes.push({ kind: 'otherSeries', shown: maxSeries - 1, total: totals.size });
	}
	const style = axisStyle(input.theme);
	const axisFor = (c: ChartColumn) =>
		c.kind === 'number'
			? { type: 'value', scale: true, axisLabel: { formatter: (v: number) => formatNumber(lang, v), ...(style.axisLabel ?? {}) } }
			: c.kind === 'date'
				? { type: 'time', axisLabel: { ...(style.axisLabel ?? {}) } }
				: { type: 'category', axisLabel: { hideOverlap: true, ...(style.axisLabel ?? {}) } };
	const option: ChartOption = {
		grid: { left: 8, right: 16, top: names.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
		tooltip: {
			trigger: 'item',
			// The tooltip is HTML and the names come from data: escape them.
			formatter: (p: { seriesName: string; value: [number | string, number] }) =>
				[
					esc(p.seriesName),
					`${esc(x.name)}: ${esc(x.kind === 'date' ? label(lang, 'date', new Date(p.value[0]).toISOString().slice(0, 10)) : label(lang, x.kind, p.value[0]))}`,
					`${esc(y.name)}: ${formatNumber(lang, p.value[1])}`
				].join('<br/>')
		},
		legend: names.length > 1 ? { type: 'scroll', top: 0, textStyle: input.theme ? { color: input.theme.fg } : undefined } : undefined,
		xAxis: { ...axisFor(x), name: x.name, nameLocation: 'middle', nameGap: 28, axisLine: style.axisLine, splitLine: { show: false }, nameTextStyle: style.nameTextStyle },
		yAxis: { ...axisFor(y), name: y.name, splitLine: style.splitLine, nameTextStyle: style.nameTextStyle },
		series: names.map((s) => ({ type: 'scatter', name: s, symbolSize: 6, large: drawn > 2000, data: data.get(s) }))
	};
	return { option, notes, marks: drawn, series: names, categories: drawn };
}
