/** Strings of the embed pages. `en` must have exactly the keys of `vi` (checked by tests/i18n). */
const vi = {
	'embed.placeholder': '—'
};
const en: Record<keyof typeof vi, string> = {
	'embed.placeholder': '—'
};
export const embed = { vi, en };
