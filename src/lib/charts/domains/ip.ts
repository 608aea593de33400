/** Chart options of the intellectual property page. */
import { t } from '../../i18n/messages';
import type { IpType, IpTypeRow } from '../../kpi/domains/ip';
import type { SeriesValue } from '../../kpi/series';
import { bars, listPairs, palette, yearLabel, type ChartSpec } from '../domain-options';
import { count, type ChartContext } from './common';

type YearAt = { year: number; as_of: string | null };

/** Titles by type per year, stacked, with totals. */
export function typesByYearOption(rows: IpTypeRow[], years: YearAt[], types: readonly IpType[], title: string, unitName: string, ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const colors = palette(ctx.theme);
	const value = (y: number, type: IpType) => rows.find((r) => r.year === y && r.ip_type === type)?.value ?? 0;
	const option = bars({
		categories: years.map((y) => yearLabel(ctx.lang, y.year, y.as_of)),
		theme: ctx.theme,
		fmt,
		integer: true,
		totals: true,
		valueName: unitName,
		series: types.map((type, i) => ({
			name: t(ctx.lang, `dom.ip.type.${type}`),
			values: years.map((y) => value(y.year, type)),
			stack: 'ip',
			color: colors[(i + (types[0] === 'patent' ? 3 : 0)) % colors.length]
		}))
	});
	const totals = years.map((y) => types.reduce((a, type) => a + value(y.year, type), 0));
	return { option, label: `${title}. ${listPairs(years.map((y) => String(y.year)), totals, fmt)}.` };
}

/** SH01 per year (observations). */
export function keyProductsOption(points: SeriesValue[], ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const option = bars({
		categories: points.map((p) => yearLabel(ctx.lang, p.year, p.asOf)),
		theme: ctx.theme,
		fmt,
		integer: true,
		legend: false,
		valueName: t(ctx.lang, 'dom.ocop.products'),
		series: [{ name: t(ctx.lang, 'dom.ip.key.title'), values: points.map((p) => p.value), labels: true, color: palette(ctx.theme)[2] }]
	});
	return { option, label: `${t(ctx.lang, 'dom.ip.key.title')}. ${listPairs(points.map((p) => String(p.year)), points.map((p) => p.value), fmt)}.` };
}
