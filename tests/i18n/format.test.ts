import { describe, expect, it } from 'vitest';
import {
	MISSING,
	formatDate,
	formatNumber,
	formatPercent,
	formatTarget,
	formatValue,
	isPercentUnit
} from '../../src/lib/i18n/format';
import { LANGS, messages, t, type MessageKey } from '../../src/lib/i18n/messages';
import { DOMAINS, PROVENANCES } from '../../src/lib/data/schema';
import { STATUS_ORDER } from '../../src/lib/kpi/semantics';

describe('formatNumber', () => {
	it('groups with dots and decimals with a comma in vi', () => {
		expect(formatNumber('vi', 15590)).toBe('15.590');
		expect(formatNumber('vi', 1234.5)).toBe('1.234,5');
		expect(formatNumber('vi', 1234567.891)).toBe('1.234.567,89');
		expect(formatNumber('vi', 194)).toBe('194');
	});
	it('uses commas and a point in en', () => {
		expect(formatNumber('en', 15590)).toBe('15,590');
		expect(formatNumber('en', 1234.5)).toBe('1,234.5');
	});
	it('fixes the decimals when asked', () => {
		expect(formatNumber('vi', 2.25, 1)).toBe('2,3');
		expect(formatNumber('vi', 7, 2)).toBe('7,00');
		expect(formatNumber('en', 0.945, 3)).toBe('0.945');
	});
	it('prints no minus zero and a dash for missing values', () => {
		expect(formatNumber('vi', -0.001)).toBe('0');
		expect(formatNumber('vi', -4)).toBe('-4');
		expect(formatNumber('vi', null)).toBe(MISSING);
		expect(formatNumber('en', undefined)).toBe('—');
		expect(formatNumber('vi', Number.NaN)).toBe('—');
		expect(formatNumber('vi', Number.POSITIVE_INFINITY)).toBe('—');
	});
});

describe('formatPercent', () => {
	it('writes a ratio as a percentage with no space before %', () => {
		expect(formatPercent('vi', 1.293)).toBe('129,3%');
		expect(formatPercent('en', 1.293)).toBe('129.3%');
		expect(formatPercent('vi', 0.945)).toBe('94,5%');
		expect(formatPercent('vi', 0.0065, 2)).toBe('0,65%');
		expect(formatPercent('vi', 2.25, 0)).toBe('225%');
		expect(formatPercent('vi', 12.5)).toBe('1.250,0%');
	});
	it('dashes missing values', () => {
		expect(formatPercent('vi', null)).toBe('—');
	});
});

describe('formatDate', () => {
	it('vi: day/month/year without leading zeros', () => {
		expect(formatDate('vi', '2022-05-11')).toBe('11/5/2022');
		expect(formatDate('vi', '2025-07-01')).toBe('1/7/2025');
		expect(formatDate('vi', '2026-10-31')).toBe('31/10/2026');
	});
	it('en: day, short month, year', () => {
		expect(formatDate('en', '2022-05-11')).toBe('11 May 2022');
		expect(formatDate('en', '2025-09-01')).toBe('1 Sep 2025');
	});
	it('dashes missing dates and shows anything else as given', () => {
		expect(formatDate('vi', null)).toBe('—');
		expect(formatDate('vi', '')).toBe('—');
		expect(formatDate('vi', '2025-Q3')).toBe('2025-Q3');
	});
});

describe('formatValue and formatTarget', () => {
	it('percent-unit values are already percentages', () => {
		expect(formatValue('vi', 0.65, '%')).toBe('0,65%');
		expect(formatValue('en', 0.65, '%')).toBe('0.65%');
		expect(formatValue('vi', 1.5, '% tổng chi ngân sách')).toBe('1,5%');
		expect(isPercentUnit('phần trăm')).toBe(true);
		expect(isPercentUnit('sản phẩm')).toBe(false);
	});
	it('other units print the number only', () => {
		expect(formatValue('vi', 15590, 'sản phẩm')).toBe('15.590');
		expect(formatValue('vi', 12.345, 'tỷ đồng')).toBe('12,35');
		expect(formatValue('en', 12.345, 'billion VND')).toBe('12.35');
		expect(formatValue('vi', null, '%')).toBe('—');
	});
	it('targets: single value or range with an en dash', () => {
		expect(formatTarget('vi', 120, 140)).toBe('120–140');
		expect(formatTarget('vi', 150, null)).toBe('150');
		expect(formatTarget('vi', 150)).toBe('150');
		expect(formatTarget('vi', 150, 150)).toBe('150');
		expect(formatTarget('vi', 1500, 2000)).toBe('1.500–2.000');
		expect(formatTarget('en', 1.5, 2.5)).toBe('1.5–2.5');
		expect(formatTarget('vi', null, 140)).toBe('—');
	});
});

describe('messages', () => {
	it('vi and en have exactly the same keys', () => {
		const vi = Object.keys(messages.vi).sort();
		const en = Object.keys(messages.en).sort();
		expect(en).toEqual(vi);
		for (const lang of LANGS) {
			for (const k of vi) expect(messages[lang][k as MessageKey], `${lang} ${k}`).not.toBe('');
		}
	});
	it('labels every status, domain and provenance code', () => {
		for (const lang of LANGS) {
			for (const s of STATUS_ORDER) expect(messages[lang]).toHaveProperty([`status.${s}`]);
			for (const d of DOMAINS) expect(messages[lang]).toHaveProperty([`domain.${d}`]);
			for (const p of PROVENANCES) {
				expect(messages[lang]).toHaveProperty([`prov.${p}`]);
				expect(messages[lang]).toHaveProperty([`prov.target.${p}`]);
			}
		}
	});
	it('has the agreed status labels', () => {
		expect(t('vi', 'status.on_track')).toBe('Có khả năng đạt');
		expect(t('vi', 'status.at_risk')).toBe('Cần cố gắng');
		expect(t('vi', 'status.off_track')).toBe('Khó đạt');
		expect(t('vi', 'status.exceeded')).toBe('Vượt');
		expect(t('vi', 'status.met')).toBe('Đạt');
		expect(t('vi', 'status.not_met')).toBe('Chưa đạt');
		expect(t('vi', 'status.no_data')).toBe('Chưa có số liệu');
		expect(t('en', 'status.on_track')).toBe('On track');
		expect(t('en', 'status.no_data')).toBe('No data');
		expect(t('vi', 'col.achievement')).toBe('Đạt % kế hoạch');
		expect(t('vi', 'basis.provincial')).toBe('Tỉnh giao');
	});
	it('interpolates {param} verbatim and leaves unknown placeholders visible', () => {
		expect(t('vi', 'ui.empty', { year: 2026 })).toBe('Chưa có số liệu năm 2026');
		expect(t('en', 'ui.empty', { year: 2026 })).toBe('No data for 2026');
		expect(t('vi', 'ui.empty')).toBe('Chưa có số liệu năm {year}');
		expect(t('vi', 'ui.empty', {})).toBe('Chưa có số liệu năm {year}');
		expect(t('vi', 'ui.loading')).toBe('Đang tải…');
		expect(t('vi', 'ui.needPerYear', { n: '19,7' })).toBe('cần 19,7/năm');
	});
	it('shows an unknown key rather than undefined', () => {
		expect(t('vi', 'status.later' as MessageKey)).toBe('status.later');
	});
});
