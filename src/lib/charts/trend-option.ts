/**
 * ECharts options of the indicator page: the trend against the target, and the
 * breakdown by unit as sorted horizontal bars. Pure functions of a model and a
 * language — no database, no DOM — so they run and are tested in Node, and the
 * same option can be exported or embedded elsewhere.
 *
 * Type is large: the page is read on a projector from the back of a meeting room.
 * Colours come in as a palette resolved from the page's CSS variables, because the
 * SVG renderer cannot resolve var(--…) itself.
 */
import type { ChartOption } from './echarts';
import type { TrendModel } from '../kpi/indicator/trend';
import { t, type Lang } from '../i18n/messages';
import { formatDate, formatNumber, formatPercent, formatTarget, formatValue, isPercentUnit } from '../i18n/format';

export interface ChartPalette {
	fg: string;
	muted: string;
	border: string;
	surface: string;
	accent: string;
	target: string;
	ok: string;
}

/** The light theme's colours (src/app.css): used in Node, tests and exports. */
export const LIGHT_PALETTE: ChartPalette = {
	fg: '#14202e',
	muted: '#56606d',
	border: '#d9dee5',
	surface: '#ffffff',
	accent: '#0b5cad',
	target: '#b4232a',
	ok: '#1f6b34'
};

export interface TrendOptionInput {
	lang: Lang;
	model: TrendModel;
	/** Unit of measure in the page's language ("sản phẩm"); a "%" unit prints values with "%". */
	measure: string;
	palette?: ChartPalette;
	/** Base font size in px; the page passes a larger one on wide screens. */
	fontSize?: number;
}

const FONT = "'Be Vietnam Pro', system-ui, sans-serif";
/** Room before the first and after the last year on the time axis, in years. */
const X_PAD = 0.3;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Year labels on the time axis: integers only, and never "2.025". */
export const yearTick = (v: number) => (Number.isInteger(v) ? String(v) : '');

/** Formatters built from format.ts, exposed so tooltips, labels and tests agree. */
export function trendFormatters(lang: Lang, measure: string) {
	const value = (v: number | null | undefined) => formatValue(lang, v, measure);
	// A forecast is an estimate: as many digits as a reader can use, not more.
	const approx = (v: number | null | undefined) => {
		if (v == null || !Number.isFinite(v)) return formatValue(lang, v, measure);
		const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
		const n = formatNumber(lang, Math.round(v * 10 ** digits) / 10 ** digits);
		return isPercentUnit(measure) ? `${n}%` : n;
	};
	return {
		value,
		approx,
		axis: (v: number) => formatValue(lang, v, measure),
		withUnit: (v: number | null | undefined) => (isPercentUnit(measure) ? value(v) : `${value(v)} ${measure}`),
		date: (iso: string) => formatDate(lang, iso)
	};
}

/** Label of the gap at the last actual ("còn thiếu 11"), or null when nothing is to be said. */
export function gapLabel(lang: Lang, model: TrendModel, measure: string): string | null {
	const g = model.gap;
	if (!g) return null;
	// A gap between two percentages is in percentage points, not per cent.
	const n = isPercentUnit(measure)
		? t(lang, 'ind.gap.points', { n: trendFormatters(lang, '').approx(g.amount) })
		: formatValue(lang, g.amount, measure);
	if (g.state === 'inside') return t(lang, 'ind.gap.inside');
	if (g.state === 'over') return t(lang, 'ind.gap.over', { n });
	return t(lang, model.direction === 'down' ? 'ind.gap.shortDown' : 'ind.gap.short', { n });
}

export function trendOption(input: TrendOptionInput): ChartOption {
	const { lang, model, measure } = input;
	const c = input.palette ?? LIGHT_PALETTE;
	const fs = input.fontSize ?? 16;
	const f = trendFormatters(lang, measure);
	const milestone = model.kind === 'milestone';
	const milestoneText = (v: number) => t(lang, v >= 1 ? 'ui.milestoneDone' : 'ui.milestonePending');
	const names = {
		actual: t(lang, 'ind.series.actual'),
		expected: t(lang, 'ind.series.expected'),
		forecast: t(lang, 'ind.series.forecast'),
		target: t(lang, 'ind.series.target')
	};
	const label = (extra: object = {}) => ({ fontSize: fs, fontFamily: FONT, color: c.fg, ...extra });
	const series: object[] = [];

	for (const p of model.paths) {
		series.push({
			id: `expected-${p.plan}-${p.to.x}`,
			name: names.expected,
			type: 'line',
			data: [
				{ value: [p.from.x, p.from.value], tip: `${names.expected} · ${t(lang, 'ind.tip.baseline', { year: p.from.x })}: <b>${escapeHtml(f.withUnit(p.from.value))}</b>` },
				{ value: [p.to.x, p.to.value], tip: `${names.expected} · ${p.to.x}: <b>${escapeHtml(f.withUnit(p.to.value))}</b>` }
			],
			lineStyle: { type: 'dashed', width: 3, color: c.muted },
			itemStyle: { color: c.muted },
			symbol: 'circle',
			symbolSize: 7,
			z: 2
		});
	}

	if (model.forecast) {
		const pts = model.forecast;
		series.push({
			id: 'forecast',
			name: names.forecast,
			type: 'line',
			data: pts.map((p, i) => ({
				value: [p.x, p.value],
				symbolSize: i === 0 ? 0 : 10,
				tip: `${names.forecast} · ${i === 0 ? '' : p.x}: <b>${escapeHtml(f.approx(p.value))}</b>`,
				label:
					i === 0
						? { show: false }
						: label({ show: true, position: 'right', color: c.accent, formatter: t(lang, 'ind.forecastAt', { year: p.x, v: f.approx(p.value) }) })
			})),
			lineStyle: { type: 'dotted', width: 3.5, color: c.accent, opacity: 0.85 },
			itemStyle: { color: c.surface, borderColor: c.accent, borderWidth: 2.5 },
			symbol: 'circle',
			z: 3
		});
	}

	const gapBelow = !!model.gap && model.gap.amount > 0 && model.gap.target > model.gap.actual && model.gap.x === model.actual.at(-1)?.x;
	series.push({
		id: 'actual',
		name: names.actual,
		type: 'line',
		data: model.actual.flatMap((p, i) => {
			const point = {
				value: [p.x, p.value],
				tip: `${names.actual} · ${escapeHtml(f.date(p.asOf))}: <b>${escapeHtml(milestone ? milestoneText(p.value) : f.withUnit(p.value))}</b>`,
				// The gap is drawn from the last point towards the target: its value goes on the other side.
				...(i === model.actual.length - 1 && gapBelow ? { label: { position: 'bottom' } } : {})
			};
			// A missing year breaks the line instead of drawing a slope nobody measured.
			const prev = model.actual[i - 1];
			return prev && p.year - prev.year > 1 ? [{ value: [(prev.x + p.x) / 2, '-'] }, point] : [point];
		}),
		lineStyle: { width: 4.5, color: c.accent },
		itemStyle: { color: c.accent },
		symbol: 'circle',
		symbolSize: 11,
		// Milestones are 0 or 1: the axis says which, labels on every point would only repeat it.
		label: label({ show: !milestone, position: 'top', distance: 8, fontWeight: 600, formatter: (p: { value: [number, number] }) => f.approx(p.value[1]) }),
		step: milestone ? 'end' : undefined,
		labelLayout: { hideOverlap: true },
		z: 5
	});

	const targetData = model.targets.map((tg) => {
		const text = `${t(lang, 'ind.targetOf', { year: tg.year })}: ${milestone ? milestoneText(tg.commitment) : formatTarget(lang, tg.min, tg.max)}`;
		return {
			value: [tg.year, tg.commitment],
			tip: `<b>${escapeHtml(text)}</b> ${milestone || isPercentUnit(measure) ? '' : escapeHtml(measure)}`,
			// A milestone's level is on the axis already; its label only needs the year, under the marker.
			label: milestone
				? label({ show: true, position: 'bottom', distance: 12, color: c.target, fontWeight: 700, formatter: t(lang, 'ind.targetOf', { year: tg.year }) })
				: label({ show: true, position: 'right', distance: 10, color: c.target, fontWeight: 700, formatter: text })
		};
	});
	const bands = model.targets
		.filter((tg) => tg.max != null && tg.max !== tg.min)
		.map((tg) => [
			{ coord: [Math.max(tg.from, model.xMin), tg.min], name: t(lang, 'ind.series.band') },
			{ coord: [tg.year, tg.max] }
		]);
	series.push({
		id: 'target',
		name: names.target,
		type: 'scatter',
		data: targetData,
		symbol: 'diamond',
		symbolSize: 24,
		itemStyle: { color: c.target, borderColor: c.surface, borderWidth: 2 },
		markArea: bands.length
			? { silent: true, itemStyle: { color: c.target, opacity: 0.12 }, label: { show: false }, data: bands }
			: undefined,
		z: 6
	});

	const gap = model.gap;
	const text = gapLabel(lang, model, measure);
	if (gap && text) {
		const color = gap.state === 'short' ? c.target : c.ok;
		if (gap.amount > 0) {
			const mid = (gap.actual + gap.target) / 2;
			const gapText = label({
				show: true,
				distance: 10,
				formatter: text,
				color,
				fontWeight: 700,
				fontSize: fs + 2,
				backgroundColor: c.surface,
				borderColor: color,
				borderWidth: 1.5,
				borderRadius: 4,
				padding: [4, 8]
			});
			// Close to the target marker the label would sit on it: put it beyond the gap's
			// far end instead (above a target still to reach, below one already passed).
			const nearTarget = gap.targetYear - gap.x < 1.2;
			const up = gap.target > gap.actual;
			// Right at the target year the marker's own label is to the right: go left.
			const endPosition = gap.targetYear - gap.x < 0.35 ? 'left' : up ? 'top' : 'bottom';
			// A line series draws a label only where it draws a symbol.
			const labelled = (value: [number, number], position: string) => ({ value, symbol: 'circle', symbolSize: 1, label: { ...gapText, position } });
			series.push({
				id: 'gap',
				name: text,
				type: 'line',
				data: nearTarget
					? [{ value: [gap.x, gap.actual] }, labelled([gap.x, gap.target], endPosition)]
					: [{ value: [gap.x, gap.actual] }, labelled([gap.x, mid], 'right'), { value: [gap.x, gap.target] }],
				lineStyle: { width: 3, color, type: 'solid' },
				symbol: 'none',
				silent: true,
				tooltip: { show: false },
				z: 7
			});
			if (gap.x < gap.targetYear) {
				series.push({
					id: 'gap-guide',
					name: '',
					type: 'line',
					data: [{ value: [gap.x, gap.target] }, { value: [gap.targetYear, gap.target] }],
					lineStyle: { width: 1.5, color: c.target, type: [4, 4], opacity: 0.7 },
					symbol: 'none',
					silent: true,
					tooltip: { show: false },
					z: 1
				});
			}
		} else {
			// Exactly on the target or inside its range: say so at the last actual.
			series.push({
				id: 'gap',
				name: text,
				type: 'scatter',
				data: [{ value: [gap.x, gap.actual], label: label({ show: true, position: 'bottom', distance: 14, formatter: text, color, fontWeight: 700 }) }],
				symbolSize: 0,
				silent: true,
				tooltip: { show: false },
				z: 7
			});
		}
	}

	const years = Array.from({ length: model.xMax - model.xMin + 1 }, (_, i) => model.xMin + i);
	const legend = [names.actual, ...(model.paths.length ? [names.expected] : []), ...(model.forecast ? [names.forecast] : []), ...(model.targets.length ? [names.target] : [])];

	return {
		textStyle: { fontFamily: FONT, fontSize: fs, color: c.fg },
		legend: {
			data: legend,
			top: 0,
			left: 0,
			itemWidth: 34,
			itemHeight: 14,
			itemGap: 24,
			textStyle: { fontSize: fs, color: c.fg, fontFamily: FONT }
		},
		grid: { left: 12, right: Math.round(fs * 12), top: Math.round(fs * 3.6), bottom: Math.round(fs * 0.8), outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
		tooltip: {
			trigger: 'item',
			confine: true,
			textStyle: { fontSize: fs, fontFamily: FONT, color: c.fg },
			backgroundColor: c.surface,
			borderColor: c.border,
			formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? ''
		},
		xAxis: {
			type: 'value',
			// A little room at both ends keeps the first point and its label off the y axis;
			// ticks stay on year ends (31/12), where the figures sit.
			min: model.xMin - X_PAD,
			max: model.xMax + X_PAD,
			axisLabel: { formatter: yearTick, fontSize: fs, color: c.fg, fontFamily: FONT, customValues: years },
			axisLine: { lineStyle: { color: c.muted } },
			axisTick: { lineStyle: { color: c.muted }, customValues: years },
			splitLine: { show: false }
		},
		yAxis: {
			type: 'value',
			name: isPercentUnit(measure) || milestone ? '' : measure,
			nameTextStyle: { fontSize: fs - 2, color: c.muted, align: 'left' },
			...(milestone ? { min: 0, max: 1, interval: 1 } : {}),
			axisLabel: { formatter: milestone ? milestoneText : f.axis, fontSize: fs, color: c.fg, fontFamily: FONT },
			splitLine: { lineStyle: { color: c.border } }
		},
		series
	};
}

// ---------------------------------------------------------------------------------

export interface BreakdownItem {
	code: string;
	name: string;
	value: number | null;
	/** Share of the total, 0–1, for additive indicators. */
	share: number | null;
}

export interface BreakdownOptionInput {
	lang: Lang;
	items: BreakdownItem[];
	/** What belongs to no part (records after the 2025 merger): drawn last, muted. */
	rest?: BreakdownItem | null;
	measure: string;
	palette?: ChartPalette;
	fontSize?: number;
}

/** Bars sorted largest first; empty units keep their row so a zero is visible as a zero. */
export function sortBreakdown(items: BreakdownItem[]): BreakdownItem[] {
	return [...items].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, 'vi'));
}

export function breakdownLabel(lang: Lang, item: BreakdownItem, measure: string): string {
	const v = formatValue(lang, item.value, measure);
	return item.share == null ? v : `${v} · ${formatPercent(lang, item.share)}`;
}

export function breakdownOption(input: BreakdownOptionInput): ChartOption {
	const { lang, measure } = input;
	const c = input.palette ?? LIGHT_PALETTE;
	const fs = input.fontSize ?? 16;
	const items = [...sortBreakdown(input.items), ...(input.rest ? [input.rest] : [])];
	const restIndex = input.rest ? items.length - 1 : -1;
	return {
		textStyle: { fontFamily: FONT, fontSize: fs, color: c.fg },
		grid: { left: 8, right: Math.round(fs * 9), top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
		tooltip: {
			trigger: 'item',
			confine: true,
			textStyle: { fontSize: fs, fontFamily: FONT, color: c.fg },
			backgroundColor: c.surface,
			borderColor: c.border,
			formatter: (p: { dataIndex: number }) => {
				const it = items[p.dataIndex];
				return it ? `${escapeHtml(it.name)}: <b>${escapeHtml(breakdownLabel(lang, it, measure))}</b>` : '';
			}
		},
		xAxis: {
			type: 'value',
			axisLabel: { formatter: (v: number) => formatNumber(lang, v), fontSize: fs - 2, color: c.muted },
			splitLine: { lineStyle: { color: c.border } }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: items.map((i) => i.name),
			axisLabel: { fontSize: fs, color: c.fg, fontFamily: FONT, width: Math.round(fs * 16), overflow: 'truncate' },
			axisTick: { show: false },
			axisLine: { lineStyle: { color: c.muted } }
		},
		series: [
			{
				id: 'breakdown',
				type: 'bar',
				data: items.map((i, k) => ({
					value: i.value ?? 0,
					code: i.code,
					...(k === restIndex ? { itemStyle: { color: c.muted, opacity: 0.55 } } : {})
				})),
				barMaxWidth: 26,
				itemStyle: { color: c.accent, borderRadius: [0, 3, 3, 0] },
				label: {
					show: true,
					position: 'right',
					fontSize: fs - 1,
					color: c.fg,
					fontFamily: FONT,
					formatter: (p: { dataIndex: number }) => breakdownLabel(lang, items[p.dataIndex], measure)
				}
			}
		]
	};
}
