/**
 * File names that say what and when: `OC01_quang-ninh_2021-2025_2026-11-22.png`.
 * An official saves dozens of these into one folder; the name alone must tell the
 * indicator, the place, the years drawn and the day it was taken. Pure (no DOM), so
 * the report and the CLI name their files the same way.
 */

/** "Quảng Ninh" → "quang-ninh": ASCII only, because file systems and e-mail gateways mangle the rest. */
export function slug(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export interface FileNameParts {
	/** Indicator code or chart id ("OC01", "ocop-stars"). */
	what: string;
	/** Unit name in any language ("Quảng Ninh"). */
	unit?: string | null;
	/** Years drawn: one year, or a range. */
	from?: number | null;
	to?: number | null;
	/** The day of the export, 'YYYY-MM-DD'. */
	today: string;
	ext: 'png' | 'svg' | 'csv' | 'xlsx' | 'docx' | 'pdf';
}

/** The local calendar day as 'YYYY-MM-DD' (not UTC: an export at 6 am in Hà Nội is today's). */
export function localDay(d: Date = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function exportFileName(p: FileNameParts): string {
	const what = p.what.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'chart';
	const years =
		p.from != null && p.to != null && p.from !== p.to ? `${p.from}-${p.to}` : p.to != null ? String(p.to) : p.from != null ? String(p.from) : null;
	const parts = [what, p.unit ? slug(p.unit) : null, years, p.today].filter((x): x is string => !!x);
	return `${parts.join('_')}.${p.ext}`;
}
