/**
 * No script from data runs, in real Chromium. Payloads (tests/fixtures/xss-payloads.ts)
 * go into every place text from outside reaches the page:
 * 1. URL parameters of every route (filters, query link, embed parameters) and the hash;
 * 2. query results in the SQL console: values, column names, an error message, a table
 *    name in the schema browser, and the chart made from the result (tooltip included);
 * 3. uploaded data, under file names that are payloads: OCOP products and producers named
 *    with payloads, target documents and notes made of payloads (applied, then the pages
 *    that show them are opened and their charts hovered), and javascript:/data: links as
 *    source URLs (refused by the validator; the report shows them as text).
 * After each: no dialog opened, `window.__xss` (which every payload would set) is
 * undefined, the DOM holds no element with an inline handler, javascript: link, srcdoc
 * frame or <img src=x>; where the text is shown, it is shown literally.
 *
 * The CSP would stop an injected handler from running; the DOM checks catch the
 * injection itself, so the test does not lean on the CSP.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser';
import { SHORT_PAYLOAD, XSS_PAYLOADS } from '../fixtures/xss-payloads';

const base = inject('baseUrl');
/** Payloads that open a dialog instead of setting a flag: page.on('dialog') must stay silent. */
const PAYLOADS = [...XSS_PAYLOADS, '<img src=x onerror=alert(1)>', '"><svg onload=confirm(1)>'];

/** Every route, with the parameters it reads; embeds are tried if the site has them. */
const ROUTES = ['/', '/indicators/OC01', '/domains/ocop', '/domains/budget', '/compare', '/meeting', '/query', '/data'];
/** Pages that may not exist in every build (embeds, the report): tried when the site has them. */
const EMBED_ROUTES = ['/embed/card', '/embed/chart', '/embed/domain', '/embed/compare', '/report'];
const PARAMS = ['unit', 'year', 'plan', 'domain', 'lang', 'late', 'indicator', 'slide', 'view', 'kind', 'per', 'spark', 'from', 'q'];
const LOADS_PER_ROUTE = Math.ceil(PAYLOADS.length / PARAMS.length) + 1;

let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
const dialogs: string[] = [];
const tried: Record<string, number> = {};
const tmp = mkdtempSync(join(tmpdir(), 'tiendo-xss-'));

interface Injection {
	xss: unknown;
	handlers: string[];
	jsLinks: number;
	srcdoc: number;
	imgX: number;
	scripts: string[];
}

/** What a successful injection would leave behind. */
const injected = (p: Page): Promise<Injection> =>
	p.evaluate(() => {
		const all = [...document.querySelectorAll('*')];
		return {
			xss: (window as unknown as { __xss?: unknown }).__xss,
			handlers: all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 120)),
			jsLinks: all.filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? '')).length,
			srcdoc: document.querySelectorAll('iframe[srcdoc]').length,
			imgX: document.querySelectorAll('img[src="x"]').length,
			// An injected <script> element (inert once parsed as markup, but there): its text is the payload's.
			// SvelteKit's own start-up script may quote a parameter, JSON-escaped (\u003C): that is not one.
			scripts: [...document.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '').filter((t) => /^\s*(window|parent)\.__xss/.test(t))
		};
	});

async function expectClean(p: Page, where: string) {
	const r = await injected(p);
	expect(r, where).toEqual({ xss: undefined, handlers: [], jsLinks: 0, srcdoc: 0, imgX: 0, scripts: [] });
	expect(dialogs, where).toEqual([]);
}

const count = (place: string, n: number) => (tried[place] = (tried[place] ?? 0) + n);

beforeAll(async () => {
	browser = await launch({ width: 1280, height: 900 });
	page = await browser.context.newPage();
	await page.addInitScript('window.__name = (f) => f');
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void d.dismiss();
	});
});
afterAll(async () => {
	console.log(`payloads tried per place: ${JSON.stringify(tried)}`);
	await browser?.close();
	rmSync(tmp, { recursive: true, force: true });
});

describe('URL parameters', () => {
	const routes = [...ROUTES, ...EMBED_ROUTES];
	it.for(routes)('%s: every parameter, every payload', async (route, ctx) => {
		if (EMBED_ROUTES.includes(route)) {
			const r = await fetch(base + route);
			if (!r.ok) return ctx.skip(`${route} does not exist in this build`);
		}
		const seen = new Set<string>();
		for (let k = 0; k < LOADS_PER_ROUTE; k++) {
			const q = new URLSearchParams();
			PARAMS.forEach((name, j) => {
				const payload = PAYLOADS[(k * PARAMS.length + j) % PAYLOADS.length];
				q.set(name, payload);
				seen.add(payload);
			});
			const hash = encodeURIComponent(PAYLOADS[k % PAYLOADS.length]);
			await page.goto(`${base}${route}?${q}#${hash}`);
			await page.waitForLoadState('load');
			await page.waitForTimeout(1500);
			await expectClean(page, `${route} load ${k}`);
		}
		expect(seen.size).toBe(PAYLOADS.length);
		count(`url:${route}`, seen.size);
	});

	it('a payload as a path segment (indicator code, domain)', async () => {
		for (const path of ['/indicators/', '/domains/']) {
			await page.goto(base + path + encodeURIComponent(SHORT_PAYLOAD));
			await page.waitForTimeout(800);
			await expectClean(page, path);
		}
		count('url:path-segment', 1);
	});
});

describe('SQL console', () => {
	const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
	const id = (s: string) => `"${s.replaceAll('"', '""')}"`;

	async function run(sql: string) {
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
		return page.getByTestId('run-status').getAttribute('data-status');
	}

	beforeAll(async () => {
		await page.goto(base + '/query');
		// The database is ready when the schema browser lists the tables.
		await page.waitForFunction(() => document.querySelector('[data-testid="schema-browser"]')?.textContent?.includes('ocop_products'), undefined, { timeout: 90_000 });
	});

	it('values in the result grid are text, shown literally', async () => {
		const sql = `SELECT v AS ${id(PAYLOADS[1])}, n AS ${id(PAYLOADS[2] + ' n')} FROM (VALUES ${PAYLOADS.map((p, i) => `(${lit(p)}, ${i + 1})`).join(', ')}) t(v, n) ORDER BY n`;
		expect(await run(sql)).toBe('done');
		await page.waitForSelector('[data-testid="result-grid"] tbody tr td', { timeout: 30_000 });
		const cells = await page.locator('[data-testid="result-grid"] tbody tr td:first-of-type').allTextContents();
		expect(cells.length).toBeGreaterThan(5);
		for (const [i, c] of cells.entries()) expect(c).toBe(PAYLOADS[i]);
		const header = await page.locator('[data-testid="result-grid"] thead').textContent();
		expect(header).toContain(PAYLOADS[1]);
		await expectClean(page, 'grid');
		count('query:values', PAYLOADS.length);
	});

	it('the chart of that result, its labels and its tooltip', async () => {
		await page.locator('[data-view="bar"]').click();
		const chart = page.getByTestId('result-chart');
		await chart.locator('svg').waitFor();
		await page.waitForFunction(() => document.querySelector('[data-testid="result-chart"]')?.getAttribute('data-rendered'));
		const box = (await chart.boundingBox())!;
		// Hover across the plot so the axis tooltip (series and category names) is drawn.
		for (let x = box.x + 60; x < box.x + box.width - 20; x += 40) await page.mouse.move(x, box.y + box.height / 2);
		await page.waitForTimeout(300);
		const tooltip = await page.evaluate(() =>
			[...document.querySelectorAll('[data-testid="result-chart"] div')].map((d) => d.textContent ?? '').filter((t) => t.includes('src=x')).join('|')
		);
		expect(tooltip).toMatch(/<img|<svg|<script|onerror/);
		expect(await chart.getAttribute('aria-label')).toBeTruthy();
		await expectClean(page, 'chart');
		await page.locator('[data-view="table"]').click();
		count('query:chart', PAYLOADS.length);
	});

	it('column names', async () => {
		const sql = `SELECT ${PAYLOADS.map((p, i) => `${i} AS ${id(p)}`).join(', ')}`;
		expect(await run(sql)).toBe('done');
		const header = await page.locator('[data-testid="result-grid"] thead th').allTextContents();
		for (const p of PAYLOADS.slice(0, 5)) expect(header.some((h) => h.includes(p))).toBe(true);
		await expectClean(page, 'column names');
		count('query:column-names', PAYLOADS.length);
	});

	it('an error message quoting the payload', async () => {
		for (const p of PAYLOADS) {
			expect(await run(`SELECT ${id(p)} FROM units`)).toBe('error');
			await expectClean(page, `error ${p}`);
		}
		expect(await page.getByTestId('query-error').textContent()).toContain(PAYLOADS.at(-1));
		count('query:error-message', PAYLOADS.length);
	});

	it('table and column names in the schema browser', async () => {
		const p = PAYLOADS.slice(0, 6);
		expect(await run(p.map((x, i) => `CREATE OR REPLACE TABLE ${id(x)} AS SELECT ${i} AS ${id(p[(i + 1) % p.length])}`).join('; '))).toBe('done');
		// A new query refreshes the schema; open the page again if the browser lists tables only at start.
		await page.waitForTimeout(500);
		const text = (await page.getByTestId('schema-browser').textContent()) ?? '';
		if (!p.some((x) => text.includes(x))) {
			await page.reload();
			await page.waitForSelector('[data-testid="schema-browser"]', { timeout: 90_000 });
		}
		await expectClean(page, 'schema browser');
		count('query:schema-browser', p.length * 2);
	});
});

describe('uploaded data and file names', () => {
	const csvField = (v: string) => `"${v.replaceAll('"', '""')}"`;

	/** data/<name>.csv with some columns rewritten row by row. */
	function rewritten(name: string, columns: Record<string, (i: number, old: string) => string>): Buffer {
		const lines = readFileSync(`data/${name}.csv`, 'utf8').trimEnd().split('\n');
		const header = lines[0].split(',');
		const rows = lines.slice(1).map((line, i) => {
			const f = splitCsvLine(line);
			for (const [col, fn] of Object.entries(columns)) f[header.indexOf(col)] = fn(i, f[header.indexOf(col)]);
			return f.map(csvField).join(',');
		});
		return Buffer.from([lines[0], ...rows].join('\n') + '\n');
	}

	/** Drop a file on /data, choose to replace `dataset`, check it; apply when valid. */
	async function upload(fileName: string, bytes: Buffer, dataset: string): Promise<'applied' | 'invalid'> {
		await page.goto(base + '/data');
		await page.waitForSelector('main[data-db="ready"]', { timeout: 90_000 });
		await page.setInputFiles('[data-testid="file-input"]', { name: fileName, mimeType: 'text/csv', buffer: bytes });
		const sheet = page.locator('[data-testid="sheet"]').first();
		await sheet.waitFor({ timeout: 60_000 });
		await expectClean(page, `${fileName}: sheet card`);
		expect(await page.locator('main').textContent()).toContain(fileName.slice(0, 20));
		// The file name does not say which dataset: choose to replace one, and which.
		await sheet.getByTestId('choice-replace').check();
		const select = sheet.getByTestId('dataset-select');
		await select.waitFor();
		await select.selectOption(dataset);
		await sheet.getByTestId('check').click();
		await Promise.race([sheet.getByTestId('valid').waitFor({ timeout: 90_000 }), sheet.getByTestId('invalid').waitFor({ timeout: 90_000 })]);
		await expectClean(page, `${fileName}: validation report`);
		if (await sheet.getByTestId('invalid').count()) return 'invalid';
		await sheet.getByTestId('apply').click();
		await sheet.getByTestId('applied').waitFor({ timeout: 90_000 });
		await expectClean(page, `${fileName}: applied`);
		return 'applied';
	}

	/** Open a page on the uploaded data, hover its charts (tooltips from names), check it. */
	async function visit(route: string): Promise<string> {
		await page.goto(base + route);
		await page.waitForLoadState('load');
		await page.waitForSelector('[data-state="live"], main[data-db="ready"], [data-query-state="ready"]', { timeout: 90_000 }).catch(() => {});
		await page.waitForTimeout(2000);
		for (const chart of await page.locator('[role="img"] svg, .chart svg').all()) {
			const b = await chart.boundingBox();
			if (!b || b.width < 100 || b.height < 60) continue;
			for (let y = b.y + 10; y < b.y + Math.min(b.height, 400); y += 30) await page.mouse.move(b.x + b.width / 3, y);
		}
		await expectClean(page, route);
		return page.evaluate(() => document.body.innerText);
	}

	it('OCOP products and producers named with payloads, from a file named with one', async () => {
		const bytes = rewritten('ocop_products', {
			product_name: (i) => PAYLOADS[i % PAYLOADS.length],
			producer_name: (i) => PAYLOADS[(i + 5) % PAYLOADS.length]
		});
		expect(await upload(`${SHORT_PAYLOAD}"><svg onload=window.__xss=1>ocop.csv`, bytes, 'ocop_products')).toBe('applied');
		count('upload:file-name', 2);
		const shown: string[] = [];
		for (const route of ['/indicators/OC01?unit=22@2024', '/domains/ocop?unit=22@2024', '/?unit=22@2024']) shown.push(await visit(route));
		// The records behind the number list the products by name: the payloads, as text.
		expect(PAYLOADS.filter((p) => shown.join('\n').includes(p)).length).toBeGreaterThan(3);
		count('upload:data ocop_products (3 pages)', PAYLOADS.length * 2);
	});

	it('target documents and notes named with payloads', async () => {
		const bytes = rewritten('targets', { document: (i) => `${PAYLOADS[i % PAYLOADS.length]} ${i}`, note: (i) => PAYLOADS[(i + 3) % PAYLOADS.length] });
		expect(await upload('targets.csv', bytes, 'targets')).toBe('applied');
		const shown: string[] = [];
		for (const route of ['/?unit=34@2024', '/indicators/OC01?unit=34@2024', '/meeting?unit=34@2024', '/compare?indicator=OC01']) shown.push(await visit(route));
		expect(PAYLOADS.filter((p) => shown.join('\n').includes(p)).length).toBeGreaterThan(3);
		count('upload:data targets (4 pages)', PAYLOADS.length * 2);
	});

	it('a javascript: link in the data is refused by the validator, and the report shows it as text', async () => {
		const links = ['javascript:window.__xss=1', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', ' javascript:alert(1)', 'vbscript:msgbox(1)'];
		const bytes = rewritten('targets', { source_url: (i, old) => (i < links.length ? links[i] : old) });
		expect(await upload('targets.csv', bytes, 'targets')).toBe('invalid');
		const problems = (await page.getByTestId('problem').allTextContents()).join('\n');
		expect(problems).toContain('source_url');
		expect(problems).toContain('javascript:window.__xss=1');
		count('upload:source_url links', links.length);
	});

	it('back to the published data', async () => {
		await page.goto(base + '/data');
		await page.waitForSelector('main[data-db="ready"]', { timeout: 90_000 });
		if (await page.getByTestId('reset').count()) {
			await page.getByTestId('reset').click();
			await page.getByTestId('stored-none').waitFor({ timeout: 60_000 });
		}
		await expectClean(page, 'reset');
	});
});

/** One CSV record of the default data (quoted fields may hold commas). */
function splitCsvLine(line: string): string[] {
	const out: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') out.push(field), (field = '');
		else field += c;
	}
	out.push(field);
	return out;
}
