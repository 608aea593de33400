/**
 * The DOCX's structure, read back from the zip: Word tables with a repeated header row
 * and one row per target, one image per chart (real PNGs at print resolution), Word
 * heading styles, A4 with the page number in the footer, and the report's figures in
 * the text (Thái Bình OCOP 194 against 150 → 129,3%).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { openDefaultData } from './open';
import { buildReportFile } from '../../scripts/report-cli';
import { zipEntries, zipText, wordText } from './zip';

let db: Db;
let bytes: Uint8Array;
let charts: number;
let doc: string;

beforeAll(async () => {
	({ db } = await openDefaultData());
	({ bytes, charts } = await buildReportFile(db, { unit: '34@2024', lang: 'vi' }));
	doc = zipText(bytes, 'word/document.xml');
}, 120_000);
afterAll(async () => db?.close());

describe('report DOCX', () => {
	it('is a zip holding a Word document', () => {
		expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
		const names = [...zipEntries(bytes).keys()];
		expect(names).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
	});

	it('has the targets as a real table: a header row repeated on each page, one row per target, borders', () => {
		const tables = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
		expect(tables.length).toBe(1);
		const rows = tables[0]!.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
		// Thái Bình has 11 targets in 2021–2025 (tests/report/model.test.ts counts them in SQL).
		expect(rows.length).toBe(1 + 11);
		expect(rows[0]!).toContain('<w:tblHeader/>');
		expect(rows.slice(1).every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
		expect(tables[0]!).toMatch(/<w:top w:val="single"/);
		const oc01 = rows.map(wordText).find((r) => r.includes('OC01'))!;
		expect(oc01).toContain('194 sản phẩm');
		expect(oc01).toContain('150 sản phẩm');
		expect(oc01).toContain('129,3%');
		expect(oc01).toContain('Vượt');
	});

	it('has one image per chart, each a PNG at least 1890 px wide, with alt text', () => {
		expect(charts).toBe(11);
		expect((doc.match(/<w:drawing>/g) ?? []).length).toBe(charts);
		const media = [...zipEntries(bytes).entries()].filter(([n]) => n.startsWith('word/media/'));
		expect(media.length).toBe(charts);
		for (const [, png] of media) {
			expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
			expect(Buffer.from(png).readUInt32BE(16)).toBeGreaterThanOrEqual(1890);
		}
		expect(doc).toMatch(/<wp:docPr [^>]*descr="[^"]*Thái Bình/);
	});

	it('uses Word heading styles and the report text', () => {
		expect(doc).toContain('<w:pStyle w:val="Title"/>');
		expect((doc.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length).toBe(4);
		const text = wordText(doc);
		expect(text).toContain('Đơn vị: Thái Bình');
		expect(text).toContain('Đến ngày 31/10/2026, Thái Bình đạt và vượt 6/11 chỉ tiêu giai đoạn 2021–2025.');
		expect(text).toContain('194 sản phẩm (đến 30/6/2025), đạt 129,3% kế hoạch năm 2025; vượt 44 sản phẩm.');
		expect(text).toContain('Nguồn: Giấy chứng nhận sản phẩm OCOP');
	});

	it('is A4 with administrative margins, Times New Roman, and a page number in the footer', () => {
		expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
		expect(doc).toMatch(/<w:pgMar [^>]*w:left="1701"/);
		expect(zipText(bytes, 'word/styles.xml')).toContain('w:ascii="Times New Roman"');
		expect(zipText(bytes, 'word/footer1.xml')).toMatch(/PAGE/);
	});
});
