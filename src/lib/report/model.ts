/**
 * The progress report in words: a pure function of the numbers read by data.ts and a
 * language, shaped like a provincial "Báo cáo kết quả thực hiện …" — I. summary,
 * II. table of targets, III. one section per domain with its charts and text,
 * IV. sources. The page, the DOCX and the CLI all print this one model.
 */
import type { ScorecardRow } from '../kpi/scorecard';
import type { StatusCode } from '../kpi/semantics';
import { DOMAINS, type Provenance } from '../data/schema';
import { t, type Lang, type MessageKey } from '../i18n/messages';
import { formatDate, formatNumber, formatPercent, formatValue } from '../i18n/format';
import { actualText, summaryLine, targetText } from '../kpi/summary-line';
import type { ReportData } from './data';
import type { IndicatorChartData } from './chart-data';
import { chartCaption, chartLabel } from './chart';
import { sourceLine } from '../charts/caption';

export interface ReportRow {
	no: number;
	indicator: string;
	name: string;
	/** The unit answering for the target: differs from the report's unit for a merged province's predecessors. */
	unitName: string;
	own: boolean;
	baseline: string;
	/** "(năm 2020)": printed under the value. */
	baselineYear: string;
	target: string;
	targetYear: string;
	actual: string;
	actualDate: string;
	pct: string;
	status: StatusCode;
	statusLabel: string;
	/** Figures or target not published: marked † in the table. */
	illustrative: boolean;
	domain: string;
}

export interface ReportChart {
	id: string;
	data: IndicatorChartData;
	number: number;
	title: string;
	/** "Nguồn: … · Số liệu đến …", as printed under the figure in the DOCX. */
	sourceLine: string;
	label: string;
}

export interface ReportSection {
	domain: string;
	title: string;
	intro: string;
	lines: string[];
	charts: ReportChart[];
}

export interface ReportModel {
	lang: Lang;
	unitName: string;
	unitRef: string;
	plan: string;
	planLabel: string;
	year: number;
	asOf: string;
	title: string;
	subtitle: string[];
	summary: {
		total: number;
		/** Exceeded + met: "đạt và vượt". */
		achieved: number;
		counts: Record<StatusCode, number>;
		lines: string[];
	};
	columns: { no: string; indicator: string; unit: string; baseline: string; target: string; actual: string; pct: string; status: string };
	/** Whether the table needs a unit column (a new province answering for its predecessors). */
	showUnit: boolean;
	rows: ReportRow[];
	dagger: string | null;
	sections: ReportSection[];
	sources: { datasets: string[]; documents: string[]; note: string };
	headings: { s1: string; s2: string; s3: string; s4: string; datasets: string; documents: string };
	footer: string;
}

const nameOf = (lang: Lang, o: { name_vi: string; name_en: string }) => (lang === 'vi' ? o.name_vi : o.name_en);
const lowerFirst = (s: string) => (s ? s[0].toLocaleLowerCase() + s.slice(1) : s);
export const planLabel = (plan: string) => plan.replace('-', '–');

/** Best first, as a report lists them: results of a finished plan, then forecasts of a running one. */
export const REPORT_STATUS_ORDER: readonly StatusCode[] = ['exceeded', 'met', 'not_met', 'on_track', 'at_risk', 'off_track', 'no_data'];

const achievedOf = (counts: Record<StatusCode, number>) => counts.exceeded + counts.met;

export function countStatuses(rows: Pick<ScorecardRow, 'status'>[]): Record<StatusCode, number> {
	const counts = Object.fromEntries(REPORT_STATUS_ORDER.map((s) => [s, 0])) as Record<StatusCode, number>;
	for (const r of rows) counts[r.status] += 1;
	return counts;
}

const notPublished = (p: Provenance) => p !== 'published';

/**
 * The name of the unit answering for a target. A new province reports on its
 * predecessors, one of which may share its name (new and old Hưng Yên): that one is "cũ".
 */
export function rowUnitName(r: Pick<ScorecardRow, 'unit_name_vi' | 'unit_name_en' | 'unit_vintage'>, lang: Lang, reportVintage: string): string {
	const name = lang === 'vi' ? r.unit_name_vi : r.unit_name_en;
	return r.unit_vintage < reportVintage ? t(lang, 'report.former', { unit: name }) : name;
}

function tableRow(r: ScorecardRow, i: number, lang: Lang, unitRef: string): ReportRow {
	return {
		no: i + 1,
		indicator: r.indicator,
		name: nameOf(lang, r),
		unitName: rowUnitName(r, lang, unitRef.split('@')[1]),
		own: `${r.unit_code}@${r.unit_vintage}` === unitRef,
		baseline: formatValue(lang, r.baseline_value, r.measure_vi),
		baselineYear: r.baseline_value != null && r.baseline_year != null ? t(lang, 'report.yearIn', { year: r.baseline_year }) : '',
		target: targetText(r, lang),
		targetYear: t(lang, 'report.yearIn', { year: r.target_year }),
		actual: actualText(r, lang),
		actualDate: r.as_of ? t(lang, 'report.atDate', { date: formatDate(lang, r.as_of) }) : '',
		pct: r.kind === 'milestone' ? formatNumber(lang, null) : formatPercent(lang, r.achievement),
		status: r.status,
		statusLabel: t(lang, `status.${r.status}` as MessageKey),
		illustrative: notPublished(r.actual_provenance) || notPublished(r.target_provenance),
		domain: r.domain
	};
}

/** One sentence per target, as a progress report words it: "OCOP 3 sao trở lên: 194 sản phẩm (đến 30/6/2025), đạt 129,3% kế hoạch năm 2025; vượt 44 sản phẩm." */
export function reportLine(r: ScorecardRow, lang: Lang, year: number, reportUnit: string): string {
	const own = `${r.unit_code}@${r.unit_vintage}` === reportUnit;
	// A milestone's summary already says whether it is reached: no figure before it.
	return t(lang, r.kind === 'milestone' ? 'report.lineMilestone' : 'report.line', {
		name: nameOf(lang, r),
		unit: own ? '' : t(lang, 'report.lineUnit', { unit: rowUnitName(r, lang, reportUnit.split('@')[1]) }),
		actual: actualText(r, lang),
		date: r.as_of && r.actual != null ? t(lang, 'report.lineDate', { date: formatDate(lang, r.as_of) }) : '',
		summary: r.kind === 'milestone' ? summaryLine(r, lang, year) : lowerFirst(summaryLine(r, lang, year))
	});
}

export function reportModel(data: ReportData, lang: Lang): ReportModel {
	const unitRef = `${data.unit.code}@${data.unit.vintage}`;
	const unitName = nameOf(lang, data.unit);
	const plan = planLabel(data.plan);
	const date = formatDate(lang, data.asOf);
	const counts = countStatuses(data.rows);
	const total = data.rows.length;
	const achieved = achievedOf(counts);
	const rows = data.rows.map((r, i) => tableRow(r, i, lang, unitRef));
	const illustrative = rows.filter((r) => r.illustrative).length;

	const summaryLines = total
		? [
				t(lang, 'report.summary', { date, unit: unitName, achieved, total, plan }),
				t(lang, 'report.summaryCounts', {
					list: REPORT_STATUS_ORDER.filter((s) => counts[s] > 0)
						.map((s) => `${t(lang, `status.${s}` as MessageKey)} ${counts[s]}`)
						.join(', ')
				}),
				...(illustrative ? [t(lang, 'report.summaryIllustrative', { n: illustrative, total })] : [])
			]
		: [t(lang, 'report.summaryNone', { unit: unitName, plan })];

	// Sections in the catalogue's order of domains; a domain not known to it goes last.
	const domains = [...new Set(data.rows.map((r) => r.domain))].sort(
		(a, b) => rank(a) - rank(b) || a.localeCompare(b)
	);
	let figure = 0;
	const sections: ReportSection[] = domains.map((domain) => {
		const own = data.rows.filter((r) => r.domain === domain);
		const c = countStatuses(own);
		const charts = data.charts
			.filter((ch) => ch.indicator.domain === domain)
			.filter((ch) => ch.model.actual.length > 0)
			.map((ch) => {
				const caption = chartCaption(ch, lang, Infinity);
				figure += 1;
				return {
					id: `${ch.indicator.code}-${ch.unit.code}-${ch.unit.vintage}`,
					data: ch,
					number: figure,
					title: t(lang, 'report.figure', { n: figure, title: `${caption.title} — ${caption.subtitle}` }),
					sourceLine: sourceLine(caption),
					label: chartLabel(ch, lang)
				};
			});
		return {
			domain,
			title: t(lang, `domain.${domain}` as MessageKey),
			intro: t(lang, 'report.domainIntro', { total: own.length, achieved: achievedOf(c) }),
			lines: own.map((r) => reportLine(r, lang, data.year, unitRef)),
			charts
		};
	});

	const provLabel = (p: string) => t(lang, `prov.${p}` as MessageKey);
	const datasets = data.datasets.map((d) =>
		t(lang, 'report.datasetLine', {
			title: lang === 'vi' ? d.title_vi : d.title_en,
			name: d.name,
			prov: provLabel(d.provenance),
			date: formatDate(lang, d.as_of),
			description: lang === 'vi' ? d.description_vi : d.description_en
		})
	);
	const docs = new Map<string, string>();
	for (const r of data.rows) {
		const line = t(lang, 'report.documentLine', { doc: r.document, prov: t(lang, `prov.target.${r.target_provenance}` as MessageKey) });
		docs.set(`${r.document}|${r.target_provenance}`, r.target_source_url ? `${line} (${r.target_source_url})` : line);
	}

	return {
		lang,
		unitName,
		unitRef,
		plan: data.plan,
		planLabel: plan,
		year: data.year,
		asOf: data.asOf,
		title: t(lang, 'report.title', { plan }),
		subtitle: [t(lang, 'report.unit', { unit: unitName }), t(lang, 'report.asOf', { date })],
		summary: { total, achieved, counts, lines: summaryLines },
		columns: {
			no: t(lang, 'report.col.no'),
			indicator: t(lang, 'report.col.indicator'),
			unit: t(lang, 'report.col.unit'),
			baseline: t(lang, 'report.col.baseline'),
			target: t(lang, 'report.col.target'),
			actual: t(lang, 'report.col.actual'),
			pct: t(lang, 'report.col.pct'),
			status: t(lang, 'report.col.status')
		},
		showUnit: rows.some((r) => !r.own),
		rows,
		dagger: illustrative ? t(lang, 'report.dagger') : null,
		sections,
		sources: { datasets, documents: [...docs.values()], note: t(lang, 'report.illustrativeNote') },
		headings: {
			s1: t(lang, 'report.s1'),
			s2: t(lang, 'report.s2'),
			s3: t(lang, 'report.s3'),
			s4: t(lang, 'report.s4'),
			datasets: t(lang, 'report.sourcesDatasets'),
			documents: t(lang, 'report.sourcesDocuments')
		},
		footer: t(lang, 'report.generated', { date })
	};
}

function rank(domain: string): number {
	const i = (DOMAINS as readonly string[]).indexOf(domain);
	return i < 0 ? DOMAINS.length : i;
}
