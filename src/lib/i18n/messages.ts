/**
 * UI strings in Vietnamese (the default) and English.
 *
 * Keys are flat and dotted so a status or domain code maps to its label by string
 * concatenation (`status.${code}`), and `en` is typed against `vi` so a key cannot
 * exist in one language only.
 */

import { nav } from './dict/nav';
import { indicator } from './dict/indicator';
import { domains } from './dict/domains';
import { compare } from './dict/compare';
import { meeting } from './dict/meeting';
import { query } from './dict/query';
import { upload } from './dict/upload';
import { embed } from './dict/embed';
import { report } from './dict/report';
import { security } from './dict/security';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const DEFAULT_LANG: Lang = 'vi';

// Each page family keeps its strings in dict/<family>.ts, so pages can grow
// without everyone editing one file.
const vi = {
	...nav.vi,
	...indicator.vi,
	...domains.vi,
	...compare.vi,
	...meeting.vi,
	...query.vi,
	...upload.vi,
	...embed.vi,
	...report.vi,
	...security.vi,
	'app.title': 'Tiến độ',
	'caption.source': 'Nguồn',
	'caption.asOf': 'Số liệu đến',
	'app.subtitle': 'Theo dõi chỉ tiêu khoa học, công nghệ và đổi mới sáng tạo',

	'status.on_track': 'Có khả năng đạt',
	'status.at_risk': 'Cần cố gắng',
	'status.off_track': 'Khó đạt',
	'status.exceeded': 'Vượt',
	'status.met': 'Đạt',
	'status.not_met': 'Chưa đạt',
	'status.no_data': 'Chưa có số liệu',

	'col.indicator': 'Chỉ tiêu',
	'col.unit': 'Đơn vị tính',
	'col.plan': 'Kế hoạch',
	'col.basis': 'Căn cứ',
	'col.baseline': 'Giá trị gốc',
	'col.target': 'Mục tiêu',
	'col.actual': 'Thực hiện',
	'col.achievement': 'Đạt % kế hoạch',
	'col.progress': 'Tiến độ',
	'col.expected': 'Theo lộ trình',
	'col.forecast': 'Dự báo',
	'col.required': 'Cần đạt thêm mỗi năm',
	'col.status': 'Đánh giá',
	'col.asOf': 'Số liệu đến ngày',
	'col.sources': 'Nguồn',

	'basis.provincial': 'Tỉnh giao',
	'basis.central': 'Trung ương',

	'prov.published': 'Số liệu công bố',
	'prov.calibrated': 'Sinh mẫu khớp số công bố',
	'prov.illustrative': 'Minh họa',

	'prov.target.published': 'Chỉ tiêu theo văn bản',
	'prov.target.calibrated': 'Chỉ tiêu ước lập',
	'prov.target.illustrative': 'Chỉ tiêu minh họa',

	'domain.startups': 'Khởi nghiệp đổi mới sáng tạo',
	'domain.innovation_centre': 'Trung tâm đổi mới sáng tạo',
	'domain.st_firms': 'Doanh nghiệp khoa học và công nghệ',
	'domain.ocop': 'Sản phẩm OCOP',
	'domain.ip': 'Sở hữu trí tuệ',
	'domain.st_tasks': 'Nhiệm vụ khoa học và công nghệ',
	'domain.budget': 'Ngân sách khoa học và công nghệ',

	'ui.province': 'Tỉnh, thành phố',
	'ui.year': 'Năm',
	'ui.language': 'Ngôn ngữ',
	'ui.loading': 'Đang tải…',
	'ui.live': 'Trực tiếp',
	'ui.prerendered': 'Số liệu dựng sẵn',
	'ui.error': 'Lỗi',
	'ui.yoy': 'so với cùng kỳ',
	'ui.empty': 'Chưa có số liệu năm {year}',
	'ui.milestoneDone': 'Đã đạt mốc',
	'ui.milestonePending': 'Chưa đạt mốc',
	'col.trend': 'Xu hướng',
	'ui.unitsNew': 'Tỉnh, thành phố (từ 1/7/2025)',
	'ui.unitsOld': 'Tỉnh, thành phố trước sáp nhập (đến 30/6/2025)',
	'ui.unitsCountry': 'Cả nước',
	'ui.yoyShort': 'so cùng kỳ',
	'ui.needPerYear': 'cần {n}/năm',
	'ui.published': 'Số công bố',
	'ui.actualFrom': 'Số thực hiện tính từ',
	'ui.provenance': 'Nguồn gốc',
	'ui.dataset': 'Tập dữ liệu',
	'ui.datasets': 'Nguồn gốc các tập dữ liệu',
	'ui.rows': 'Số dòng',
	'ui.illustrativeNote':
		'Một phần số liệu là minh họa hoặc được sinh mẫu khớp số công bố, không phải số liệu thống kê chính thức.',
	'ui.summary': 'Tóm tắt đánh giá chỉ tiêu',
	'ui.targets': 'Chỉ tiêu',
	'ui.scorecardTitle': 'Tiến độ thực hiện chỉ tiêu — {unit}',
	'ui.yearLabel': 'Năm {year}',
	'ui.dataAsOf': 'Số liệu đến ngày {date}',
	'ui.startingDb': 'Đang khởi động cơ sở dữ liệu…',
	'ui.dbError': 'Không mở được cơ sở dữ liệu:',
	'ui.noTargets': 'Chưa có chỉ tiêu nào được giao cho đơn vị này',
	'ui.plan': 'Kế hoạch {plan}',
	'ui.planFuture': 'Kế hoạch {plan} (giai đoạn tới)'
} as const;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
	...nav.en,
	...indicator.en,
	...domains.en,
	...compare.en,
	...meeting.en,
	...query.en,
	...upload.en,
	...embed.en,
	...report.en,
	...security.en,
	'app.title': 'Tiến độ',
	'caption.source': 'Source',
	'caption.asOf': 'Data as of',
	'app.subtitle': 'Tracking science, technology and innovation targets',

	'status.on_track': 'On track',
	'status.at_risk': 'At risk',
	'status.off_track': 'Off track',
	'status.exceeded': 'Exceeded',
	'status.met': 'Met',
	'status.not_met': 'Not met',
	'status.no_data': 'No data',

	'col.indicator': 'Indicator',
	'col.unit': 'Unit',
	'col.plan': 'Plan',
	'col.basis': 'Basis',
	'col.baseline': 'Baseline',
	'col.target': 'Target',
	'col.actual': 'Actual',
	'col.achievement': '% of plan achieved',
	'col.progress': 'Progress',
	'col.expected': 'Expected',
	'col.forecast': 'Forecast',
	'col.required': 'Required per year',
	'col.status': 'Status',
	'col.asOf': 'As of',
	'col.sources': 'Sources',

	'basis.provincial': 'Provincial',
	'basis.central': 'Central',

	'prov.published': 'Published figures',
	'prov.calibrated': 'Generated to match published figures',
	'prov.illustrative': 'Illustrative',

	'prov.target.published': 'Target from a published document',
	'prov.target.calibrated': 'Target estimated from published figures',
	'prov.target.illustrative': 'Illustrative target',

	'domain.startups': 'Innovative startups',
	'domain.innovation_centre': 'Innovation Centre',
	'domain.st_firms': 'S&T enterprises',
	'domain.ocop': 'OCOP products',
	'domain.ip': 'Intellectual property',
	'domain.st_tasks': 'S&T tasks',
	'domain.budget': 'S&T budget',

	'ui.province': 'Province',
	'ui.year': 'Year',
	'ui.language': 'Language',
	'ui.loading': 'Loading…',
	'ui.live': 'Live',
	'ui.prerendered': 'Prerendered data',
	'ui.error': 'Error',
	'ui.yoy': 'year on year',
	'ui.empty': 'No data for {year}',
	'ui.milestoneDone': 'Done',
	'ui.milestonePending': 'Not yet',
	'col.trend': 'Trend',
	'ui.unitsNew': 'Provinces (from 1 Jul 2025)',
	'ui.unitsOld': 'Provinces before the merger (until 30 Jun 2025)',
	'ui.unitsCountry': 'Whole country',
	'ui.yoyShort': 'YoY',
	'ui.needPerYear': 'needs {n}/year',
	'ui.published': 'Published',
	'ui.actualFrom': 'Actual computed from',
	'ui.provenance': 'Provenance',
	'ui.dataset': 'Dataset',
	'ui.datasets': 'Where the data come from',
	'ui.rows': 'Rows',
	'ui.illustrativeNote':
		'Some figures are illustrative or generated to match published totals; they are not official statistics.',
	'ui.summary': 'Status of the targets',
	'ui.targets': 'Targets',
	'ui.scorecardTitle': 'Progress on targets — {unit}',
	'ui.yearLabel': 'Year {year}',
	'ui.dataAsOf': 'Data as of {date}',
	'ui.startingDb': 'Starting the database…',
	'ui.dbError': 'Could not open the database:',
	'ui.noTargets': 'No targets have been set for this unit',
	'ui.plan': 'Plan {plan}',
	'ui.planFuture': 'Plan {plan} (next period)'
};

export const messages: Record<Lang, Messages> = { vi, en };

/**
 * The message for `key` in `lang`, with `{name}` replaced by `params.name`.
 * Parameters are inserted verbatim (a year must read 2026, not 2.026); format
 * numbers with format.ts first. A placeholder without a parameter is left visible
 * so a missing argument shows up on screen instead of vanishing.
 */
export function t(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
	// An unknown key (e.g. a code added to the data before its label) shows itself.
	const text: string = (messages[lang] ?? messages[DEFAULT_LANG])[key] ?? key;
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		Object.hasOwn(params, name) ? String(params[name]) : whole
	);
}
