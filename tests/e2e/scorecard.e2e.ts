/**
 * The scorecard in real Chromium against the built site and the default data.
 * Numbers checked are the published ones the records are calibrated to:
 * Thái Bình OCOP 194 against a target of 150 (129,3 %), Đà Nẵng 189 startup
 * projects against 200 (94,5 %).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser';

const base = inject('baseUrl');
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

const row = (p: Page, indicator: string, unit: string) => p.locator(`tr[data-indicator="${indicator}"][data-unit="${unit}"]`).first();
const waitLive = (p: Page) => p.waitForSelector('[data-state="live"]', { timeout: 60_000 });

beforeAll(async () => {
	browser = await launch();
	page = await browser.context.newPage();
});
afterAll(async () => browser?.close());

describe('scorecard', () => {
	it('shows prerendered numbers with JavaScript switched off', async () => {
		const noJs = await launch({ width: 1280, height: 720 }, { javaScriptEnabled: false });
		try {
			const p = await noJs.context.newPage();
			await p.goto(base + '/');
			const total = Number(await p.getByTestId('count-total').textContent());
			expect(total).toBeGreaterThan(5);
			expect(await p.locator('[data-testid="scorecard-table"] tbody tr').count()).toBe(total);
			await expect(p.getByTestId('data-state').getAttribute('data-state')).resolves.toBe('prebaked');
			expect(await p.getByTestId('illustrative-note').isVisible()).toBe(true);
			expect(await p.locator('html').getAttribute('lang')).toBe('vi');
		} finally {
			await noJs.close();
		}
	});

	it('goes live and shows Thái Bình: 194 OCOP products against 150, 129,3 %, exceeded', async () => {
		await page.goto(base + '/?unit=34@2024');
		await waitLive(page);
		const r = row(page, 'OC01', '34@2024');
		await r.waitFor();
		expect(await r.getByTestId('actual').locator('strong').textContent()).toBe('194');
		expect((await r.getByTestId('achievement').textContent())!.trim()).toMatch(/^129,3%/);
		expect(await r.getAttribute('data-status')).toBe('exceeded');
		expect(await r.locator('.badge').textContent()).toBe('Vượt');
		expect(await r.getByTestId('target').textContent()).toContain('150');
	});

	it('changes province through the URL and back/forward restores the view', async () => {
		await page.getByTestId('unit-select').selectOption('48@2024');
		await page.waitForURL(/unit=48%402024|unit=48@2024/);
		await waitLive(page);
		const r = row(page, 'KN01', '48@2024');
		await r.waitFor();
		expect(await r.getByTestId('actual').locator('strong').textContent()).toBe('189');
		expect((await r.getByTestId('achievement').textContent())!.trim()).toMatch(/^94,5%/);
		expect(await r.getAttribute('data-status')).toBe('not_met');
		await page.goBack();
		await page.waitForURL(/unit=34/);
		await row(page, 'OC01', '34@2024').waitFor();
		expect(await page.getByTestId('unit-select').inputValue()).toBe('34@2024');
	});

	it('switches to English with English number formats', async () => {
		await page.getByRole('button', { name: 'English' }).click();
		await page.waitForURL(/lang=en/);
		const r = row(page, 'OC01', '34@2024');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		expect(await r.locator('.badge').textContent()).toBe('Exceeded');
		expect((await r.getByTestId('achievement').textContent())!.trim()).toMatch(/^129\.3%/);
	});

	it('live numbers equal the prerendered ones for the default view', async () => {
		const noJs = await launch({ width: 1280, height: 720 }, { javaScriptEnabled: false });
		try {
			const p = await noJs.context.newPage();
			await p.goto(base + '/');
			const pre = await p.locator('[data-testid="scorecard-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent?.replace(/\s+/g, ' ')));
			await page.goto(base + '/');
			await waitLive(page);
			const live = await page.locator('[data-testid="scorecard-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.textContent?.replace(/\s+/g, ' ')));
			expect(live).toEqual(pre);
		} finally {
			await noJs.close();
		}
	});
});
