/** A chart that leaves the page carries title, source and date inside the option. */
import { describe, expect, it } from 'vitest';
import { captionSpace, sourceLine, withCaption } from '../../src/lib/charts/caption';
import { LIGHT_PALETTE } from '../../src/lib/charts/trend-option';

type Title = { text: string; subtext?: string; top?: number; bottom?: number };

describe('chart caption', () => {
	it('writes the source line in the reader’s language with vi-VN dates', () => {
		expect(sourceLine({ lang: 'vi', source: 'Sở KH&CN Quảng Ninh', asOf: '2026-10-31' })).toBe('Nguồn: Sở KH&CN Quảng Ninh · Số liệu đến 31/10/2026');
		expect(sourceLine({ lang: 'en', source: 'DOST', asOf: '2022-05-11', note: 'Illustrative' })).toBe('Source: DOST · Data as of 11 May 2022 · Illustrative');
	});

	it('puts heading and foot in the option and moves the plot between them', () => {
		const base = { grid: { top: 50, bottom: 10, left: 4 }, legend: { top: 0 }, title: { text: 'own' }, series: [] };
		const cap = { lang: 'vi' as const, title: 'Sản phẩm OCOP', subtitle: 'Quảng Ninh · 2021–2025', source: 'QĐ 919', asOf: '2026-10-31' };
		const out = withCaption(base, cap, LIGHT_PALETTE, 16) as { title: Title[]; grid: { top: number; bottom: number; left: number }; legend: { top: number } };
		const space = captionSpace(cap, 16);
		expect(out.title.map((x) => x.text)).toEqual(['Sản phẩm OCOP', 'Nguồn: QĐ 919 · Số liệu đến 31/10/2026', 'own']);
		expect(out.title[0].subtext).toBe('Quảng Ninh · 2021–2025');
		expect(out.title[1].bottom).toBe(0);
		expect(out.grid).toEqual({ top: 50 + space.top, bottom: 10 + space.bottom, left: 4 });
		expect(out.legend.top).toBe(space.top);
		// the caller's option is left as it was
		expect(base.grid.top).toBe(50);
	});

	it('shifts every grid of a multi-grid chart', () => {
		const out = withCaption({ grid: [{ top: 0, bottom: 0 }, { top: 100, bottom: 5 }] }, { lang: 'en', title: 'T', source: 'S', asOf: '2026-01-01' }, LIGHT_PALETTE) as { grid: { top: number }[] };
		const { top } = captionSpace({ lang: 'en', title: 'T', source: 'S', asOf: '2026-01-01' });
		expect(out.grid.map((g) => g.top)).toEqual([top, 100 + top]);
	});
});
