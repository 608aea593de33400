/**
 * What a chart or card says about itself once it leaves its page: title, subtitle, the
 * "Nguồn: …" source and the as-of date. Built from the catalogue and the dataset list,
 * the same strings for the embed, the PNG/SVG and the CSV/XLSX head.
 */
import type { Caption } from '../charts/caption';
import type { DatasetInfo } from '../kpi/prebaked';
import type { IndicatorRow, UnitRow } from '../kpi/series';
import type { ScorecardRow } from '../kpi/scorecard';
import { t, type Lang } from '../i18n/messages';

const nameOf = (lang: Lang, x: { name_vi: string; name_en: string }) => (lang === 'vi' ? x.name_vi : x.name_en);

/** "Sản phẩm OCOP (Minh họa)": a dataset and, when not published, how it was made. */
export function datasetLabel(lang: Lang, d: DatasetInfo | undefined, fallback: string): string {
	if (!d) return fallback;
	const title = lang === 'vi' ? d.title_vi : d.title_en;
	return d.provenance === 'published' ? title : `${title} (${t(lang, `prov.${d.provenance}`)})`;
}

/** The note at the foot when any figure drawn is not a published one. */
export function illustrativeNote(lang: Lang, provenances: (string | null | undefined)[]): string | undefined {
	return provenances.some((p) => p === 'illustrative' || p === 'calibrated') ? t(lang, 'embed.illustrative') : undefined;
}

export interface IndicatorCaptionInput {
	lang: Lang;
	indicator: IndicatorRow;
	unit: UnitRow;
	/** Dataset the actual figures come from ('observations' or the record table). */
	dataset: string;
	datasets: DatasetInfo[];
	/** Target rows drawn (their documents are cited). */
	targets: Pick<ScorecardRow, 'document' | 'target_provenance'>[];
	asOf: string;
	/** "2021–2025" or "31/10/2026": what the chart covers. */
	period: string;
	/** A heading instead of the indicator's name (e.g. the breakdown's). */
	title?: string;
}

export function indicatorCaption(c: IndicatorCaptionInput): Caption {
	const d = c.datasets.find((x) => x.name === c.dataset);
	// An illustrative target has no document: say what it is instead of quoting its placeholder.
	const documents = [...new Set(c.targets.filter((r) => r.target_provenance !== 'illustrative').map((r) => r.document).filter(Boolean))];
	const illustrative = c.targets.some((r) => r.target_provenance === 'illustrative');
	const source = [
		datasetLabel(c.lang, d, c.dataset),
		...(documents.length ? [`${t(c.lang, 'embed.targetsFrom')} ${documents.join(', ')}`] : []),
		...(illustrative ? [t(c.lang, 'prov.target.illustrative').toLowerCase()] : [])
	].join('; ');
	return {
		lang: c.lang,
		title: c.title ?? `${c.indicator.code} · ${nameOf(c.lang, c.indicator)}`,
		subtitle: `${nameOf(c.lang, c.unit)} · ${c.period}`,
		source,
		asOf: c.asOf,
		note: illustrativeNote(c.lang, [d?.provenance, ...c.targets.map((r) => r.target_provenance)])
	};
}
