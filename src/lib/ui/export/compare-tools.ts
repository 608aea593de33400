/**
 * The comparison's ranking, outside its page: caption, light option and rows, shared by the
 * page's toolbar and /embed/compare so both say the same.
 */
import { t, type Lang } from '$lib/i18n/messages';
import type { Caption } from '$lib/charts/caption';
import { rankingHeight, rankingOption, type RankingColours, type RankingItem } from '$lib/charts/ranking-option';
import type { IndicatorRow } from '$lib/kpi/series';
import type { DatasetInfo } from '$lib/kpi/prebaked';
import { datasetLabel, illustrativeNote } from '$lib/export/captions';
import { embedPath } from '$lib/export/embed-url';
import type { ChartTools } from './types';

/** The light theme's colours for the ranking (src/app.css). */
export const LIGHT_RANKING: RankingColours = { bar: '#56606d', selected: '#0b5cad', text: '#14202e', muted: '#56606d', grid: '#d9dee5' };

export interface RankingContext {
	lang: Lang;
	indicator: IndicatorRow;
	items: RankingItem[];
	year: number;
	view: string;
	per: string;
	/** What the values are in ("sản phẩm", "sản phẩm / xã"). */
	measure: string;
	unit: string | null;
	asOf: string;
	datasets: DatasetInfo[];
	provenances: (string | null)[];
	description: string;
}

export function rankingCaption(c: RankingContext): Caption {
	const name = c.lang === 'vi' ? c.indicator.name_vi : c.indicator.name_en;
	const dataset = c.indicator.source_table;
	const d = c.datasets.find((x) => x.name === dataset);
	const obs = c.datasets.find((x) => x.name === 'observations');
	return {
		lang: c.lang,
		title: `${c.indicator.code} · ${t(c.lang, 'embed.chart.ranking', { name })}`,
		subtitle: `${c.year} · ${t(c.lang, `compare.viewShort.${c.view === 'old' ? 'old' : 'new'}`)} · ${c.measure}`,
		source: [...new Set([datasetLabel(c.lang, d, dataset), datasetLabel(c.lang, obs, 'observations')])].join('; '),
		asOf: c.asOf,
		note: illustrativeNote(c.lang, c.provenances)
	};
}

export const rankingLight = (c: RankingContext) =>
	rankingOption(c.items, { colours: LIGHT_RANKING, noDataLabel: t(c.lang, 'compare.noData'), description: c.description });

export function rankingTools(c: RankingContext): ChartTools {
	return {
		caption: rankingCaption(c),
		light: () => rankingLight(c),
		// The bars as drawn: the shown value (per commune when asked), empty where a province has none.
		table: () => ({
			columns: [t(c.lang, 'embed.col.province'), `${t(c.lang, 'embed.col.value')} (${c.measure})`],
			rows: c.items.map((i) => [i.name, i.value])
		}),
		file: { what: `${c.indicator.code}-ranking`, to: c.year },
		embed: embedPath('/embed/compare', {
			indicator: c.indicator.code,
			year: c.year,
			view: c.view,
			per: c.per === 'none' ? null : c.per,
			unit: c.unit,
			lang: c.lang
		}),
		height: rankingHeight(c.items.length)
	};
}
