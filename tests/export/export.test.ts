/**
 * The pure pieces behind embeds and exports, on the real default data in real DuckDB-WASM:
 * file names, the rows a chart exports (equal to the KPI engine's numbers, checked against
 * the published Quảng Ninh OCOP figure 346 on 31/12/2023 and against computeScorecard),
 * the CSV/XLSX head and cells, and the caption inside the SVG.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prebakedDefault } from './prebaked-default';
import * as XLSX from '@e965/xlsx';
import { openDataDir } from '../../scripts/lib/open-data';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { computeScorecard, resolveUnit } from '../../src/lib/kpi/scorecard';
import type { IndicatorRow } from '../../src/lib/kpi/series';
import { exportFileName, localDay, slug } from '../../src/lib/export/filename';
import { headerRows, optionTable, tableCsv, tableSheet, trendTable, type ExportTable } from '../../src/lib/export/table';
import { loadTrend } from '../../src/lib/export/trend-data';
import { indicatorCaption } from '../../src/lib/export/captions';
import { crc32, pngDpi, pngSize, printPixels, withDpi } from '../../src/lib/export/png';
import { trendOption, LIGHT_PALETTE } from '../../src/lib/charts/trend-option';
import { withCaption, type Caption } from '../../src/lib/charts/caption';
import { bars, LIGHT_THEME } from '../../src/lib/charts/domain-options';
import type { DatasetInfo } from '../../src/lib/kpi/prebaked';

let db: Db;
let catalogue: Map<string, IndicatorRow>;
let datasets: DatasetInfo[];

beforeAll(async () => {
	({ db } = await openDataDir('data'));
	catalogue = new Map(toRows<IndicatorRow>(await db.query('SELECT * FROM indicators')).map((r) => [r.code, r]));
	// The build's dataset list (titles, provenance), as the pages get it.
	datasets = (await prebakedDefault()).datasets;
}, 180_000);
afterAll(async () => {
	await (db as unknown as { close?: () => Promise<void> }).close?.();
});

describe('file names', () => {
	it('say indicator, unit without diacritics, years and the day', () => {
		expect(exportFileName({ what: 'OC01', unit: 'Quảng Ninh', from: 2021, to: 2025, today: '2026-11-22', ext: 'png' })).toBe(
			'OC01_quang-ninh_2021-2025_2026-11-22.png'
		);
		expect(exportFileName({ what: 'KN01', unit: 'Đà Nẵng', to: 2025, today: '2026-11-22', ext: 'xlsx' })).toBe('KN01_da-nang_2025_2026-11-22.xlsx');
		expect(exportFileName({ what: 'ocop stars/..', unit: 'Thừa Thiên Huế', from: 2024, to: 2024, today: '2026-01-02', ext: 'csv' })).toBe(
			'ocop-stars_thua-thien-hue_2024_2026-01-02.csv'
		);
		expect(slug('Bà Rịa – Vũng Tàu')).toBe('ba-ria-vung-tau');
		expect(slug('Ninh Thuận')).toBe('ninh-thuan');
		expect(localDay(new Date(2026, 10, 2, 23, 59))).toBe('2026-11-02');
	});
});

describe('trend rows equal the KPI engine', () => {
	it('Quảng Ninh (old province) OCOP: 346 products on 31/12/2023, the published figure', async () => {
		const unit = (await resolveUnit(db, '22@2024'))!;
		const d = await loadTrend(db, { indicator: catalogue.get('OC01')!, unit, year: 2024, firstYear: 2019 });
		const table = trendTable(d.model, 'vi');
		const y2023 = table.rows.find((r) => r[0] === 'Thực hiện' && r[1] === 2023);
		expect(y2023).toEqual(['Thực hiện', 2023, '2023-12-31', 346, null]);
	}, 60_000);

	it('the last actual row equals computeScorecard for the same unit and year, and every target is there', async () => {
		for (const [code, ref, year] of [
			['OC01', '22@2024', 2024],
			['OC01', '34@2024', 2025],
			['KN01', '48@2024', 2025]
		] as const) {
			const unit = (await resolveUnit(db, ref))!;
			const d = await loadTrend(db, { indicator: catalogue.get(code)!, unit, year, firstYear: 2019 });
			const card = await computeScorecard(db, { unit, year });
			const own = card.rows.find((r) => r.indicator === code && r.unit_code === unit.code && r.unit_vintage === unit.vintage && r.plan === d.plan)!;
			expect(own, `${code} ${ref}`).toBeTruthy();
			const actual = trendTable(d.model, 'en').rows.filter((r) => r[0] === 'Actual');
			const last = actual.at(-1)!;
			expect(last[2], `${code} ${ref} as of`).toBe(own.as_of);
			expect(last[3], `${code} ${ref} value`).toBeCloseTo(own.actual!, 9);
			const targets = trendTable(d.model, 'en').rows.filter((r) => String(r[0]).startsWith('Target'));
			expect(targets.some((r) => r[1] === own.target_year && r[3] === own.target_min), `${code} ${ref} target`).toBe(true);
		}
	}, 120_000);

	it("Đà Nẵng (48, 2024) startup projects: the last row is at the unit's end (30/6/2025), at least the 189 published on 16/5/2025, and the 200 target is drawn", async () => {
		const unit = (await resolveUnit(db, '48@2024'))!;
		const d = await loadTrend(db, { indicator: catalogue.get('KN01')!, unit, year: 2025, firstYear: 2019 });
		const last = trendTable(d.model, 'vi').rows.filter((r) => r[0] === 'Thực hiện').at(-1)!;
		expect(last[2]).toBe('2025-06-30');
		// The unit ended on 30/6/2025: its last reading is at that day, not before 16/5 (189).
		expect(Number(last[3])).toBeGreaterThanOrEqual(189);
		expect(d.rows.find((r) => r.indicator === 'KN01' && r.target_min === 200)).toBeTruthy();
	}, 60_000);
});

const caption: Caption = {
	lang: 'vi',
	title: 'OC01 · Sản phẩm OCOP',
	subtitle: 'Quảng Ninh · 2021–2025',
	source: 'Sản phẩm OCOP (Minh họa)',
	asOf: '2026-10-31'
};

describe('CSV and XLSX', () => {
	const table: ExportTable = {
		columns: ['Năm', 'Giá trị'],
		rows: [
			['=HYPERLINK("x")', 1.5],
			['-3', -2],
			['@bad', null],
			['a,"b"', 346]
		]
	};

	it('CSV: BOM, head with title, source and ISO as-of, then the table; formulas neutralised, numbers untouched', () => {
		const csv = tableCsv(caption, table);
		expect(csv.startsWith('\uFEFFOC01 · Sản phẩm OCOP\r\n')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[1]).toBe('Quảng Ninh · 2021–2025');
		expect(lines[2]).toBe('Nguồn: Sản phẩm OCOP (Minh họa) · Số liệu đến 31/10/2026');
		expect(lines[3]).toBe('Số liệu đến,2026-10-31');
		expect(lines[headerRows(caption)]).toBe('Năm,Giá trị');
		expect(lines.slice(headerRows(caption) + 1, -1)).toEqual([`"'=HYPERLINK(""x"")",1.5`, "'-3,-2", "'@bad,", '"a,""b""",346']);
	});

	it('XLSX read back: same head, numbers as numbers, formulas as text', () => {
		const ws = XLSX.utils.aoa_to_sheet(tableSheet(caption, table));
		const wb = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(wb, ws, 'OC01');
		const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
		const back = XLSX.read(new Uint8Array(bytes), { type: 'array' });
		const sheet = back.Sheets[back.SheetNames[0]];
		const aoa = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, blankrows: true, defval: null });
		expect(aoa[0][0]).toBe(caption.title);
		expect(aoa[2][0]).toBe('Nguồn: Sản phẩm OCOP (Minh họa) · Số liệu đến 31/10/2026');
		expect(aoa[headerRows(caption)]).toEqual(['Năm', 'Giá trị']);
		expect(sheet['B7'].t).toBe('n');
		expect(sheet['B7'].v).toBe(1.5);
		expect(sheet['A7'].v).toBe(`'=HYPERLINK("x")`);
		expect(sheet['A7'].f).toBeUndefined();
		expect(aoa[headerRows(caption) + 4]).toEqual(['a,"b"', 346]);
	});
});

describe('optionTable reads what bars draw', () => {
	it('categories × series, "-" and null empty', () => {
		const option = bars({
			categories: ['2023', '2024\n(30/6)'],
			series: [
				{ name: '3 sao', values: [256, 300], stack: 's' },
				{ name: '4 sao', values: [86, null], stack: 's' }
			],
			theme: LIGHT_THEME,
			fmt: String
		});
		expect(optionTable(option, 'Năm')).toEqual({
			columns: ['Năm', '3 sao', '4 sao'],
			rows: [
				['2023', 256, 86],
				['2024 (30/6)', 300, null]
			]
		});
	});
});

describe('caption inside the exported chart', () => {
	it('the captioned trend option carries title, subtitle and the source line', async () => {
		const unit = (await resolveUnit(db, '22@2025'))!;
		const ind = catalogue.get('OC01')!;
		const d = await loadTrend(db, { indicator: ind, unit, year: 2025, firstYear: 2019 });
		const c = indicatorCaption({ lang: 'vi', indicator: ind, unit, dataset: 'ocop_products', datasets, targets: d.rows, asOf: d.asOf, period: '2021–2025' });
		expect(c.title).toBe('OC01 · ' + ind.name_vi);
		expect(c.source).toContain('OCOP');
		const o = withCaption(trendOption({ lang: 'vi', model: d.model, measure: 'sản phẩm', palette: LIGHT_PALETTE }), c, LIGHT_PALETTE) as {
			title: { text: string; subtext?: string }[];
		};
		expect(o.title[0].text).toBe(c.title);
		expect(o.title[0].subtext).toBe('Quảng Ninh · 2021–2025');
		expect(o.title[1].text).toMatch(/^Nguồn: .*OCOP.* · Số liệu đến 31\/10\/2026/);
	}, 60_000);
});

describe('PNG print resolution', () => {
	// A 1×1 PNG (IHDR, IDAT, IEND), made by hand.
	const chunk = (type: string, data: number[]) => {
		const body = new Uint8Array([...type].map((c) => c.charCodeAt(0)).concat(data));
		const len = data.length;
		const crc = crc32(body);
		return [len >>> 24, (len >>> 16) & 255, (len >>> 8) & 255, len & 255, ...body, crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255];
	};
	const png = new Uint8Array([
		137, 80, 78, 71, 13, 10, 26, 10,
		...chunk('IHDR', [0, 0, 7, 208, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
		...chunk('IDAT', [120, 156, 99, 0, 1, 0, 0, 5, 0, 1]),
		...chunk('IEND', [])
	]);
	it('A4 column at 300 dpi needs 1890 px; pHYs says 300 dpi; size read from IHDR', () => {
		expect(printPixels(16)).toBe(1890);
		expect(pngSize(png)).toEqual({ width: 2000, height: 1 });
		expect(pngDpi(png)).toBeNull();
		const out = withDpi(png, 300);
		expect(pngDpi(out)).toBe(300);
		expect(pngSize(out)).toEqual({ width: 2000, height: 1 });
		expect(out.length).toBe(png.length + 21);
		// CRC of the new chunk is right (a PNG reader rejects a bad one).
		const at = 33;
		const v = new DataView(out.buffer);
		expect(v.getUint32(at + 4 + 4 + 9)).toBe(crc32(out.subarray(at + 4, at + 8 + 9)));
		expect(pngDpi(withDpi(out, 150))).toBe(150);
	});
});
