/**
 * The data behind a chart, as a table: the exact numbers the chart draws, for CSV and
 * XLSX downloads. Each chart maps to rows by a pure function next to its option (the
 * trend by `trendTable`, bars and lines over categories by `optionTable`, which reads
 * the option itself), so the file and the picture cannot disagree.
 *
 * The head of every file says what the chart says inside its frame: title, the
 * "Nguồn: … · Số liệu đến …" line and the as-of date, so a table copied out of the file
 * still carries where it comes from.
 */
import type { ChartOption } from '../charts/echarts';
import type { Caption } from '../charts/caption';
import { sourceLine } from '../charts/caption';
import type { TrendModel } from '../kpi/indicator/trend';
import { t, type MessageKey } from '../i18n/messages';
import { neutralise, BOM } from '../query/export-csv';

export type Cell = string | number | null;

export interface ExportTable {
	columns: string[];
	rows: Cell[][];
}

const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A data item of an ECharts series: a number, '-', null, or { value }. */
function itemValue(item: unknown): unknown {
	if (item && typeof item === 'object' && !Array.isArray(item) && 'value' in item) return (item as { value: unknown }).value;
	return item;
}

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/**
 * Rows of a chart drawn over categories (years, quarters, groups, provinces): one row per
 * category, one column per series, the values exactly as drawn ('-' and null → empty).
 * A series whose name is in `skip` (a helper series, e.g. the ranking's "no data" row) is left out.
 */
export function optionTable(option: ChartOption, categoryLabel: string, skip: string[] = []): ExportTable {
	const o = option as Record<string, unknown>;
	const axes = [...asArray(o.xAxis as object | object[]), ...asArray(o.yAxis as object | object[])] as Record<string, unknown>[];
	const cat = axes.find((a) => a.type === 'category' && Array.isArray(a.data));
	const series = (asArray(o.series as object | object[]) as Record<string, unknown>[]).filter((s) => !skip.includes(String(s.name)));
	if (cat) {
		const categories = (cat.data as unknown[]).map((c) => String(itemValue(c)).replace(/\n/g, ' '));
		return {
			columns: [categoryLabel, ...series.map((s) => String(s.name ?? ''))],
			rows: categories.map((c, i) => [c, ...series.map((s) => finite(itemValue((s.data as unknown[] | undefined)?.[i])))])
		};
	}
	// A pie or a chart of named points: name, value.
	const rows: Cell[][] = [];
	for (const s of series)
		for (const d of (s.data as unknown[] | undefined) ?? []) {
			const v = itemValue(d);
			const name = d && typeof d === 'object' && 'name' in d ? String((d as { name: unknown }).name) : '';
			rows.push([String(s.name ?? ''), name, Array.isArray(v) ? finite(v[1]) : finite(v)]);
		}
	return { columns: ['series', categoryLabel, 'value'], rows };
}

/**
 * The trend chart's numbers: each actual reading (its year, its as-of date, the value),
 * then each target (year, minimum, maximum) and the forecast at the target years.
 */
export function trendTable(model: TrendModel, lang: 'vi' | 'en'): ExportTable {
	const k = (key: MessageKey) => t(lang, key);
	const rows: Cell[][] = model.actual.map((p) => [k('ind.series.actual'), p.year, p.asOf, p.value, null]);
	for (const tg of model.targets) rows.push([`${k('ind.series.target')} (${tg.plan})`, tg.year, `${tg.year}-12-31`, tg.min, tg.max]);
	for (const p of model.forecast?.slice(1) ?? []) rows.push([k('ind.series.forecast'), Math.floor(p.x), null, p.value, null]);
	return { columns: [k('embed.col.series'), k('embed.col.year'), k('embed.col.asOf'), k('embed.col.value'), k('embed.col.max')], rows };
}

/** The lines above the table: title, subtitle, source line, as-of date (ISO, for machines). */
export function headerBlock(caption: Caption): Cell[][] {
	const lines: Cell[][] = [[caption.title]];
	if (caption.subtitle) lines.push([caption.subtitle]);
	lines.push([sourceLine(caption)]);
	lines.push([t(caption.lang, 'caption.asOf'), caption.asOf]);
	return lines;
}

const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

function csvCell(c: Cell): string {
	if (c == null) return '';
	// Numbers stay machine-readable: '.' decimal, full precision, never neutralised.
	if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
	return quote(neutralise(c));
}

/** UTF-8 CSV with a byte-order mark (Excel reads Vietnamese right), CRLF line ends. */
export function tableCsv(caption: Caption, table: ExportTable): string {
	const lines = [...headerBlock(caption), [], table.columns, ...table.rows];
	return BOM + lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Rows of the XLSX sheet: the same head, an empty row, the table; numbers stay numbers. */
export function tableSheet(caption: Caption, table: ExportTable): Cell[][] {
	const text = (c: Cell) => (typeof c === 'string' ? neutralise(c) : c);
	return [...headerBlock(caption), [], table.columns, ...table.rows].map((l) => l.map(text));
}

/** Row index (0-based) where the column names sit in the CSV/XLSX: readers skip the head with it. */
export const headerRows = (caption: Caption) => headerBlock(caption).length + 1;
