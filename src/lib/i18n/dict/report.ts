/** Strings of the report pages. `en` must have exactly the keys of `vi` (checked by tests/i18n). */
const vi = {
	'report.placeholder': '—'
};
const en: Record<keyof typeof vi, string> = {
	'report.placeholder': '—'
};
export const report = { vi, en };
