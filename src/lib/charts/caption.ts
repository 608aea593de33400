/**
 * A chart that leaves the page — embedded, exported, printed in a report or drawn by
 * the CLI — must carry its own title, source and date, because the page around it is
 * gone. This adds them to an ECharts option as two title components (heading on top,
 * "Nguồn: … · Số liệu đến …" at the foot), so they are inside the SVG/PNG itself and
 * every output uses one definition of the chart.
 */
import type { ChartOption } from './echarts';
import { t, type Lang } from '../i18n/messages';
import { formatDate } from '../i18n/format';
import type { ChartPalette } from './trend-option';

export interface Caption {
	lang: Lang;
	title: string;
	/** A second heading line: unit and period, e.g. "Quảng Ninh · 2021–2025". */
	subtitle?: string;
	/** Where the figures come from, without the "Nguồn:" prefix. */
	source: string;
	/** The data's as-of date, 'YYYY-MM-DD'. */
	asOf: string;
	/** Extra text at the foot, e.g. "Số liệu minh họa". */
	note?: string;
}

/** The foot line, also used by exports' CSV/XLSX headers so every format says the same. */
export function sourceLine(c: Pick<Caption, 'lang' | 'source' | 'asOf' | 'note'>): string {
	const parts = [`${t(c.lang, 'caption.source')}: ${c.source}`, `${t(c.lang, 'caption.asOf')} ${formatDate(c.lang, c.asOf)}`];
	if (c.note) parts.push(c.note);
	return parts.join(' · ');
}

/** Pixel room the heading and the foot take, for a given base font size. */
export function captionSpace(caption: Caption, fontSize = 14): { top: number; bottom: number } {
	const titleLine = Math.round(fontSize * 1.25 * 1.5);
	const subLine = caption.subtitle ? Math.round(fontSize * 1.5) + Math.round(fontSize * 0.5) : 0;
	return { top: titleLine + subLine + 8, bottom: Math.round(fontSize * 0.9 * 1.6) + 6 };
}

const shiftGrid = (grid: unknown, top: number, bottom: number): unknown => {
	const one = (g: Record<string, unknown>) => ({
		...g,
		top: typeof g.top === 'number' ? g.top + top : top + 40,
		bottom: typeof g.bottom === 'number' ? g.bottom + bottom : bottom + 30
	});
	if (Array.isArray(grid)) return grid.map((g) => one(g as Record<string, unknown>));
	return one((grid ?? {}) as Record<string, unknown>);
};

const shiftTop = (item: unknown, top: number): unknown => {
	if (Array.isArray(item)) return item.map((i) => shiftTop(i, top));
	if (!item || typeof item !== 'object') return item;
	const o = item as Record<string, unknown>;
	return typeof o.top === 'number' ? { ...o, top: o.top + top } : o.top === undefined ? { ...o, top } : o;
};

/**
 * The option with its caption. The plot keeps its own layout, moved down by the
 * heading's height and up from the foot, so the same builder serves page and export.
 */
export function withCaption(option: ChartOption, caption: Caption, palette: ChartPalette, fontSize = 14): ChartOption {
	const space = captionSpace(caption, fontSize);
	const o = option as Record<string, unknown>;
	const font = "'Be Vietnam Pro', system-ui, sans-serif";
	const own = Array.isArray(o.title) ? o.title : o.title ? [o.title] : [];
	return {
		...o,
		backgroundColor: palette.surface,
		title: [
			{
				text: caption.title,
				subtext: caption.subtitle ?? '',
				left: 0,
				top: 0,
				// Room for Vietnamese stacked diacritics on the subtitle's first line.
				itemGap: Math.round(fontSize * 0.5),
				textStyle: { fontFamily: font, fontSize: Math.round(fontSize * 1.25), fontWeight: 700, color: palette.fg },
				subtextStyle: { fontFamily: font, fontSize, color: palette.muted }
			},
			{
				text: sourceLine(caption),
				left: 0,
				bottom: 0,
				textStyle: { fontFamily: font, fontSize: Math.round(fontSize * 0.9), fontWeight: 400, color: palette.muted }
			},
			...own
		],
		legend: o.legend === undefined ? undefined : shiftTop(o.legend, space.top),
		grid: shiftGrid(o.grid, space.top, space.bottom)
	} as ChartOption;
}
