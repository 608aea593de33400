/** Strings of the security pages. `en` must have exactly the keys of `vi` (checked by tests/i18n). */
const vi = {
	'security.placeholder': '—'
};
const en: Record<keyof typeof vi, string> = {
	'security.placeholder': '—'
};
export const security = { vi, en };
