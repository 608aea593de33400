/**
 * Ranking of provinces as sorted horizontal bars (largest at the top). A province in
 * the data without a figure gets a row that says so in words, with no bar — a missing
 * value must never look like a zero. Pure: colours and formatted labels come in, an
 * ECharts option goes out.
 */
import type { ChartOption } from './echarts';

export interface RankingItem {
	code: string;
	name: string;
	value: number | null;
	/** The value as printed (vi-VN or en formatting, unit where needed). */
	label: string;
	selected: boolean;
	/** Printed instead of a bar when there is no value (e.g. "chưa có số liệu"). */
	missingLabel?: string;
}

/** Resolved theme colours (ECharts' SVG output cannot read CSS variables). */
export interface RankingColours {
	bar: string;
	selected: string;
	text: string;
	muted: string;
	grid: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const ROW_HEIGHT = 30;

export function rankingHeight(items: number): number {
	return Math.max(120, items * ROW_HEIGHT + 30);
}

export function rankingOption(
	items: RankingItem[],
	opts: { colours: RankingColours; noDataLabel: string; description: string }
): ChartOption {
	const { colours } = opts;
	const max = Math.max(0, ...items.map((i) => i.value ?? 0));
	return {
		aria: { enabled: true, label: { description: opts.description } },
		// ECharts 6 keeps axis labels inside the box by itself (grid.outerBoundsMode 'auto').
		grid: { left: 8, right: 110, top: 8, bottom: 8 },
		textStyle: { fontFamily: "'Be Vietnam Pro', system-ui, sans-serif" },
		tooltip: {
			trigger: 'item',
			formatter: (p: { dataIndex: number }) => {
				const i = items[p.dataIndex];
				// ECharts renders a formatter's string as HTML, and names come from data.
				return i ? `${escapeHtml(i.name)}: ${escapeHtml(i.value == null ? (i.missingLabel ?? opts.noDataLabel) : i.label)}` : '';
			}
		},
		xAxis: {
			type: 'value',
			min: 0,
			max: max > 0 ? undefined : 1,
			axisLabel: { color: colours.muted },
			splitLine: { lineStyle: { color: colours.grid } }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: items.map((i) => i.name),
			axisTick: { show: false },
			axisLine: { lineStyle: { color: colours.grid } },
			axisLabel: {
				color: colours.text,
				fontSize: 13,
				formatter: (name: string, index: number) => (items[index]?.selected ? `{sel|${name}}` : name),
				rich: { sel: { fontWeight: 'bold', color: colours.selected, fontSize: 13 } }
			}
		},
		series: [
			{
				name: 'value',
				type: 'bar',
				barMaxWidth: 20,
				data: items.map((i) =>
					i.value == null
						? '-'
						: {
								value: i.value,
								itemStyle: { color: i.selected ? colours.selected : colours.bar, borderRadius: [0, 3, 3, 0] },
								label: { formatter: i.label, fontWeight: i.selected ? 'bold' : 'normal' }
							}
				),
				label: { show: true, position: 'right', color: colours.text, fontSize: 13 }
			},
			{
				// A bar-less row carrying the words "no data" where the bar would start.
				name: 'missing',
				type: 'bar',
				barGap: '-100%',
				silent: true,
				tooltip: { show: false },
				itemStyle: { color: 'transparent' },
				data: items.map((i) =>
					i.value == null ? { value: 0, label: { formatter: i.missingLabel ?? opts.noDataLabel } } : '-'
				),
				label: { show: true, position: 'right', color: colours.muted, fontStyle: 'italic', fontSize: 13 }
			}
		]
	};
}
