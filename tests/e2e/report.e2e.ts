/**
 * The progress report in real Chromium: the table's figures equal the KPI engine's
 * (the same report model computed in Node on real DuckDB-WASM), Thái Bình's OCOP row
 * reads 194 against 150 (129,3 %), "Tải DOCX" downloads a Word file with the unit, a
 * table and one image per chart, and printing gives several A4 pages.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser';
import { openDefaultData } from '../report/open';
import { resolveUnit } from '../../src/lib/kpi/scorecard';
import { readReportData } from '../../src/lib/report/data';
import { reportModel, type ReportModel } from '../../src/lib/report/model';
import { zipText, wordText } from '../report/zip';

const base = inject('baseUrl');
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
let engine: ReportModel;

beforeAll(async () => {
	const { db } = await openDefaultData();
	try {
		engine = reportModel(await readReportData(db, { unit: (await resolveUnit(db, '34@2024'))! }), 'vi');
	} finally {
		await db.close();
	}
	browser = await launch();
	page = await browser.context.newPage();
});
afterAll(async () => browser?.close());

const ready = (p: Page) => p.waitForSelector('[data-testid="report-document"]', { timeout: 90_000 });

describe('progress report', () => {
	it('shows the engine’s figures for Thái Bình, OCOP 194 against 150 (129,3 %)', async () => {
		await page.goto(base + '/report?unit=34@2024');
		await ready(page);
		const rows = page.locator('[data-testid="report-table"] tbody tr');
		expect(await rows.count()).toBe(engine.rows.length);
		for (const r of engine.rows) {
			const tr = page.locator(`[data-testid="report-table"] tbody tr[data-indicator="${r.indicator}"]`);
			expect(await tr.getAttribute('data-status')).toBe(r.status);
			expect((await tr.getByTestId('report-actual').textContent())!.startsWith(r.actual)).toBe(true);
			expect(await tr.getByTestId('report-pct').textContent()).toBe(r.pct);
		}
		const oc01 = page.locator('tr[data-indicator="OC01"]');
		expect(await oc01.getByTestId('report-actual').textContent()).toContain('194 sản phẩm');
		expect(await oc01.getByTestId('report-pct').textContent()).toBe('129,3%');
		expect(await page.getByTestId('report-summary').textContent()).toBe(engine.summary.lines[0]);
		// One chart per indicator with figures, each with its source line.
		expect(await page.getByTestId('report-chart').count()).toBe(engine.sections.reduce((n, s) => n + s.charts.length, 0));
		expect(await page.locator('[data-testid="report-chart"] svg text', { hasText: 'Nguồn:' }).count()).toBeGreaterThan(0);
		expect(await page.locator('html').getAttribute('lang')).toBe('vi');
	});

	it('"Tải DOCX" downloads a Word file with the unit, the table and the charts', async () => {
		const download = page.waitForEvent('download', { timeout: 90_000 });
		await page.getByTestId('report-docx').click();
		const file = await download;
		expect(file.suggestedFilename()).toBe('bao-cao_thai-binh_2021-2025_2026-10-31.docx');
		const bytes = readFileSync((await file.path())!);
		expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
		const doc = zipText(bytes, 'word/document.xml');
		expect(wordText(doc)).toContain('Đơn vị: Thái Bình');
		expect(wordText(doc)).toContain('129,3%');
		expect(doc).toContain('<w:tbl>');
		expect((doc.match(/<w:drawing>/g) ?? []).length).toBe(engine.sections.reduce((n, s) => n + s.charts.length, 0));
	});

	it('prints to several A4 pages without the app’s header and buttons', async () => {
		await ready(page);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('header.top').isVisible()).toBe(false);
		expect(await page.getByTestId('report-docx').isVisible()).toBe(false);
		await page.emulateMedia({ media: 'screen' });
		const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
		// The page tree's root counts the pages: "/Type /Pages … /Count N".
		const pages = Math.max(0, ...[...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((m) => Number(m[1])));
		expect(pages).toBeGreaterThan(1);
	});

	it('speaks English with the same statuses', async () => {
		await page.goto(base + '/report?unit=34@2024&lang=en');
		await ready(page);
		expect(await page.locator('[data-testid="report-document"] h1').textContent()).toBe('Report on the science, technology and innovation targets, 2021–2025');
		expect(await page.locator('tr[data-indicator="OC01"]').getByTestId('report-pct').textContent()).toBe('129.3%');
		const statuses = await page.locator('[data-testid="report-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status')));
		expect(statuses).toEqual(engine.rows.map((r) => r.status));
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
	});
});
