/**
 * ECharts options for the domain pages: the shared look (large type for a projector,
 * colours from the page's theme) and the generic shapes — bars over categories, with
 * optional stacks, a line on a second axis and labelled reference lines. The builders of
 * each domain (charts/domains/*.ts) map KPI rows onto these. Pure: no DOM, no database.
 */
import type { ChartOption } from './echarts';

/** Colours of the page (src/app.css variables), read by the UI and passed in. */
export interface ChartTheme {
	fg: string;
	muted: string;
	border: string;
	surface: string;
	accent: string;
	target: string;
	dark: boolean;
}

/** The light theme of app.css: for tests and the first render before CSS is read. */
export const LIGHT_THEME: ChartTheme = {
	fg: '#14202e',
	muted: '#56606d',
	border: '#d9dee5',
	surface: '#ffffff',
	accent: '#0b5cad',
	target: '#b4232a',
	dark: false
};

// Colour-blind-safe (Okabe–Ito) hues; lighter variants keep contrast on the dark surface.
const PALETTE_LIGHT = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#8c7b00', '#6b6b6b'];
const PALETTE_DARK = ['#5fb4f0', '#f5b93d', '#3fd0a4', '#e59ac6', '#9bd3f5', '#ff8a4c', '#e3d35a', '#b8b8b8'];

export const palette = (theme: ChartTheme): string[] => (theme.dark ? PALETTE_DARK : PALETTE_LIGHT);

/** 3★ → 5★ from light to deep gold, so more stars read as "more". */
export const starColor = (theme: ChartTheme, stars: number): string =>
	(theme.dark ? { 3: '#f7d774', 4: '#f0a030', 5: '#ff6f3c' } : { 3: '#f2c14e', 4: '#dd7d12', 5: '#9e3a0a' })[stars] ?? theme.muted;

export type Fmt = (x: number) => string;

/** A chart with its accessible summary: the aria-label says what the bars say. */
export interface ChartSpec {
	option: ChartOption;
	label: string;
}

export const FONT = "'Be Vietnam Pro', system-ui, sans-serif";
export const FONT_SIZE = 15;

export function baseOption(theme: ChartTheme): Record<string, unknown> {
	return {
		textStyle: { fontFamily: FONT, fontSize: FONT_SIZE, color: theme.fg },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			backgroundColor: theme.surface,
			borderColor: theme.border,
			textStyle: { color: theme.fg, fontSize: FONT_SIZE, fontFamily: FONT },
			confine: true
		},
		legend: { top: 0, left: 0, textStyle: { color: theme.fg, fontSize: FONT_SIZE }, itemWidth: 18, itemHeight: 12, itemGap: 16 },
		grid: { left: 8, right: 16, top: 48, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' }
	};
}

function valueAxis(theme: ChartTheme, fmt: Fmt, name?: string, extra: Record<string, unknown> = {}) {
	return {
		type: 'value',
		name,
		nameTextStyle: { color: theme.muted, fontSize: 14, align: 'left' },
		axisLabel: { color: theme.muted, fontSize: 14, formatter: (v: number) => fmt(v) },
		splitLine: { lineStyle: { color: theme.border } },
		...extra
	};
}

function categoryAxis(theme: ChartTheme, categories: string[], horizontal: boolean) {
	return {
		type: 'category',
		data: categories,
		inverse: horizontal,
		axisTick: { show: false },
		axisLine: { lineStyle: { color: theme.border } },
		axisLabel: {
			color: theme.fg,
			fontSize: FONT_SIZE,
			...(horizontal ? { width: 260, overflow: 'truncate' } : { interval: 0, hideOverlap: true, verticalAlign: 'top', lineHeight: 18 })
		}
	};
}

export interface SeriesSpec {
	name: string;
	values: (number | null)[];
	color?: string;
	/** Bars with the same stack are stacked. */
	stack?: string;
	type?: 'bar' | 'line';
	/** 1 = the second (right-hand) value axis. */
	axis?: 0 | 1;
	/** Print the value on the bar/point. */
	labels?: boolean;
	/** Fade a context series behind the main ones. */
	opacity?: number;
}

export interface ReferenceLine {
	value: number;
	label: string;
	color?: string;
}

export interface BarsInput {
	categories: string[];
	series: SeriesSpec[];
	theme: ChartTheme;
	fmt: Fmt;
	/** Format of the value axis' ticks, if not `fmt` (e.g. "70" rather than "70,0"). */
	tickFmt?: Fmt;
	horizontal?: boolean;
	/** Name of the value axis (unit of measure). */
	valueName?: string;
	/** A second value axis (for a line), with its own format. */
	second?: { name?: string; fmt: Fmt; max?: number };
	/** Whole numbers only (counts): no 0,5 ticks. */
	integer?: boolean;
	/** Print stack totals above stacked bars. */
	totals?: boolean;
	references?: ReferenceLine[];
	legend?: boolean;
}

/** Bars (and lines) over categories — years, quarters, groups, districts. */
export function bars(input: BarsInput): ChartOption {
	const { theme, fmt, horizontal = false } = input;
	const colors = palette(theme);
	const cat = categoryAxis(theme, input.categories, horizontal);
	const val = [valueAxis(theme, input.tickFmt ?? fmt, input.valueName, input.integer ? { minInterval: 1 } : {})];
	if (input.second)
		val.push(valueAxis(theme, input.second.fmt, input.second.name, { splitLine: { show: false }, max: input.second.max, min: 0 }));
	const labelPos = horizontal ? 'right' : 'top';
	const stacked = input.series.some((s) => s.stack);
	const series: Record<string, unknown>[] = input.series.map((s, i) => ({
		type: s.type ?? 'bar',
		name: s.name,
		data: s.values,
		stack: s.stack,
		[horizontal ? 'xAxisIndex' : 'yAxisIndex']: s.axis ?? 0,
		itemStyle: { color: s.color ?? colors[i % colors.length], opacity: s.opacity },
		lineStyle: s.type === 'line' ? { width: 3, color: s.color ?? colors[i % colors.length] } : undefined,
		symbolSize: s.type === 'line' ? 9 : undefined,
		barMaxWidth: 56,
		emphasis: { focus: 'series' },
		label: s.labels
			? {
					show: true,
					position: s.stack ? 'inside' : labelPos,
					color: s.stack ? '#fff' : theme.fg,
					fontSize: 14,
					fontWeight: 600,
					formatter: (p: { value: number | null }) => (p.value == null || (s.stack && p.value === 0) ? '' : (s.axis === 1 && input.second ? input.second.fmt : fmt)(p.value))
				}
			: undefined,
		tooltip: { valueFormatter: (v: number | null) => (v == null ? '—' : (s.axis === 1 && input.second ? input.second.fmt : fmt)(v)) }
	}));
	if (stacked && input.totals) {
		// the top segment of each stack carries the stack's total as its label
		const stackSeries = input.series.filter((s) => s.stack && (s.type ?? 'bar') === 'bar');
		const totals = input.categories.map((_, i) => stackSeries.reduce((a, s) => a + (s.values[i] ?? 0), 0));
		const top = series.filter((s) => s.stack && s.type === 'bar').at(-1);
		if (top)
			top.label = {
				show: true,
				position: labelPos,
				color: theme.fg,
				fontSize: 15,
				fontWeight: 700,
				formatter: (p: { dataIndex: number }) => (totals[p.dataIndex] ? fmt(totals[p.dataIndex]) : '')
			};
	}
	if (input.references?.length) {
		const target = series[0];
		if (target)
			target.markLine = {
				silent: true,
				symbol: 'none',
				data: input.references.map((r) => ({
					[horizontal ? 'xAxis' : 'yAxis']: r.value,
					lineStyle: { color: r.color ?? theme.target, type: 'dashed', width: 2 },
					label: { formatter: r.label, position: 'insideEndTop', color: r.color ?? theme.target, fontSize: 14, fontWeight: 600 }
				}))
			};
	}
	return {
		...baseOption(theme),
		legend: input.legend === false ? { show: false } : { ...(baseOption(theme).legend as object), data: input.series.map((s) => s.name) },
		grid: { ...(baseOption(theme).grid as object), top: input.legend === false ? 24 : 48 },
		[horizontal ? 'yAxis' : 'xAxis']: cat,
		[horizontal ? 'xAxis' : 'yAxis']: val.length === 1 ? val[0] : val,
		series
	};
}

/** "2019: 134; 2020: 218" — the data of one series for an aria-label. */
export const listPairs = (categories: string[], values: (number | null)[], fmt: Fmt): string =>
	categories.map((c, i) => `${c}: ${values[i] == null ? '—' : fmt(values[i]!)}`).join('; ');

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A year on an axis; a year read before its end says so ("2025 (đến 30/6)"). */
export function yearLabel(lang: 'vi' | 'en', year: number, asOf: string | null | undefined): string {
	if (!asOf || asOf.endsWith('-12-31')) return String(year);
	const [, m, d] = asOf.split('-').map(Number);
	return lang === 'vi' ? `${year}\n(${d}/${m})` : `${year}\n(${d} ${MONTHS_EN[m - 1]})`;
}
