/** Strings of the upload pages. `en` must have exactly the keys of `vi` (checked by tests/i18n). */
const vi = {} as const;
const en: Record<keyof typeof vi, string> = {};
export const upload = { vi, en };
