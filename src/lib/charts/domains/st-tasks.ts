/** Chart options of the S&T tasks page. */
import { t } from '../../i18n/messages';
import type { LevelFieldRow, OverdueRow, TaskYearRow } from '../../kpi/domains/st-tasks';
import { bars, listPairs, palette, yearLabel, type ChartSpec } from '../domain-options';
import { count, percent, percentTick, type ChartContext } from './common';

export const LEVELS = ['national', 'provincial', 'grassroots'] as const;

/** Ongoing and accepted per year (bars), share applied (line, right axis), overdue (line). */
export function tasksYearsOption(rows: TaskYearRow[], ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const pct = percent(ctx);
	const colors = palette(ctx.theme);
	const years = rows.map((r) => String(r.year));
	const option = bars({
		categories: rows.map((r) => yearLabel(ctx.lang, r.year, r.as_of)),
		theme: ctx.theme,
		fmt,
		integer: true,
		valueName: t(ctx.lang, 'dom.tk.tasks'),
		second: { name: '%', fmt: percentTick(ctx), max: 100 },
		series: [
			{ name: t(ctx.lang, 'dom.tk.ongoing'), values: rows.map((r) => r.ongoing), labels: true, color: colors[4] },
			{ name: t(ctx.lang, 'dom.tk.accepted'), values: rows.map((r) => r.accepted), labels: true, color: colors[2] },
			{ name: t(ctx.lang, 'dom.tk.overdue'), values: rows.map((r) => r.overdue), type: 'line', color: ctx.theme.target },
			{ name: t(ctx.lang, 'dom.tk.applied'), values: rows.map((r) => r.applied_share), type: 'line', axis: 1, color: colors[1] }
		]
	});
	const share = (option.series as Record<string, unknown>[])[3];
	share.lineStyle = { width: 3, type: 'dashed', color: colors[1] };
	share.tooltip = { valueFormatter: (v: number | null) => (v == null ? '—' : pct(v)) };
	return {
		option,
		label: `${t(ctx.lang, 'dom.tk.years.title')}. ${t(ctx.lang, 'dom.tk.ongoing')}: ${listPairs(years, rows.map((r) => r.ongoing), fmt)}. ${t(ctx.lang, 'dom.tk.accepted')}: ${listPairs(years, rows.map((r) => r.accepted), fmt)}. ${t(ctx.lang, 'dom.tk.applied')}: ${listPairs(years, rows.map((r) => r.applied_share), pct)}.`
	};
}

export const OVERDUE_BUCKETS = [
	{ key: '90', max: 90 },
	{ key: '180', max: 180 },
	{ key: '365', max: 365 },
	{ key: 'more', max: Infinity }
] as const;

export function overdueBuckets(rows: OverdueRow[]): { key: (typeof OVERDUE_BUCKETS)[number]['key']; value: number }[] {
	let min = 0;
	return OVERDUE_BUCKETS.map((b) => {
		const value = rows.filter((r) => r.days_overdue > min && r.days_overdue <= b.max).length;
		min = b.max;
		return { key: b.key, value };
	});
}

/** Overdue tasks by how long they are overdue. */
export function overdueOption(rows: OverdueRow[], ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const buckets = overdueBuckets(rows);
	const names = buckets.map((b) => t(ctx.lang, `dom.tk.bucket.${b.key}`));
	const option = bars({
		categories: names,
		theme: ctx.theme,
		fmt,
		integer: true,
		legend: false,
		valueName: t(ctx.lang, 'dom.tk.tasks'),
		series: [{ name: t(ctx.lang, 'dom.tk.overdue'), values: buckets.map((b) => b.value), labels: true, color: ctx.theme.target }]
	});
	return { option, label: `${t(ctx.lang, 'dom.tk.overdue.buckets')}. ${listPairs(names, buckets.map((b) => b.value), fmt)}.` };
}

/** Fields (largest first) with the ongoing tasks stacked by level. */
export function levelFieldOption(rows: LevelFieldRow[], title: string, ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const colors = palette(ctx.theme);
	const total = (f: string) => rows.filter((r) => r.field === f).reduce((a, r) => a + r.value, 0);
	const fields = [...new Set(rows.map((r) => r.field))].sort((a, b) => total(b) - total(a) || a.localeCompare(b, 'vi'));
	const option = bars({
		categories: fields,
		horizontal: true,
		theme: ctx.theme,
		fmt,
		integer: true,
		totals: true,
		series: LEVELS.map((l, i) => ({
			name: t(ctx.lang, `dom.tk.level.${l}`),
			values: fields.map((f) => rows.find((r) => r.field === f && r.level === l)?.value ?? 0),
			stack: 'level',
			color: colors[[0, 4, 2][i]]
		}))
	});
	return { option, label: `${title}. ${listPairs(fields, fields.map(total), fmt)}.` };
}
