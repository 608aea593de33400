/**
 * File names that say what and when: `ket-qua-truy-van_2026-11-22.csv`, or in English
 * `query-result_2026-11-22.csv`. The date is the user's local day of the export.
 */
import type { Lang } from '../i18n/messages';

export type ExportFormat = 'csv' | 'xlsx' | 'parquet';

const STEM: Record<Lang, string> = { vi: 'ket-qua-truy-van', en: 'query-result' };

export function exportFileName(lang: Lang, format: ExportFormat, when: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	const day = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`;
	return `${STEM[lang]}_${day}.${format}`;
}

export const MIME: Record<ExportFormat, string> = {
	csv: 'text/csv;charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	parquet: 'application/vnd.apache.parquet'
};
