/**
 * The report's and the CLI's chart: the indicator page's trend option (trendOption)
 * with its caption (withCaption) — title, unit and period, "Nguồn: …", as-of date and
 * an "illustrative" note where the figures are not published ones.
 */
import type { ChartOption } from '../charts/echarts';
import { trendOption, LIGHT_PALETTE, type ChartPalette } from '../charts/trend-option';
import { sourceLine, withCaption, type Caption } from '../charts/caption';
import { datasetSpec } from '../data/schema';
import { t, type Lang } from '../i18n/messages';
import { formatDate, formatTarget, formatValue } from '../i18n/format';
import type { IndicatorChartData } from './chart-data';

/** Print size of a chart: A4 text width (16 cm) at 300 dpi is 1890 px; drawn at 1000 × 560 and scaled. */
export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 560;
export const CHART_FONT_SIZE = 15;

const nameOf = (lang: Lang, o: { name_vi: string; name_en: string }) => (lang === 'vi' ? o.name_vi : o.name_en);

/**
 * Where the chart's figures and targets come from, in words, within `maxChars`: the
 * caption's foot is one line, so the targets' documents are named only when they fit
 * (the report lists them in full in its sources section).
 */
export function chartSource(c: IndicatorChartData, lang: Lang, maxChars = Infinity): string {
	const dataset = c.series.origin === 'records' ? c.indicator.source_table : 'observations';
	const spec = datasetSpec(dataset);
	const title = spec ? (lang === 'vi' ? spec.title_vi : spec.title_en) : dataset;
	const actual = c.series.sources.length ? `${title} (${c.series.sources.join('; ')})` : title;
	const docs = [...new Set(c.targets.map((r) => r.document))];
	const full = docs.length ? `${actual} · ${t(lang, 'ind.series.target')}: ${docs.join('; ')}` : actual;
	if (full.length <= maxChars) return full;
	return actual.length <= maxChars ? actual : `${actual.slice(0, Math.max(10, maxChars - 1)).trimEnd()}…`;
}

/** Characters that fit on the caption's foot line (its font is 0.9 × the base size; ~0.55 em a character). */
export function footChars(width: number, fontSize = CHART_FONT_SIZE): number {
	return Math.floor(width / (fontSize * 0.9 * 0.55));
}

/** "Minh họa" when the figures or the targets drawn are not published ones. */
export function chartNote(c: IndicatorChartData, lang: Lang): string | undefined {
	const provs = [...c.targets.map((r) => r.actual_provenance), ...c.targets.map((r) => r.target_provenance)];
	if (c.series.provenance) provs.push(c.series.provenance as never);
	const worst = provs.includes('illustrative') ? 'illustrative' : provs.includes('calibrated') ? 'calibrated' : null;
	return worst ? t(lang, `prov.${worst}`) : undefined;
}

export function chartCaption(c: IndicatorChartData, lang: Lang, width = CHART_WIDTH, fontSize = CHART_FONT_SIZE): Caption {
	const from = c.model.actual[0]?.year ?? c.fromYear;
	const to = c.model.actual.at(-1)?.year ?? c.year;
	const note = chartNote(c, lang);
	const rest = sourceLine({ lang, source: '', asOf: c.asOf, note }).length;
	return {
		lang,
		title: `${c.indicator.code} ${nameOf(lang, c.indicator)}`,
		subtitle: `${nameOf(lang, c.unit)} · ${from === to ? from : `${from}–${to}`}`,
		source: chartSource(c, lang, footChars(width, fontSize) - rest),
		asOf: c.asOf,
		note
	};
}

/** A sentence for screen readers and the DOCX image's description. */
export function chartLabel(c: IndicatorChartData, lang: Lang): string {
	return t(lang, 'ind.chartAria', {
		name: nameOf(lang, c.indicator),
		unit: nameOf(lang, c.unit),
		points: c.model.actual.map((p) => `${formatDate(lang, p.asOf)} ${formatValue(lang, p.value, c.indicator.unit_vi)}`).join('; '),
		targets: c.model.targets.map((tg) => `${t(lang, 'ind.targetOf', { year: tg.year })}: ${formatTarget(lang, tg.min, tg.max)}.`).join(' ')
	});
}

export function reportChartOption(
	c: IndicatorChartData,
	lang: Lang,
	opts: { palette?: ChartPalette; fontSize?: number; width?: number } = {}
): ChartOption {
	const palette = opts.palette ?? LIGHT_PALETTE;
	const fontSize = opts.fontSize ?? CHART_FONT_SIZE;
	const measure = lang === 'vi' ? c.indicator.unit_vi : c.indicator.unit_en;
	const option = trendOption({ lang, model: c.model, measure, palette, fontSize });
	// Nothing moves on paper.
	return { ...withCaption(option, chartCaption(c, lang, opts.width ?? CHART_WIDTH, fontSize), palette, fontSize), animation: false } as ChartOption;
}
