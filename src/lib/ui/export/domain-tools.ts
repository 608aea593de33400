/**
 * Toolbars of the domain pages' charts: caption from the block's title, the unit and the
 * day the year is read at, the dataset; rows read off the light option as drawn.
 */
import { t, type Lang } from '$lib/i18n/messages';
import { formatDate } from '$lib/i18n/format';
import type { ChartOption } from '$lib/charts/echarts';
import type { DomainScope } from '$lib/kpi/domains/scope';
import type { DatasetInfo } from '$lib/kpi/prebaked';
import { datasetLabel, illustrativeNote } from '$lib/export/captions';
import { DOMAIN_CHARTS, domainOfChart } from '$lib/export/domain-charts';
import { embedPath } from '$lib/export/embed-url';
import { optionTable } from '$lib/export/table';
import type { ChartTools } from './types';

export interface DomainToolsInput {
	id: string;
	title: string;
	scope: DomainScope;
	lang: Lang;
	datasets: DatasetInfo[];
	light: () => ChartOption;
	height: number;
}

export function domainTools(o: DomainToolsInput): ChartTools {
	const domain = domainOfChart(o.id);
	const dataset = domain ? DOMAIN_CHARTS[domain][o.id] : 'observations';
	const d = o.datasets.find((x) => x.name === dataset);
	const u = o.scope.unit;
	const unitName = o.lang === 'vi' ? u.name_vi : u.name_en;
	return {
		caption: {
			lang: o.lang,
			title: o.title,
			subtitle: `${unitName} · ${o.scope.date ? formatDate(o.lang, o.scope.date) : o.scope.year}`,
			source: datasetLabel(o.lang, d, dataset),
			asOf: o.scope.asOf,
			note: illustrativeNote(o.lang, [d?.provenance])
		},
		light: o.light,
		table: () => optionTable(o.light(), t(o.lang, 'embed.col.category')),
		file: { what: o.id, unit: u.name_vi, to: o.scope.year },
		embed: domain
			? embedPath('/embed/domain', { domain, chart: o.id, unit: `${u.code}@${u.vintage}`, year: o.scope.year, plan: o.scope.plan, lang: o.lang })
			: undefined,
		height: o.height
	};
}
