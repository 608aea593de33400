/**
 * Toolbars of the indicator page's charts: trend and breakdown. Built from what the page
 * already has (model, rows, catalogue), with the same caption the embed shows.
 */
import type { Lang } from '$lib/i18n/messages';
import { t } from '$lib/i18n/messages';
import { formatDate } from '$lib/i18n/format';
import { trendOption, breakdownOption, LIGHT_PALETTE, type BreakdownItem } from '$lib/charts/trend-option';
import type { TrendModel } from '$lib/kpi/indicator/trend';
import type { ScorecardRow } from '$lib/kpi/scorecard';
import type { IndicatorRow, UnitRow } from '$lib/kpi/series';
import type { DatasetInfo } from '$lib/kpi/prebaked';
import { indicatorCaption } from '$lib/export/captions';
import { embedPath } from '$lib/export/embed-url';
import { optionTable, trendTable } from '$lib/export/table';
import type { ChartTools } from './types';

export interface IndicatorContext {
	lang: Lang;
	indicator: IndicatorRow;
	unit: UnitRow;
	year: number;
	plan: string | null;
	/** Dataset of the actual figures ('observations' or the record table). */
	dataset: string;
	datasets: DatasetInfo[];
	targets: ScorecardRow[];
	asOf: string;
}

const ref = (u: UnitRow) => `${u.code}@${u.vintage}`;
const measureOf = (c: IndicatorContext) => (c.lang === 'vi' ? c.indicator.unit_vi : c.indicator.unit_en);

/** Height of the trend's plot in exports and embeds (the page's laptop height). */
export const trendHeight = (model: TrendModel) => Math.round(400 * (model.kind === 'milestone' ? 0.6 : 1));

export function trendPeriod(model: TrendModel, year: number): string {
	const first = model.actual[0]?.year ?? year;
	return first === year ? String(year) : `${first}–${year}`;
}

export function trendTools(c: IndicatorContext, model: TrendModel): ChartTools {
	const caption = indicatorCaption({ ...c, period: trendPeriod(model, c.year) });
	return {
		caption,
		light: () => trendOption({ lang: c.lang, model, measure: measureOf(c), palette: LIGHT_PALETTE, fontSize: 14 }),
		table: () => trendTable(model, c.lang),
		file: { what: c.indicator.code, unit: c.unit.name_vi, from: model.actual[0]?.year ?? c.year, to: c.year },
		embed: embedPath('/embed/chart', { kind: 'trend', indicator: c.indicator.code, unit: ref(c.unit), year: c.year, plan: c.plan, lang: c.lang }),
		height: trendHeight(model)
	};
}

export const breakdownHeight = (n: number) => Math.max(120, n * 34 + 30);

export function breakdownTools(c: IndicatorContext, items: BreakdownItem[], rest: BreakdownItem | null, periodEnd: string | null | undefined): ChartTools {
	const name = c.lang === 'vi' ? c.indicator.name_vi : c.indicator.name_en;
	const caption = indicatorCaption({
		...c,
		title: `${c.indicator.code} · ${t(c.lang, 'embed.chart.breakdown', { name })}`,
		period: formatDate(c.lang, periodEnd ?? c.asOf)
	});
	const light = () => breakdownOption({ lang: c.lang, items, rest, measure: measureOf(c), palette: LIGHT_PALETTE, fontSize: 14 });
	return {
		caption,
		light,
		table: () => {
			// The bars' values and shares, exactly as drawn (one row per bar, the unassigned last).
			const all = [...items, ...(rest ? [rest] : [])];
			return {
				columns: [t(c.lang, 'embed.col.unit'), t(c.lang, 'embed.col.value'), t(c.lang, 'embed.col.share')],
				rows: all.map((i) => [i.name, i.value, i.share])
			};
		},
		file: { what: `${c.indicator.code}-breakdown`, unit: c.unit.name_vi, to: c.year },
		embed: embedPath('/embed/chart', { kind: 'breakdown', indicator: c.indicator.code, unit: ref(c.unit), year: c.year, plan: c.plan, lang: c.lang }),
		height: breakdownHeight(items.length + (rest ? 1 : 0))
	};
}

export { optionTable };
