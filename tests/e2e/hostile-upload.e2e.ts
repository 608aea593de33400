/**
 * A representative part of the hostile corpus (tests/fixtures/hostile) through the real
 * /data page file input in Chromium: files that cannot be read get one bilingual message
 * naming the file (and the row, where there is one); readable files with bad values get
 * the row-by-row report and cannot be applied; script in cells is shown as text and never
 * runs. Afterwards the scorecard still shows the published number and nothing is stored.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch } from './browser';

const base = inject('baseUrl');
const HOSTILE = path.resolve(__dirname, '../fixtures/hostile');

let browser: Awaited<ReturnType<typeof launch>>;
let page: Page;
let published: string;
const dialogs: string[] = [];

const waitDb = (p: Page) => p.waitForSelector('main[data-db="ready"]', { timeout: 90_000 });
const oc01 = (p: Page) => p.locator('tr[data-indicator="OC01"][data-unit="22@2025"]').first().getByTestId('actual').locator('strong');

async function scorecardOc01(p: Page): Promise<string> {
	await p.goto(base + '/');
	await p.waitForSelector('[data-state="live"]', { timeout: 90_000 });
	return (await oc01(p).textContent())!.trim();
}

async function upload(name: string) {
	await page.goto(base + '/data');
	await waitDb(page);
	await page.setInputFiles('[data-testid="file-input"]', path.join(HOSTILE, name));
	const file = page.locator(`[data-testid="file"][data-file="${name}"]`);
	await file.waitFor({ timeout: 60_000 });
	return file;
}

beforeAll(async () => {
	browser = await launch({ width: 1280, height: 900 });
	page = await browser.context.newPage();
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
	published = await scorecardOc01(page);
});
afterAll(async () => browser?.close());

describe('files that cannot be read end in one clear message', () => {
	const cases: [file: string, vi: string, en: string][] = [
		['xlsx-zip-bomb.xlsx', '«bom zip»', '“zip bomb”'],
		['xlsx-zip-bomb-lying.xlsx', 'giải nén ra hơn', 'would decompress to more than'],
		['xlsx-random-bytes.xlsx', 'không phải là sổ tính Excel', 'not an Excel .xlsx workbook'],
		['xlsx-cut-half.xlsx', 'bị hỏng hoặc bị cắt cụt', 'damaged or cut short'],
		['parquet-cut-footer.parquet', 'tệp Parquet bị hỏng', 'Parquet file is damaged'],
		['csv-unbalanced-quote.csv', 'dòng 4', 'row 4'],
		['csv-nul-bytes.csv', 'ký tự NUL', 'NUL characters'],
		['xlsx-5000-columns.xlsx', 'nhiều hơn mức tối đa 1000 cột', 'more than the maximum of 1000']
	];
	for (const [file, vi, en] of cases) {
		it(file, async () => {
			const t0 = Date.now();
			const f = await upload(file);
			const alert = f.getByTestId('unreadable');
			await alert.waitFor({ timeout: 30_000 });
			const text = (await alert.textContent())!;
			expect(text).toContain(vi);
			expect(text).toContain(en);
			expect(text).toContain(file);
			expect(await f.locator('[data-testid="sheet"]').count()).toBe(0);
			expect(Date.now() - t0).toBeLessThan(40_000);
		});
	}
});

describe('readable files with bad values get the report and cannot be applied', () => {
	const cases: [file: string, problems: [row: string, column: string, code: string][]][] = [
		['ocop-7-stars.csv', [['2', 'stars', 'above_max']]],
		['ocop-certificate-2031.csv', [['6', 'decision_date', 'future_date']]],
		['csv-ragged-long.csv', [['3', '', 'ragged_row']]],
		['ocop-long-cell.csv', [['3', 'product_name', 'cell_too_long']]]
	];
	for (const [file, expected] of cases) {
		it(file, async () => {
			const f = await upload(file);
			const sheet = f.getByTestId('sheet');
			await sheet.getByTestId('check').click();
			await sheet.getByTestId('invalid').waitFor({ timeout: 60_000 });
			const found = await sheet.getByTestId('problem').evaluateAll((rows) =>
				rows.map((r) => [r.getAttribute('data-row'), r.getAttribute('data-column'), r.getAttribute('data-code')])
			);
			for (const e of expected) expect(found).toContainEqual(e);
			expect(await sheet.getByTestId('apply').isDisabled()).toBe(true);
		});
	}
});

describe('script in cells is text', () => {
	it('csv-html-script.csv checks as valid, shows the markup as text, and nothing runs', async () => {
		const f = await upload('csv-html-script.csv');
		const sheet = f.getByTestId('sheet');
		await sheet.getByTestId('check').click();
		await sheet.getByTestId('valid').waitFor({ timeout: 60_000 });
		expect(await f.textContent()).toContain('<script>window.__pwned=1</script>');
		expect(await page.locator('img[src="x"]').count()).toBe(0);
		expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
		expect(dialogs).toEqual([]);
	});
});

describe('afterwards', () => {
	it('the scorecard shows the published number and nothing is stored', async () => {
		expect(await scorecardOc01(page)).toBe(published);
		expect(await page.getByTestId('upload-banner').count()).toBe(0);
		await page.goto(base + '/data');
		await page.getByTestId('stored-none').waitFor({ timeout: 60_000 });
	});
});
