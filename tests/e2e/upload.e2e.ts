/**
 * An analyst brings their own data, in real Chromium: a Sở KH&CN OCOP workbook
 * replaces ocop_products and the scorecard's OCOP numbers follow; a broken workbook
 * gets a row-by-row report and changes nothing; the upload survives a reload and a
 * browser restart (origin-private file system); back to published restores the
 * published numbers. The expected count is worked out from the fixture (truth.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { CHROMIUM_FLAGS, launch } from './browser';
import { OCOP, ocopInForce } from '../fixtures/spreadsheets/truth';

const base = inject('baseUrl');
const FIXTURES = path.resolve(__dirname, '../fixtures/spreadsheets');
const GOOD = path.join(FIXTURES, 'so-khcn-quang-ninh-ocop-2026.xlsx');
const BROKEN = path.join(FIXTURES, 'ocop-loi.xlsx');
// The data's as-of date (datasets.csv) is 31/10/2026: Quảng Ninh's certificates in force then.
const EXPECTED = String(ocopInForce(OCOP, '22', '2026-10-31'));

let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
let published: string;

const waitLive = (p: Page) => p.waitForSelector('[data-state="live"]', { timeout: 90_000 });
const waitDb = (p: Page) => p.waitForSelector('main[data-db="ready"]', { timeout: 90_000 });
const oc01 = (p: Page) => p.locator('tr[data-indicator="OC01"][data-unit="22@2025"]').first().getByTestId('actual').locator('strong');

async function scorecardOc01(p: Page): Promise<string> {
	await p.goto(base + '/');
	await waitLive(p);
	return (await oc01(p).textContent())!.trim();
}

/** Upload the OCOP workbook on /data and apply its first sheet as ocop_products. */
async function applyGood(p: Page) {
	await p.goto(base + '/data');
	await waitDb(p);
	await p.setInputFiles('[data-testid="file-input"]', GOOD);
	const sheet = p.locator('[data-testid="sheet"][data-sheet="Danh sách"]');
	await sheet.waitFor();
	expect(await sheet.getByTestId('dataset-select').inputValue()).toBe('ocop_products');
	await sheet.getByTestId('check').click();
	await expect(sheet.getByTestId('valid').textContent()).resolves.toContain('24');
	await sheet.getByTestId('apply').click();
	await sheet.getByTestId('applied').waitFor({ timeout: 60_000 });
}

beforeAll(async () => {
	browser = await launch({ width: 1280, height: 900 });
	page = await browser.context.newPage();
});
afterAll(async () => browser?.close());

describe('bring your own data', () => {
	it('starts from the published numbers', async () => {
		published = await scorecardOc01(page);
		expect(published).not.toBe(EXPECTED);
		expect(await page.getByTestId('upload-banner').count()).toBe(0);
	});

	it('a Sở KH&CN workbook replaces ocop_products and the scorecard follows', async () => {
		await applyGood(page);
		const report = page.locator('[data-testid="sheet"][data-sheet="Danh sách"] [data-testid="notes"]');
		await expect(report.textContent()).resolves.toContain('Đã bỏ dòng Tổng cộng (dòng 33)');
		expect(await page.getByTestId('stored-row').count()).toBe(1);
		expect(await scorecardOc01(page)).toBe(EXPECTED);
		const banner = page.getByTestId('upload-banner');
		await banner.waitFor();
		const text = (await banner.textContent())!;
		expect(text).toContain('Đang xem dữ liệu tải lên');
		expect(text).toContain('ocop_products');
		expect(text).toContain('so-khcn-quang-ninh-ocop-2026.xlsx');
	});

	it('a broken workbook (dropped on the page) gets a clear report and changes nothing', async () => {
		await page.goto(base + '/data');
		await waitDb(page);
		const dt = await page.evaluateHandle(
			({ b64, name }) => {
				const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
				const dt = new DataTransfer();
				dt.items.add(new File([bytes], name));
				return dt;
			},
			{ b64: readFileSync(BROKEN).toString('base64'), name: 'ocop-loi.xlsx' }
		);
		await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer: dt });
		const sheet = page.locator('[data-testid="file"][data-file="ocop-loi.xlsx"] [data-testid="sheet"]');
		await sheet.waitFor();
		await sheet.getByTestId('check').click();
		await sheet.getByTestId('invalid').waitFor({ timeout: 60_000 });
		const problems = await sheet.getByTestId('problem').evaluateAll((rows) =>
			rows.map((r) => [r.getAttribute('data-row'), r.getAttribute('data-column'), r.getAttribute('data-code')])
		);
		expect(problems).toEqual([
			['3', 'stars', 'not_integer'],
			['4', 'province_code', 'unknown_province'],
			['5', 'decision_date', 'not_date'],
			['6', 'certificate_id', 'duplicate_key']
		]);
		const first = (await sheet.getByTestId('problem').first().textContent())!;
		expect(first).toContain('«bốn» không phải là số nguyên');
		expect(first).toContain('“bốn” is not a whole number');
		expect(await sheet.getByTestId('apply').isDisabled()).toBe(true);
		expect(await page.getByTestId('stored-row').count()).toBe(1);
		expect(await scorecardOc01(page)).toBe(EXPECTED);
	});

	it('the /data page has no serious accessibility violations', async () => {
		await page.goto(base + '/data');
		await waitDb(page);
		await page.setInputFiles('[data-testid="file-input"]', BROKEN);
		const sheet = page.locator('[data-testid="sheet"]').first();
		await sheet.getByTestId('check').click();
		await sheet.getByTestId('invalid').waitFor({ timeout: 60_000 });
		const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
		const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	});

	it('templates download as XLSX (with “Hướng dẫn”) and CSV, made in the browser', async () => {
		await page.goto(base + '/data');
		await waitDb(page);
		const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-xlsx-ocop_products').click()]);
		expect(xlsx.suggestedFilename()).toBe('mau-ocop_products.xlsx');
		const wb = XLSX.read(readFileSync((await xlsx.path())!), { type: 'buffer' });
		expect(wb.SheetNames).toEqual(['Dữ liệu', 'Hướng dẫn']);
		const header = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Dữ liệu'], { header: 1 })[0];
		expect(header.slice(0, 3)).toEqual(['Mã giấy chứng nhận', 'Mã sản phẩm', 'Tên sản phẩm']);
		const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('template-csv-budget').click()]);
		const bytes = readFileSync((await csv.path())!);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(bytes.subarray(3).toString('utf8').trim()).toBe('Mã tỉnh,Năm,Quý,Nguồn vốn,Loại chi,Dự toán (tỷ đồng),Giải ngân (tỷ đồng),Nguồn gốc số liệu');
	});

	it('after a reload the uploaded data is still there, in English too', async () => {
		await page.goto(base + '/?lang=en');
		await page.reload();
		await waitLive(page);
		expect((await oc01(page).textContent())!.trim()).toBe(EXPECTED);
		await expect(page.getByTestId('upload-banner').textContent()).resolves.toContain('Viewing uploaded data');
	});

	it('back to published data restores the published numbers', async () => {
		await page.goto(base + '/');
		await waitLive(page);
		await Promise.all([page.waitForEvent('load'), page.getByTestId('banner-reset').click()]);
		await waitLive(page);
		expect((await oc01(page).textContent())!.trim()).toBe(published);
		expect(await page.getByTestId('upload-banner').count()).toBe(0);
		await page.goto(base + '/data');
		await page.getByTestId('stored-none').waitFor();
	});
});

describe('a browser restart', () => {
	it('keeps the upload (same profile), until reset on the /data page', async () => {
		const profile = mkdtempSync(path.join(tmpdir(), 'tiendo-chromium-upload-'));
		const open = () =>
			chromium.launchPersistentContext(profile, {
				executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
				args: CHROMIUM_FLAGS,
				viewport: { width: 1280, height: 900 }
			});
		try {
			let context = await open();
			await applyGood(await context.newPage());
			await context.close();

			context = await open();
			const p = await context.newPage();
			expect(await scorecardOc01(p)).toBe(EXPECTED);
			await p.getByTestId('upload-banner').waitFor();
			await p.goto(base + '/data');
			await waitDb(p);
			await p.getByTestId('reset').click();
			await p.getByTestId('stored-none').waitFor({ timeout: 60_000 });
			expect(await p.getByTestId('upload-banner').count()).toBe(0);
			expect(await scorecardOc01(p)).toBe(published);
			await context.close();
		} finally {
			rmSync(profile, { recursive: true, force: true });
		}
	});
});
