/** Strings of the security pages. `en` must have exactly the keys of `vi` (checked by tests/i18n). */
const vi = {
	// The public site (npm run build:public) leaves internal datasets out; pages say so.
	'security.withheld.note': 'Bản công khai: số liệu {datasets} là số liệu nội bộ, chưa được phép công bố; các chỉ tiêu tính từ đó không hiển thị.',
	'security.withheld.badge': 'Chưa công bố',
	'security.withheld.empty': 'Số liệu này là số liệu nội bộ, chưa được phép công bố trên bản công khai.',
	'security.access.public': 'Công khai',
	'security.access.internal': 'Nội bộ'
};
const en: Record<keyof typeof vi, string> = {
	'security.withheld.note': 'Public site: the {datasets} data is internal and not yet approved for publication; indicators computed from it are not shown.',
	'security.withheld.badge': 'Not published',
	'security.withheld.empty': 'These figures are internal and not yet approved for publication on the public site.',
	'security.access.public': 'Public',
	'security.access.internal': 'Internal'
};
export const security = { vi, en };
