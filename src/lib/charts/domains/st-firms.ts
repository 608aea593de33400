/** Chart options of the S&T enterprises page. */
import { t } from '../../i18n/messages';
import type { FirmFieldRow, FirmYearRow } from '../../kpi/domains/st-firms';
import { bars, listPairs, palette, yearLabel, type ChartSpec } from '../domain-options';
import { count, type ChartContext } from './common';

/** Certificates in force at each year's date (bars) and new certificates in the year (line). */
export function firmsYearsOption(rows: FirmYearRow[], ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const colors = palette(ctx.theme);
	const option = bars({
		categories: rows.map((r) => yearLabel(ctx.lang, r.year, r.as_of)),
		theme: ctx.theme,
		fmt,
		integer: true,
		valueName: t(ctx.lang, 'dom.firms.enterprises'),
		series: [
			{ name: t(ctx.lang, 'dom.firms.inForce'), values: rows.map((r) => r.in_force), labels: true, color: colors[0] },
			{ name: t(ctx.lang, 'dom.firms.new'), values: rows.map((r) => r.new_certs), type: 'line', color: colors[1] }
		]
	});
	const years = rows.map((r) => String(r.year));
	return {
		option,
		label: `${t(ctx.lang, 'dom.firms.years.title')}. ${t(ctx.lang, 'dom.firms.inForce')}: ${listPairs(years, rows.map((r) => r.in_force), fmt)}. ${t(ctx.lang, 'dom.firms.new')}: ${listPairs(years, rows.map((r) => r.new_certs), fmt)}.`
	};
}

/** By field: in force and new in the year, side by side. */
export function firmsFieldsOption(rows: FirmFieldRow[], title: string, ctx: ChartContext): ChartSpec {
	const fmt = count(ctx);
	const colors = palette(ctx.theme);
	const option = bars({
		categories: rows.map((r) => r.field),
		horizontal: true,
		theme: ctx.theme,
		fmt,
		integer: true,
		series: [
			{ name: t(ctx.lang, 'dom.firms.inForce'), values: rows.map((r) => r.in_force), labels: true, color: colors[0] },
			{ name: t(ctx.lang, 'dom.firms.new'), values: rows.map((r) => r.new_certs), labels: true, color: colors[1] }
		]
	});
	return { option, label: `${title}. ${listPairs(rows.map((r) => r.field), rows.map((r) => r.in_force), fmt)}.` };
}
