/**
 * The SQL console stays in its box (src/lib/db/browser.ts: enable_external_access off,
 * configuration locked): in real Chromium, statements that would read the user's disk,
 * reach the network, load an extension, write a file, attach a database or undo the
 * settings all fail with DuckDB's message, no request leaves for another origin, and the
 * console keeps working. (A runaway query is cancelled without reload in query.e2e.ts,
 * "cancels a long query within 2 s…": not repeated here.)
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser';

const base = inject('baseUrl');
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
const requests: string[] = [];

/** Statement → what DuckDB must say. */
const REFUSED: [string, RegExp][] = [
	["SELECT * FROM read_csv('https://example.com/x.csv')", /disabled by configuration|Permission Error/i],
	["SELECT * FROM read_csv('/etc/passwd')", /disabled by configuration|Permission Error/i],
	["SELECT * FROM read_text('file:///etc/hostname')", /disabled by configuration|Permission Error/i],
	// The parquet and json readers are extensions: not loaded, and loading one is refused below.
	["SELECT * FROM read_parquet('http://127.0.0.1:1/x.parquet')", /disabled by configuration|Permission Error|exists in the parquet extension/i],
	["SELECT * FROM read_json('data/manifest.json')", /disabled by configuration|Permission Error|exists in the json extension/i],
	['LOAD parquet', /disabled|Permission Error|not allowed/i],
	['INSTALL httpfs; LOAD httpfs', /disabled|Permission Error|not allowed/i],
	['LOAD httpfs', /disabled|Permission Error|not allowed/i],
	["ATTACH 'stolen.db' AS s", /disabled by configuration|Permission Error/i],
	["COPY (SELECT * FROM ocop_products) TO 'out.csv'", /disabled by configuration|Permission Error/i],
	["COPY (SELECT 1) TO 'https://example.com/upload.csv'", /disabled by configuration|Permission Error/i],
	['SET enable_external_access = true', /locked/i],
	['RESET enable_external_access', /locked/i],
	['SET lock_configuration = false', /locked/i],
	["SET GLOBAL enable_external_access = 'true'", /locked/i],
	['SET autoinstall_known_extensions = true', /locked/i]
];

async function run(sql: string): Promise<{ status: string | null; error: string }> {
	await page.getByTestId('sql-input').click();
	await page.keyboard.press('Control+a');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText(sql);
	const before = Number(await page.getByTestId('run-status').getAttribute('data-run'));
	await page.keyboard.press('Control+Enter');
	await page.waitForFunction(
		(n) => {
			const el = document.querySelector('[data-testid="run-status"]');
			return Number(el?.getAttribute('data-run')) > n && ['done', 'error', 'cancelled'].includes(el?.getAttribute('data-status') ?? '');
		},
		before,
		{ timeout: 60_000 }
	);
	const status = await page.getByTestId('run-status').getAttribute('data-status');
	const error = status === 'error' ? ((await page.getByTestId('query-error').textContent()) ?? '') : '';
	return { status, error };
}

beforeAll(async () => {
	browser = await launch({ width: 1280, height: 900 });
	page = await browser.context.newPage();
	await page.addInitScript('window.__name = (f) => f');
	page.on('request', (r) => requests.push(r.url()));
	await page.goto(base + '/query');
	await page.waitForFunction(() => document.querySelector('[data-testid="schema-browser"]')?.textContent?.includes('ocop_products'), undefined, { timeout: 90_000 });
});
afterAll(async () => browser?.close());

describe('SQL console sandbox', () => {
	it.each(REFUSED)('%s → refused', async (sql, message) => {
		const r = await run(sql);
		expect(r.status).toBe('error');
		expect(r.error).toMatch(message);
	});

	it('still answers ordinary queries, and the settings are what the box says', async () => {
		expect(await run("SELECT current_setting('enable_external_access')::VARCHAR AS ext, current_setting('lock_configuration')::VARCHAR AS locked, count(*) AS n FROM ocop_products")).toEqual({
			status: 'done',
			error: ''
		});
		const cells = await page.locator('[data-testid="result-grid"] tbody tr td').allTextContents();
		expect(cells).toEqual(['false', 'true', '4.781']);
	});

	it('asked nothing of any other origin', () => {
		const origin = new URL(base).origin;
		expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
	});
});
