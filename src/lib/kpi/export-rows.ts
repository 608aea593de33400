/**
 * The scorecard as flat records for machines: the CLI's JSON and CSV, and later
 * every "download data" button. Status keeps a stable code beside its label.
 */
import type { Scorecard } from './scorecard';
import { t, type Lang } from '../i18n/messages';
import { neutralise } from '../query/export-csv';

export interface KpiRecord {
	indicator: string;
	indicator_name: string;
	unit_code: string;
	unit_vintage: string;
	unit_name: string;
	plan: string;
	basis: string;
	baseline_year: number | null;
	baseline_value: number | null;
	target_year: number;
	target_min: number;
	target_max: number | null;
	actual: number | null;
	achievement: number | null;
	progress: number | null;
	expected: number | null;
	forecast: number | null;
	required_per_year: number | null;
	status: string;
	status_label: string;
	as_of: string | null;
	target_provenance: string;
	actual_provenance: string;
	sources: string[];
}

const round = (x: number | null, digits: number) => (x == null ? null : Number(x.toFixed(digits)));

export function kpiRecords(card: Scorecard, lang: Lang): KpiRecord[] {
	return card.rows.map((r) => ({
		indicator: r.indicator,
		indicator_name: lang === 'vi' ? r.name_vi : r.name_en,
		unit_code: r.unit_code,
		unit_vintage: r.unit_vintage,
		unit_name: lang === 'vi' ? r.unit_name_vi : r.unit_name_en,
		plan: r.plan,
		basis: r.basis,
		baseline_year: r.baseline_year,
		baseline_value: round(r.baseline_value, 2),
		target_year: r.target_year,
		target_min: r.target_min,
		target_max: r.target_max,
		actual: round(r.actual, 2),
		// ratios to the tenth of a percent, as the reports print them ("129,3 %")
		achievement: round(r.achievement, 3),
		progress: round(r.progress, 3),
		expected: round(r.expected, 2),
		forecast: round(r.forecast, 2),
		required_per_year: round(r.required_per_year, 2),
		status: r.status,
		status_label: t(lang, `status.${r.status}`),
		as_of: r.as_of,
		target_provenance: r.target_provenance,
		actual_provenance: r.actual_provenance,
		sources: [
			r.target_source_url ? `${r.document} <${r.target_source_url}>` : r.document,
			`data/${r.actual_dataset}`,
			...r.actual_sources,
			...(r.published_check
				? [`${r.published_check.source_title} (${r.published_check.as_of}: ${r.published_check.value})`]
				: [])
		]
	}));
}

const csvCell = (v: unknown) => {
	const raw = v == null ? '' : Array.isArray(v) ? v.join(' | ') : String(v);
	// Names and sources come from the departments' files: a cell like "=HYPERLINK(…)" must stay text in Excel.
	const s = typeof v === 'number' ? raw : neutralise(raw);
	return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(records: KpiRecord[]): string {
	const cols = Object.keys(records[0] ?? { indicator: '' }) as (keyof KpiRecord)[];
	return [cols.join(','), ...records.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}
