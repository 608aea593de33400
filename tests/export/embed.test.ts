/**
 * Reading an embed's URL, writing its iframe code, choosing a card's row and wrapping a
 * caption: pure functions on the real build metadata (prebaked.json of the default data).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { prebakedDefault } from './prebaked-default';
import type { Prebaked } from '../../src/lib/kpi/prebaked';
import { findUnit, readEmbedParams } from '../../src/lib/export/embed-params';
import { embedPath, iframeCode, withEmbedParams } from '../../src/lib/export/embed-url';
import { cardRow } from '../../src/lib/export/card';
import { captionedOption, lineCount } from '../../src/lib/export/captioned';
import { LIGHT_PALETTE } from '../../src/lib/charts/trend-option';
import { DOMAIN_CHARTS, domainOfChart } from '../../src/lib/export/domain-charts';

let pb: Prebaked;
beforeAll(async () => {
	pb = await prebakedDefault();
}, 180_000);
const q = (s: string) => new URLSearchParams(s);

describe('embed parameters', () => {
	it('reads indicator, unit (code@vintage or bare code), years, lang, theme, height', () => {
		const p = readEmbedParams(q('indicator=oc01&unit=22@2024&year=2024&from=2021&lang=en&theme=dark&h=5000'), pb, { indicator: true });
		expect(p.problems).toEqual([]);
		expect(p.indicator?.code).toBe('OC01');
		expect([p.unit?.code, p.unit?.vintage]).toEqual(['22', '2024']);
		expect([p.year, p.from, p.lang, p.theme, p.height]).toEqual([2024, 2021, 'en', 'dark', 2000]);
		// A bare code is the newest unit with that code.
		expect(findUnit(pb.units, '22')?.vintage).toBe('2025');
		// Defaults: the build's year and unit, Vietnamese, the reader's theme.
		const d = readEmbedParams(q('indicator=KN01'), pb);
		expect([d.year, `${d.unit?.code}@${d.unit?.vintage}`, d.lang, d.theme, d.height]).toEqual([pb.year, pb.default_unit, 'vi', null, null]);
	});

	it('every wrong value is a problem, kept as text and clipped', () => {
		const long = 'x'.repeat(100);
		const p = readEmbedParams(q(`indicator=<script>&unit=${long}&year=1900&from=abc`), pb, { indicator: true });
		expect(p.problems).toEqual([
			{ key: 'indicator', value: '<script>' },
			{ key: 'unit', value: 'x'.repeat(60) + '…' },
			{ key: 'year', value: '1900', from: 2019, to: 2026 },
			{ key: 'year', value: 'abc', from: 2019, to: 2026 }
		]);
		expect(readEmbedParams(q(''), pb, { indicator: true }).problems).toEqual([{ key: 'indicator', value: '' }]);
		// from after to is ignored rather than drawing nothing.
		expect(readEmbedParams(q('indicator=OC01&year=2022&from=2024'), pb).from).toBeNull();
	});
});

describe('embed addresses and iframe code', () => {
	it('leaves empty values out, replaces theme and height, escapes the attributes', () => {
		const path = embedPath('/embed/chart', { kind: 'trend', indicator: 'OC01', unit: '22@2025', plan: null, lang: 'vi' });
		expect(path).toBe('/embed/chart?kind=trend&indicator=OC01&unit=22%402025&lang=vi');
		expect(withEmbedParams(path, { theme: 'dark', h: 360, lang: null })).toBe('/embed/chart?kind=trend&indicator=OC01&unit=22%402025&theme=dark&h=360');
		expect(iframeCode({ src: 'https://x/embed/chart?a=1&b="2"', title: 'OC01 · "<b>"', height: 480.4 })).toBe(
			'<iframe src="https://x/embed/chart?a=1&amp;b=&quot;2&quot;" width="100%" height="480" style="border:0" title="OC01 · &quot;&lt;b&gt;&quot;" loading="lazy"></iframe>'
		);
	});

	it('every domain chart id belongs to one domain', () => {
		const ids = Object.values(DOMAIN_CHARTS).flatMap((c) => Object.keys(c));
		expect(new Set(ids).size).toBe(ids.length);
		expect(domainOfChart('ocop-stars')).toBe('ocop');
		expect(domainOfChart('nope')).toBeNull();
	});
});

describe('the card row', () => {
	it("Thái Bình OCOP in the prebaked scorecard: 194 against 150 (published, 30/6/2025)", () => {
		const unit = pb.units.find((u) => u.code === '34' && u.vintage === '2024')!;
		const row = cardRow(pb.scorecards['34@2024'].rows, 'OC01', unit, pb.year, '2021-2025')!;
		expect([row.actual, row.target_min, row.as_of]).toEqual([194, 150, '2025-06-30']);
	});
	it("a new province without its own target shows its predecessor's", () => {
		const unit = pb.units.find((u) => u.code === '22' && u.vintage === '2025')!;
		const rows = pb.scorecards['22@2025'].rows;
		const row = cardRow(rows, 'OC01', unit, pb.year, null);
		expect(row).not.toBeNull();
		const own = rows.filter((r) => r.indicator === 'OC01' && r.unit_code === '22' && r.unit_vintage === '2025');
		if (own.length) expect([row!.unit_code, row!.unit_vintage]).toEqual(['22', '2025']);
		else expect(row!.unit_vintage).toBe('2024');
		expect(cardRow(rows, 'NOPE', unit, pb.year, null)).toBeNull();
	});
});

describe('captions that wrap', () => {
	it('counts lines at word breaks and makes room for them', () => {
		expect(lineCount('a b c', 1000, 14)).toBe(1);
		const long = 'Nguồn: Giấy chứng nhận sản phẩm OCOP (Sinh mẫu khớp số công bố); chỉ tiêu theo Kế hoạch phát triển sản phẩm OCOP tỉnh Thái Bình · Số liệu đến 31/10/2026';
		expect(lineCount(long, 300, 13)).toBeGreaterThan(3);
		const caption = { lang: 'vi' as const, title: 'OC01 · Sản phẩm OCOP', subtitle: 'Thái Bình · 2025', source: long, asOf: '2026-10-31' };
		const option = { grid: { left: 10, right: 20, top: 40, bottom: 10 }, legend: { top: 0, left: 0 }, series: [] };
		const wide = captionedOption(option, caption, LIGHT_PALETTE, 1600);
		const narrow = captionedOption(option, caption, LIGHT_PALETTE, 320, 14, 16);
		expect(narrow.extra).toBeGreaterThan(wide.extra);
		const n = narrow.option as { title: { left: number; textStyle: { width: number; overflow: string } }[]; grid: { left: number; top: number } };
		expect(n.title[1].textStyle).toMatchObject({ width: 320 - 4 - 32, overflow: 'break' });
		expect(n.title[0].left).toBe(16);
		expect(n.grid.left).toBe(26);
	});
});
