/** Navigation and filters shared by every page. */
const vi = {
	'nav.scorecard': 'Bảng chỉ tiêu',
	'nav.domains': 'Lĩnh vực',
	'nav.compare': 'So sánh tỉnh',
	'nav.meeting': 'Trình chiếu',
	'nav.query': 'Truy vấn SQL',
	'nav.data': 'Dữ liệu',
	'nav.main': 'Điều hướng chính',
	'nav.skip': 'Bỏ qua, đến nội dung chính',
	'filter.plan': 'Kế hoạch',
	'filter.domain': 'Lĩnh vực',
	'filter.allPlans': 'Tất cả kế hoạch',
	'filter.allDomains': 'Tất cả lĩnh vực',
	'filter.lateOnly': 'Chỉ chỉ tiêu chậm',
	'theme.toggle': 'Giao diện sáng/tối',
	'theme.light': 'Sáng',
	'theme.dark': 'Tối',
	'state.loading': 'Đang tải…',
	'state.error': 'Không tải được dữ liệu',
	'state.retry': 'Thử lại'
} as const;
const en: Record<keyof typeof vi, string> = {
	'nav.scorecard': 'Scorecard',
	'nav.domains': 'Domains',
	'nav.compare': 'Compare provinces',
	'nav.meeting': 'Meeting mode',
	'nav.query': 'SQL console',
	'nav.data': 'Data',
	'nav.main': 'Main navigation',
	'nav.skip': 'Skip to main content',
	'filter.plan': 'Plan',
	'filter.domain': 'Domain',
	'filter.allPlans': 'All plans',
	'filter.allDomains': 'All domains',
	'filter.lateOnly': 'Late targets only',
	'theme.toggle': 'Light/dark theme',
	'theme.light': 'Light',
	'theme.dark': 'Dark',
	'state.loading': 'Loading…',
	'state.error': 'Could not load the data',
	'state.retry': 'Try again'
};
export const nav = { vi, en };
