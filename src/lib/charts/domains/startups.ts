/** Chart options of the startups and Innovation Centre page. */
import { t } from '../../i18n/messages';
import type { IncubatedRow, OrgRow, PipelineRow } from '../../kpi/domains/startups';
import { bars, listPairs, palette, yearLabel, type ChartSpec } from '../domain-options';
import { amount, amountTick, count, type ChartContext } from './common';

const STAGES = ['KN01', 'KN02', 'KN03'] as const;

/** The pipeline at the date: projects → startups → startups that raised capital (horizontal bars). */
export function pipelineOption(row: PipelineRow, ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const names = STAGES.map((k) => t(ctx.lang, `dom.st.${k}`));
	const values = STAGES.map((k) => row[k]);
	const colors = palette(ctx.theme);
	const option = bars({
		categories: names,
		horizontal: true,
		theme: ctx.theme,
		fmt,
		integer: true,
		legend: false,
		series: [{ name: t(ctx.lang, 'dom.col.count'), values, labels: true }]
	});
	(option.series as { data: unknown[] }[])[0].data = values.map((v, i) => ({ value: v, itemStyle: { color: colors[i] } }));
	return { option, label: `${t(ctx.lang, 'dom.st.pipeline.title')}. ${listPairs(names, values, fmt)}; ${t(ctx.lang, 'dom.st.KN04')}: ${amount(ctx)(row.KN04)} ${t(ctx.lang, 'dom.bud.bn')}.` };
}

/** The pipeline's three counts at each year's date since the plan began (lines), capital as bars on the right axis. */
export function pipelineYearsOption(rows: PipelineRow[], ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const colors = palette(ctx.theme);
	const categories = rows.map((r) => yearLabel(ctx.lang, r.year, r.as_of));
	const option = bars({
		categories,
		theme: ctx.theme,
		fmt,
		integer: true,
		second: { name: t(ctx.lang, 'dom.bud.bn'), fmt: amountTick(ctx) },
		series: [
			{ name: `${t(ctx.lang, 'dom.st.KN04')} (${t(ctx.lang, 'dom.bud.bn')})`, values: rows.map((r) => r.KN04), axis: 1, color: palette(ctx.theme)[7], opacity: 0.45 },
			...STAGES.map((k, i) => ({ name: t(ctx.lang, `dom.st.${k}`), values: rows.map((r) => r[k]), type: 'line' as const, color: colors[i], labels: i === 0 }))
		]
	});
	return {
		option,
		label: `${t(ctx.lang, 'dom.st.years.title')}. ${STAGES.map((k) => `${t(ctx.lang, `dom.st.${k}`)}: ${listPairs(rows.map((r) => String(r.year)), rows.map((r) => r[k]), fmt)}`).join('. ')}.`
	};
}

/** The organisations with most projects; the rest summed in one bar. */
export function topOrgs(rows: OrgRow[], n = 8): { name: string; value: number; others: number }[] {
	const sorted = [...rows].sort((a, b) => b.value - a.value || a.support_org.localeCompare(b.support_org, 'vi'));
	const top = sorted.slice(0, n).map((r) => ({ name: r.support_org, value: r.value, others: 0 }));
	const rest = sorted.slice(n);
	if (rest.length) top.push({ name: '', value: rest.reduce((a, r) => a + r.value, 0), others: rest.length });
	return top;
}

export function orgsOption(rows: OrgRow[], title: string, ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const top = topOrgs(rows);
	const names = top.map((o) => (o.others ? t(ctx.lang, 'dom.st.orgs.others', { n: fmt(o.others) }) : o.name));
	const option = bars({
		categories: names,
		horizontal: true,
		theme: ctx.theme,
		fmt,
		integer: true,
		legend: false,
		series: [{ name: t(ctx.lang, 'dom.col.projects'), values: top.map((o) => o.value), labels: true, color: palette(ctx.theme)[0] }]
	});
	(option.series as { data: unknown[] }[])[0].data = top.map((o) => (o.others ? { value: o.value, itemStyle: { color: ctx.theme.muted } } : o.value));
	return { option, label: `${title}. ${listPairs(names, top.map((o) => o.value), fmt)}.` };
}

/** Projects incubated at the Centre per year (TT02). */
export function incubatedOption(rows: IncubatedRow[], ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const option = bars({
		categories: rows.map((r) => yearLabel(ctx.lang, r.year, r.as_of)),
		theme: ctx.theme,
		fmt,
		integer: true,
		legend: false,
		valueName: t(ctx.lang, 'dom.col.projects'),
		series: [{ name: t(ctx.lang, 'dom.st.centre.incubated'), values: rows.map((r) => r.value), labels: true, color: palette(ctx.theme)[2] }]
	});
	return { option, label: `${t(ctx.lang, 'dom.st.centre.incubated')}. ${listPairs(rows.map((r) => String(r.year)), rows.map((r) => r.value), fmt)}.` };
}
