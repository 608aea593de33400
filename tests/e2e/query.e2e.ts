/**
 * The SQL console in real Chromium against the default data: run a query with
 * Ctrl+Enter, chart it, export it, share it by link, cancel a long query while the page
 * stays responsive, carry an edit of the data through to the scorecard, and never talk
 * to another origin.
 *
 * Known figures: ocop_products has 4 781 certificates, 3 663 three-star, 1 096 four-star
 * and 22 five-star (data/README.md; the same counts come out of Node DuckDB).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser';

const base = inject('baseUrl');
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
const requests: string[] = [];

// ~3·10⁹ rows for DuckDB-WASM: far longer than the test waits, so only Cancel ends it.
const HEAVY = 'SELECT count(*), sum(i * j) FROM range(100000000) t(i) CROSS JOIN range(30) s(j)';
const BY_STARS = 'SELECT stars, count(*) AS products FROM ocop_products GROUP BY stars ORDER BY stars';

async function openConsole(p: Page, path = '/query') {
	await p.goto(base + path);
	await p.waitForSelector('[data-testid="schema-browser"]', { timeout: 90_000 });
	await p.waitForSelector('[data-testid="sql-input"]');
}

async function typeQuery(p: Page, sql: string) {
	await p.getByTestId('sql-input').click();
	await p.keyboard.press('Control+a');
	await p.keyboard.press('Delete');
	await p.keyboard.insertText(sql);
}

const status = (p: Page) => p.getByTestId('run-status').getAttribute('data-status');

/** Ctrl+Enter, then wait for this run (not the previous one) to end. */
async function runWithKeys(p: Page) {
	const before = Number(await p.getByTestId('run-status').getAttribute('data-run'));
	await p.keyboard.press('Control+Enter');
	await p.waitForFunction(
		(n) => {
			const el = document.querySelector('[data-testid="run-status"]');
			return Number(el?.getAttribute('data-run')) > n && ['done', 'error', 'cancelled'].includes(el?.getAttribute('data-status') ?? '');
		},
		before,
		{ timeout: 60_000 }
	);
}

/** The grid's visible cells, as text, row by row. */
const gridRows = (p: Page) =>
	p.locator('[data-testid="result-grid"] tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

beforeAll(async () => {
	browser = await launch({ width: 1280, height: 720 });
	page = await browser.context.newPage();
	// tsx/esbuild may wrap functions passed to evaluate with a __name helper.
	await page.addInitScript('window.__name = (f) => f');
	page.on('request', (r) => requests.push(r.url()));
	await openConsole(page);
});
afterAll(async () => browser?.close());

describe('SQL console', () => {
	it('runs a typed query with Ctrl+Enter and shows the row count', async () => {
		await typeQuery(page, 'SELECT * FROM ocop_products WHERE stars = 5');
		await runWithKeys(page);
		expect(await status(page)).toBe('done');
		expect(await page.getByTestId('row-count').getAttribute('data-rows')).toBe('22');
		expect(await page.getByTestId('row-count').textContent()).toBe('22 dòng');
		expect(await page.getByTestId('elapsed').textContent()).toMatch(/\d/);
	});

	it('marks where DuckDB says the error is', async () => {
		await typeQuery(page, 'SELECT code,\n  nmae FROM units');
		await runWithKeys(page);
		expect(await status(page)).toBe('error');
		expect(await page.getByTestId('query-error').textContent()).toContain('Referenced column "nmae" not found');
		expect(await page.locator('.cm-sql-error').allTextContents()).toEqual(['nmae']);
		expect(await page.getByTestId('error-position').textContent()).toContain('Dòng 2, cột 3');
	});

	it('makes a bar chart from the result', async () => {
		await typeQuery(page, BY_STARS);
		await runWithKeys(page);
		expect(await page.getByTestId('row-count').getAttribute('data-rows')).toBe('3');
		await page.locator('[data-view="bar"]').click();
		const chart = page.getByTestId('result-chart');
		await chart.locator('svg').waitFor();
		await page.waitForFunction(() => document.querySelector('[data-testid="result-chart"]')?.getAttribute('data-rendered'));
		expect(await page.getByTestId('chart-x').locator('option:checked').textContent()).toBe('stars');
		expect(await page.getByTestId('chart-y').locator('option:checked').textContent()).toBe('products');
		expect(await chart.getAttribute('aria-label')).toBe('Biểu đồ cột: products theo stars, 3 nhóm.');
		const labels = await chart.locator('svg text').allTextContents();
		expect(labels).toEqual(expect.arrayContaining(['3', '4', '5']));
		await page.locator('[data-view="table"]').click();
	});

	it('exports CSV with a BOM, the header and the values the query returned', async () => {
		const shown = await gridRows(page);
		expect(shown).toEqual([
			['3', '3.663'],
			['4', '1.096'],
			['5', '22']
		]);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
		expect(download.suggestedFilename()).toMatch(/^ket-qua-truy-van_\d{4}-\d{2}-\d{2}\.csv$/);
		const bytes = readFileSync((await download.path())!);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
		expect(lines[0]).toBe('stars,products');
		// The same numbers as the grid, without the vi-VN thousands dot.
		expect(lines.slice(1)).toEqual(shown.map((r) => r.map((c) => c.replaceAll('.', '')).join(',')));
	});

	it('puts the query in the URL, and a new page opened on it gets the same query', async () => {
		await page.waitForURL(/[?&]q=/);
		const url = page.url();
		const other = await browser.context.newPage();
		try {
			await other.addInitScript('window.__name = (f) => f');
			other.on('request', (r) => requests.push(r.url()));
			await other.goto(url);
			await other.waitForSelector('[data-testid="sql-input"]', { timeout: 90_000 });
			expect(await other.getByTestId('from-link').isVisible()).toBe(true);
			const text = await other.locator('.cm-line').allTextContents();
			expect(text.join('\n')).toBe(BY_STARS);
			// A damaged link says so and leaves a working editor.
			await other.goto(url.replace(/q=([^&]+)/, (_m, q: string) => `q=${q.slice(0, 12)}`));
			await other.waitForSelector('[data-testid="link-problem"]', { timeout: 90_000 });
			expect(await other.getByTestId('link-problem').textContent()).toContain('Liên kết hỏng');
			await other.waitForSelector('[data-testid="sql-input"]');
		} finally {
			await other.close();
		}
	});

	it('shows a million rows by rendering only the visible ones', async () => {
		await typeQuery(page, "SELECT i, 'dòng ' || i AS label FROM range(1000000) t(i)");
		await runWithKeys(page);
		expect(await page.getByTestId('row-count').getAttribute('data-rows')).toBe('1000000');
		const grid = page.getByTestId('result-grid');
		expect(await grid.locator('tbody tr').count()).toBeLessThan(80);
		await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
		await page.waitForFunction(() =>
			[...document.querySelectorAll('[data-testid="result-grid"] tbody tr')].some((tr) => tr.getAttribute('aria-rowindex') === '1000001')
		);
		const last = await grid.locator('tbody tr[aria-rowindex="1000001"] td').allTextContents();
		expect(last).toEqual(['999.999', 'dòng 999999']);
	});

	it('cancels a long query within 2 s while the page stays responsive', async () => {
		await typeQuery(page, HEAVY);
		await page.getByTestId('run').click();
		await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status') === 'running');
		// Probe the main thread while the query runs: frames and timers must keep coming.
		const longest = await page.evaluate(async () => {
			let worst = 0;
			let lastFrame = performance.now();
			let lastTick = performance.now();
			let running = true;
			const frame = () => {
				const now = performance.now();
				worst = Math.max(worst, now - lastFrame);
				lastFrame = now;
				if (running) requestAnimationFrame(frame);
			};
			const tick = () => {
				const now = performance.now();
				worst = Math.max(worst, now - lastTick - 10);
				lastTick = now;
				if (running) setTimeout(tick, 10);
			};
			requestAnimationFrame(frame);
			setTimeout(tick, 10);
			await new Promise((r) => setTimeout(r, 2500));
			running = false;
			return worst;
		});
		expect(await status(page)).toBe('running');
		expect(longest).toBeLessThan(200);
		const t0 = Date.now();
		await page.getByTestId('cancel').click();
		await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.getAttribute('data-status') === 'cancelled', undefined, {
			timeout: 5000
		});
		expect(Date.now() - t0).toBeLessThan(2000);
		expect((await page.getByTestId('cancelled').textContent())!.toLowerCase()).toContain('đã hủy');
		// The console works again at once.
		await typeQuery(page, 'SELECT 42 AS answer');
		await runWithKeys(page);
		expect(await gridRows(page)).toEqual([['42']]);
	});

	it('an UPDATE of a target in the console reaches the scorecard, which says the data was changed', async () => {
		// Thái Bình OC01: 194 products against 150. The scorecard is seen first, so its
		// answers are cached for this data; the edit must replace them, not be hidden by them.
		const p = await browser.context.newPage();
		await p.addInitScript('window.__name = (f) => f');
		const row = () => p.locator('tr[data-indicator="OC01"][data-unit="34@2024"]').first();
		const live = () => p.waitForSelector('[data-state="live"]', { timeout: 60_000 });
		try {
			await p.goto(base + '/?unit=34@2024');
			await live();
			expect(await row().getAttribute('data-status')).toBe('exceeded');
			expect(await p.getByTestId('console-edit-banner').count()).toBe(0);

			await p.getByRole('link', { name: 'Truy vấn SQL' }).click();
			await p.waitForSelector('[data-testid="sql-input"]', { timeout: 60_000 });
			await typeQuery(p, `SELECT count(*) FROM targets WHERE indicator = 'OC01'`);
			await runWithKeys(p);
			// A read rebuilds nothing and changes nothing.
			expect(await p.getByTestId('kpi-rebuild').count()).toBe(0);
			await typeQuery(p, `UPDATE targets SET target_min = 400 WHERE indicator = 'OC01' AND unit_code = '34' AND unit_vintage = '2024'`);
			await runWithKeys(p);
			expect(await status(p)).toBe('done');
			await p.waitForSelector('[data-testid="kpi-rebuild"][data-state="rebuilt"]', { timeout: 60_000 });
			expect(await p.getByTestId('kpi-rebuild').textContent()).toContain('targets');
			expect(await p.getByTestId('console-edit-banner').textContent()).toContain('targets');

			await p.getByRole('link', { name: 'Bảng chỉ tiêu' }).click();
			await p.getByTestId('unit-select').selectOption('34@2024');
			await p.waitForURL(/unit=34%402024|unit=34@2024/);
			await live();
			await p.waitForFunction(() => document.querySelector('tr[data-indicator="OC01"][data-unit="34@2024"]')?.getAttribute('data-status') === 'not_met', null, { timeout: 30_000 });
			// 194 / 400 = 48,5 %: the 2025 target was not met.
			expect(await row().getByTestId('target').textContent()).toContain('400');
			expect((await row().getByTestId('achievement').textContent())!.trim()).toMatch(/^48,5%/);
			expect(await p.getByTestId('console-edit-banner').textContent()).toContain('số liệu có thể khác số liệu công bố');
		} finally {
			await p.close();
		}
	});

	it('asked nothing of any other origin', () => {
		const origin = new URL(base).origin;
		const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
		expect(foreign).toEqual([]);
		expect(requests.length).toBeGreaterThan(10);
	});
});
