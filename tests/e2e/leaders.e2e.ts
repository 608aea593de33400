/**
 * What a leader does before and during a meeting, in real Chromium on the default data:
 * scorecard → a late target → its indicator page → breakdown by district → back;
 * meeting mode stepped through with the keyboard; no serious accessibility violations.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser';

const base = inject('baseUrl');
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;

const waitLive = (p: Page) => p.waitForSelector('[data-state="live"]', { timeout: 60_000 });
const waitQueries = (p: Page) =>
	p.waitForFunction(
		() => {
			const states = [...document.querySelectorAll('[data-query-state]')].map((e) => e.getAttribute('data-query-state'));
			return states.length > 0 && states.every((s) => s !== 'loading');
		},
		undefined,
		{ timeout: 60_000 }
	);

beforeAll(async () => {
	browser = await launch({ width: 1920, height: 1080 });
	page = await browser.context.newPage();
});
afterAll(async () => browser?.close());

describe('leaders', () => {
	it('walks from the late targets to an indicator, its districts, and back', async () => {
		await page.goto(base + '/?unit=33@2025&late=1');
		await waitLive(page);
		const rows = page.locator('[data-testid="scorecard-table"] tbody tr');
		const statuses = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-status')));
		expect(statuses.length).toBeGreaterThan(0);
		expect(statuses.every((s) => ['off_track', 'at_risk', 'not_met'].includes(s!))).toBe(true);

		// Thái Bình's capital raised by startups (KN04): a late 2021–2025 target whose records name districts
		const row = page.locator('tr[data-indicator="KN04"][data-unit="34@2024"]');
		const actual = (await row.getByTestId('actual').locator('strong').textContent())!.trim();
		await row.locator('a.name').click();
		await page.waitForURL(/\/indicators\/KN04\?.*unit=34(%40|@)2024/);
		await waitQueries(page);
		expect(await page.locator('main').textContent()).toContain('KN04');
		expect(await page.locator('body').textContent()).toContain(actual);

		const breakdown = page.getByTestId('breakdown');
		await breakdown.scrollIntoViewIfNeeded();
		const districts = await breakdown.locator('[data-unit]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-unit')));
		// Thái Bình's 8 district-level units (shared/domain/districts_2024.csv)
		const THAI_BINH = ['336', '338', '339', '340', '341', '342', '343', '344'];
		expect(districts.length).toBeGreaterThan(0);
		expect(districts.filter((d) => !THAI_BINH.includes(d!))).toEqual([]);

		await page.goBack();
		await page.waitForURL(/late=1/);
		await page.locator('tr[data-indicator="KN04"][data-unit="34@2024"]').waitFor();
	});

	it('steps through every meeting slide with the keyboard and reads real numbers', async () => {
		await page.goto(base + '/meeting?unit=34@2024&plan=2021-2025');
		// The prerendered HTML holds the default unit's deck until the URL has been read: wait for Thái Bình's.
		await page.waitForFunction(
			() => document.querySelector('.deck')?.getAttribute('data-deck-unit') === '34@2024' && document.querySelectorAll('[data-testid="slide"]').length > 2,
			undefined,
			{ timeout: 60_000 }
		);
		const total = await page.getByTestId('slide').count();
		const current = () => page.locator('[data-testid="slide"][data-current="true"]').getAttribute('data-slide-index');
		expect(await current()).toBe('1');
		const seen = new Set<string>();
		for (let i = 1; i < total; i++) {
			await page.keyboard.press(i % 2 ? 'ArrowRight' : 'PageDown');
			await page.waitForFunction((n) => document.querySelector('[data-testid="slide"][data-current="true"]')?.getAttribute('data-slide-index') === String(n), i + 1);
			expect(page.url()).toContain(`slide=${i + 1}`);
			const text = await page.locator('[data-testid="slide"][data-current="true"]').innerText();
			expect(text.trim().length).toBeGreaterThan(10);
			seen.add(text);
		}
		expect(seen.size).toBe(total - 1);
		// one more press past the end stays on the last slide
		await page.keyboard.press('ArrowRight');
		expect(await current()).toBe(String(total));
		const lines = await page.getByTestId('summary-line').allInnerTexts();
		expect(lines.some((l) => l.includes('Đạt 129,3% kế hoạch năm 2025; vượt 44 sản phẩm'))).toBe(true);
		await page.keyboard.press('Home');
		await page.waitForFunction(() => document.querySelector('[data-testid="slide"][data-current="true"]')?.getAttribute('data-slide-index') === '1');
		// a bookmarked slide opens where it was
		await page.goto(base + '/meeting?unit=34@2024&plan=2021-2025&slide=3');
		await page.waitForFunction(() => document.querySelector('[data-testid="slide"][data-current="true"]')?.getAttribute('data-slide-index') === '3', undefined, { timeout: 60_000 });
	});

	it('has no serious or critical accessibility violations on the leaders’ pages', { timeout: 300_000 }, async () => {
		const pages = [
			'/',
			'/?lang=en',
			'/indicators/OC01?unit=34@2024',
			'/domains/ocop?unit=22@2024&year=2023',
			'/domains/budget',
			'/compare',
			'/meeting?unit=34@2024&plan=2021-2025'
		];
		const found: string[] = [];
		for (const path of pages) {
			await page.goto(base + path);
			if (path.startsWith('/?') || path === '/') await waitLive(page);
			else await waitQueries(page).catch(() => {});
			const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
			for (const v of result.violations)
				if (v.impact === 'serious' || v.impact === 'critical')
					found.push(`${path}: ${v.id} (${v.impact}) — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
		}
		expect(found).toEqual([]);
	});
});
