/** Chart options of the S&T budget page. */
import { t } from '../../i18n/messages';
import type { BudgetNorm, QuarterRow, SourceRow } from '../../kpi/domains/budget';
import type { SeriesValue } from '../../kpi/series';
import { bars, listPairs, palette, yearLabel, type ChartSpec } from '../domain-options';
import { amount, amountTick, percent, percentTick, type ChartContext } from './common';

/** Allocated and disbursed per quarter (bars, tỷ đồng), cumulative disbursement rate (line, %, right axis). */
export function quartersOption(rows: QuarterRow[], year: number, ctx: ChartContext): ChartSpec {
	const fmt = amount(ctx);
	const pct = percent(ctx);
	const colors = palette(ctx.theme);
	const names = rows.map((r) => t(ctx.lang, 'dom.quarterN', { n: r.quarter }));
	const maxRate = Math.max(100, ...rows.map((r) => r.cumulative_rate ?? 0));
	const option = bars({
		categories: names,
		theme: ctx.theme,
		fmt,
		tickFmt: amountTick(ctx),
		valueName: t(ctx.lang, 'dom.bud.bn'),
		second: { name: '%', fmt: percentTick(ctx), max: Math.ceil(maxRate / 20) * 20 },
		series: [
			{ name: t(ctx.lang, 'dom.bud.allocated'), values: rows.map((r) => r.allocated), labels: true, color: colors[4] },
			{ name: t(ctx.lang, 'dom.bud.disbursed'), values: rows.map((r) => r.disbursed), labels: true, color: colors[0] },
			{ name: t(ctx.lang, 'dom.bud.cumRate'), values: rows.map((r) => r.cumulative_rate), type: 'line', axis: 1, labels: true, color: colors[5] }
		]
	});
	// the rate line has its own format on its labels and tooltip
	const line = (option.series as Record<string, unknown>[])[2];
	line.label = { show: true, position: 'top', color: ctx.theme.fg, fontSize: 14, fontWeight: 700, formatter: (p: { value: number | null }) => (p.value == null ? '' : pct(p.value)) };
	line.tooltip = { valueFormatter: (v: number | null) => (v == null ? '—' : pct(v)) };
	return {
		option,
		label: `${t(ctx.lang, 'dom.bud.quarters.title', { year })}. ${t(ctx.lang, 'dom.bud.allocated')}: ${listPairs(names, rows.map((r) => r.allocated), fmt)}. ${t(ctx.lang, 'dom.bud.disbursed')}: ${listPairs(names, rows.map((r) => r.disbursed), fmt)}. ${t(ctx.lang, 'dom.bud.cumRate')}: ${listPairs(names, rows.map((r) => r.cumulative_rate), pct)}.`
	};
}

/** Allocated and disbursed by funding source. */
export function sourcesOption(rows: SourceRow[], title: string, ctx: ChartContext): ChartSpec {
	const fmt = amount(ctx);
	const colors = palette(ctx.theme);
	const names = rows.map((r) => t(ctx.lang, `dom.bud.source.${r.source}`));
	const option = bars({
		categories: names,
		horizontal: true,
		theme: ctx.theme,
		fmt,
		tickFmt: amountTick(ctx),
		series: [
			{ name: t(ctx.lang, 'dom.bud.allocated'), values: rows.map((r) => r.allocated), labels: true, color: colors[4] },
			{ name: t(ctx.lang, 'dom.bud.disbursed'), values: rows.map((r) => r.disbursed), labels: true, color: colors[0] }
		]
	});
	return {
		option,
		label: `${title}. ${t(ctx.lang, 'dom.bud.disbursed')}: ${listPairs(names, rows.map((r) => r.disbursed), fmt)} ${t(ctx.lang, 'dom.bud.bn')}.`
	};
}

/** The S&T share per year against the national floors, drawn as labelled reference lines. */
export function shareOption(points: SeriesValue[], norms: BudgetNorm[], ctx: ChartContext): ChartSpec {
	const pct = percent(ctx);
	const top = Math.max(...norms.map((n) => n.value), ...points.map((p) => p.value ?? 0));
	const normColors = [ctx.theme.target, ctx.theme.dark ? '#e3d35a' : '#8c5a00'];
	const option = bars({
		categories: points.map((p) => yearLabel(ctx.lang, p.year, p.asOf)),
		theme: ctx.theme,
		fmt: percentTick(ctx),
		legend: false,
		valueName: '%',
		series: [{ name: t(ctx.lang, 'dom.bud.share.value'), values: points.map((p) => p.value), labels: true, color: palette(ctx.theme)[0] }],
		references: norms.map((n, i) => ({
			value: n.value,
			label: t(ctx.lang, 'dom.bud.norm', { value: percentTick(ctx)(n.value), document: n.document }),
			color: normColors[i % normColors.length]
		}))
	});
	const s = (option.series as Record<string, unknown>[])[0];
	s.label = { show: true, position: 'top', color: ctx.theme.fg, fontSize: 14, fontWeight: 600, formatter: (p: { value: number | null }) => (p.value == null ? '' : pct(p.value)) };
	s.tooltip = { valueFormatter: (v: number | null) => (v == null ? '—' : pct(v)) };
	(option.yAxis as Record<string, unknown>).max = Math.ceil(top + 0.5);
	return {
		option,
		label: `${t(ctx.lang, 'dom.bud.share.title')}. ${listPairs(points.map((p) => String(p.year)), points.map((p) => p.value), pct)}. ${norms.map((n) => t(ctx.lang, 'dom.bud.norm', { value: percentTick(ctx)(n.value), document: n.document })).join('; ')}.`
	};
}
