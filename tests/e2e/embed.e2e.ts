/**
 * Embeds and exports in real Chromium against the site, on the default data.
 *
 * The embeds are opened inside an <iframe> of a page served by a tiny node:http server
 * on another port (another origin), as a provincial portal would; the figures inside the
 * frame are compared with the KPI engine's, computed here in Node with real DuckDB on the
 * same data. The card's prebaked figure must show while DuckDB cannot start (its wasm and
 * data requests are blocked). Exports are clicked on the indicator page's trend chart and
 * the downloaded files read back: PNG size from IHDR (≥ 1890 px = 16 cm at 300 dpi) and
 * its pHYs, SVG text, CSV and XLSX values against the engine.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import * as XLSX from '@e965/xlsx';
import { launch } from './browser';
import { openDataDir } from '../../scripts/lib/open-data';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';
import { computeScorecard, resolveUnit } from '../../src/lib/kpi/scorecard';
import type { IndicatorRow } from '../../src/lib/kpi/series';
import { loadTrend } from '../../src/lib/export/trend-data';
import { pngDpi, pngSize } from '../../src/lib/export/png';
import { formatNumber } from '../../src/lib/i18n/format';

const base = inject('baseUrl');
let browser: { context: BrowserContext; close: () => Promise<void> };
let host: Server;
let hostUrl: string;
let db: Db;
let catalogue: Map<string, IndicatorRow>;

/** The host page: one iframe of the embed, from another origin. */
function startHost(): Promise<void> {
	host = createServer((req, res) => {
		const u = new URL(req.url ?? '/', 'http://host');
		const src = base + (u.searchParams.get('src') ?? '/embed/card');
		const width = u.searchParams.get('w') ?? '800';
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.end(
			`<!doctype html><html lang="vi"><title>Cổng thông tin</title><body><h1>Portal</h1>` +
				`<iframe id="embed" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="${width}" height="640" style="border:0" title="embed"></iframe></body></html>`
		);
	});
	return new Promise((resolve) =>
		host.listen(0, '127.0.0.1', () => {
			hostUrl = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
			resolve();
		})
	);
}

async function openEmbed(page: Page, src: string, width = 800): Promise<Frame> {
	await page.goto(`${hostUrl}/?w=${width}&src=${encodeURIComponent(src)}`);
	const handle = await page.waitForSelector('#embed');
	const frame = (await handle.contentFrame())!;
	await frame.waitForSelector('[data-embed-ready="true"]', { timeout: 60_000 });
	return frame;
}

const waitQueries = (f: Frame | Page) =>
	f.waitForFunction(
		() => {
			const states = [...document.querySelectorAll('[data-query-state]')].map((e) => e.getAttribute('data-query-state'));
			return states.length > 0 && states.every((s) => s !== 'loading');
		},
		undefined,
		{ timeout: 90_000 }
	);

beforeAll(async () => {
	({ db } = await openDataDir('data'));
	catalogue = new Map(toRows<IndicatorRow>(await db.query('SELECT * FROM indicators')).map((r) => [r.code, r]));
	await startHost();
	browser = await launch({ width: 1280, height: 900 });
	// tsx may wrap functions passed to evaluate with a __name helper.
	await browser.context.addInitScript('window.__name = (f) => f');
});
afterAll(async () => {
	await browser?.close();
	host?.close();
});

describe('embeds in an iframe of another origin', () => {
	it('the host page is another origin than the site', () => {
		expect(new URL(hostUrl).origin).not.toBe(new URL(base).origin);
	});

	it('KPI card: the figure, target and achievement equal the engine; source and as-of inside the frame', async () => {
		const unit = (await resolveUnit(db, '34@2024'))!;
		const card = await computeScorecard(db, { unit, year: 2025 });
		const row = card.rows.find((r) => r.indicator === 'OC01' && r.unit_code === '34' && r.plan === '2021-2025')!;
		// Thái Bình's published figure: 194 products 3★+ on 30/6/2025 against a target of 150.
		expect(row.actual).toBe(194);
		const page = await browser.context.newPage();
		const frame = await openEmbed(page, '/embed/card?indicator=OC01&unit=34@2024&year=2025', 360);
		await frame.waitForSelector('[data-testid="embed-card"][data-state="live"]', { timeout: 90_000 });
		const value = frame.getByTestId('card-value');
		expect(Number(await value.getAttribute('data-value'))).toBe(row.actual);
		expect(await value.textContent()).toContain(formatNumber('vi', row.actual));
		expect((await frame.getByTestId('card-target').textContent())!.trim()).toBe('150');
		expect(Number(await frame.getByTestId('card-achievement').getAttribute('data-value'))).toBeCloseTo(row.achievement!, 9);
		const source = (await frame.getByTestId('embed-source').textContent())!;
		expect(source).toMatch(/^Nguồn: /);
		expect(source).toContain('OCOP');
		expect(source).toContain(row.document);
		expect(source).toContain('Số liệu đến 31/10/2026');
		// Fits a 360 px frame: no horizontal scroll.
		expect(await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
		await page.close();
	});

	it('KPI card: the prebaked figure shows while DuckDB cannot start', async () => {
		const unit = (await resolveUnit(db, '34@2024'))!;
		const year = (JSON.parse(readFileSync('static/data/prebaked.json', 'utf8')) as { year: number }).year;
		const row = (await computeScorecard(db, { unit, year })).rows.find((r) => r.indicator === 'OC01' && r.unit_code === '34' && r.plan === '2021-2025')!;
		const page = await browser.context.newPage();
		let blocked = 0;
		// No database: its wasm, its worker and the Arrow files never arrive.
		await page.route(/\.(wasm|arrow)(\?|$)|duckdb-browser.*\.worker/, (route) => {
			blocked++;
			return route.abort();
		});
		const frame = await openEmbed(page, `/embed/card?indicator=OC01&unit=34@2024&year=${year}&lang=en`);
		await frame.waitForSelector('[data-testid="embed-card"][data-state="prebaked"]', { timeout: 30_000 });
		expect(Number(await frame.getByTestId('card-value').getAttribute('data-value'))).toBe(row.actual);
		expect(await frame.getByTestId('card-value').textContent()).toContain(formatNumber('en', row.actual));
		expect(await frame.getByTestId('embed-source').textContent()).toMatch(/^Source: .*Data as of 31 Oct 2026/);
		await page.waitForTimeout(3000);
		expect(blocked).toBeGreaterThan(0);
		expect(await frame.getByTestId('embed-card').getAttribute('data-state')).toBe('prebaked');
		await page.close();
	});

	it('trend chart: the actual values drawn equal the engine, title and source inside the chart', async () => {
		const unit = (await resolveUnit(db, '22@2024'))!;
		const ind = catalogue.get('OC01')!;
		const d = await loadTrend(db, { indicator: ind, unit, year: 2024, firstYear: 2019 });
		// Quảng Ninh's published count: 346 on 31/12/2023.
		expect(d.model.actual.find((p) => p.year === 2023)?.value).toBe(346);
		const page = await browser.context.newPage();
		const frame = await openEmbed(page, '/embed/chart?kind=trend&indicator=OC01&unit=22@2024&year=2024&theme=dark', 800);
		await waitQueries(frame);
		const chart = frame.getByTestId('embed-trend-chart');
		await chart.locator('svg').waitFor();
		await frame.waitForFunction(() => document.querySelector('[data-testid="embed-trend-chart"]')?.getAttribute('data-rendered'));
		const texts = await chart.locator('svg text').allTextContents();
		const joined = texts.join('\n');
		expect(joined).toContain(`OC01 · ${ind.name_vi}`);
		expect(texts.some((x) => /^Nguồn: .*Số liệu đến 31\/10\/2026/.test(x) || x.startsWith('Nguồn:'))).toBe(true);
		expect(joined).toContain('31/10/2026');
		// Every actual reading the engine gives is a label on the chart (vi-VN numbers).
		const labels = new Set(texts.map((x) => x.trim()));
		for (const p of d.model.actual) expect(labels.has(formatNumber('vi', p.value)), `value ${p.value} (${p.year})`).toBe(true);
		expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		await page.close();
	});

	it('domain chart: the block alone, with its source', async () => {
		const page = await browser.context.newPage();
		const frame = await openEmbed(page, '/embed/domain?domain=ocop&chart=ocop-stars&unit=22@2024&year=2023', 800);
		await frame.getByTestId('ocop-stars').waitFor({ timeout: 90_000 });
		await waitQueries(frame);
		expect(await frame.locator('section.block').count()).toBe(1);
		const text = (await frame.getByTestId('ocop-stars').textContent())!;
		// 31/12/2023: 256 three-star, 86 four-star, 4 five-star = 346 (published).
		for (const n of ['346', '256', '86']) expect(text).toContain(n);
		expect(await frame.locator('[data-testid="chart-tools"]').count()).toBe(0);
		await page.close();
	});

	it('wrong parameters: a bilingual message inside the frame, values printed as text only', async () => {
		const page = await browser.context.newPage();
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		const evil = '<img src=x onerror=alert(1)>';
		const frame = await openEmbed(page, `/embed/chart?kind=trend&indicator=${encodeURIComponent(evil)}&unit=99&year=1900`, 320);
		const box = frame.getByTestId('embed-invalid');
		await box.waitFor();
		const text = (await box.textContent())!;
		expect(text).toContain('Không hiển thị được · Cannot display');
		expect(text).toContain('unknown indicator');
		expect(text).toContain(evil);
		expect(text).toContain('không có đơn vị "99"');
		expect(text).toContain('năm "1900" ngoài khoảng 2019–2026');
		expect(await frame.locator('img').count()).toBe(0);
		await page.waitForTimeout(500);
		expect(dialogs).toBe(0);
		await page.close();
	});
});

describe('export from the indicator page', () => {
	let page: Page;
	let d: Awaited<ReturnType<typeof loadTrend>>;

	beforeAll(async () => {
		const unit = (await resolveUnit(db, '22@2024'))!;
		d = await loadTrend(db, { indicator: catalogue.get('OC01')!, unit, year: 2024, firstYear: 2019 });
		page = await browser.context.newPage();
		await page.goto(base + '/indicators/OC01?unit=22@2024&year=2024');
		await page.getByTestId('trend-chart').locator('svg').waitFor({ timeout: 90_000 });
	});
	afterAll(async () => page?.close());

	const trendTools = () => page.locator('section.trend [data-testid="chart-tools"]');
	async function download(format: string): Promise<{ name: string; bytes: Buffer }> {
		await trendTools().getByTestId('export-toggle').click();
		const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), trendTools().getByTestId(`export-${format}`).click()]);
		const bytes = readFileSync((await dl.path())!);
		if (process.env.E2E_SHOTS) writeFileSync(`${process.env.E2E_SHOTS}/${dl.suggestedFilename()}`, bytes);
		return { name: dl.suggestedFilename(), bytes };
	}
	const today = () => {
		const n = new Date();
		return `${n.getFullYear()}-${String(n.getMonth() + 1).padStart(2, '0')}-${String(n.getDate()).padStart(2, '0')}`;
	};

	it('PNG: print resolution (≥ 1890 px wide, 300 dpi), named by indicator, unit, years and day', async () => {
		const { name, bytes } = await download('png');
		expect(name).toBe(`OC01_quang-ninh_2019-2024_${today()}.png`);
		const size = pngSize(new Uint8Array(bytes));
		expect(size.width).toBeGreaterThanOrEqual(1890);
		expect(size.height).toBeGreaterThan(800);
		expect(pngDpi(new Uint8Array(bytes))).toBe(300);
	});

	it('SVG: the caption is text inside it', async () => {
		const { name, bytes } = await download('svg');
		expect(name).toBe(`OC01_quang-ninh_2019-2024_${today()}.svg`);
		const svg = bytes.toString('utf8');
		expect(svg.startsWith('<svg')).toBe(true);
		expect(svg).toContain(`OC01 · ${catalogue.get('OC01')!.name_vi}`);
		expect(svg).toMatch(/Nguồn: [^<]*Số liệu đến 31\/10\/2026/);
		expect(svg).toContain('>346<');
	});

	it('CSV: head with title and source, then the rows the chart draws, equal to the engine', async () => {
		const { name, bytes } = await download('csv');
		expect(name.endsWith('.csv')).toBe(true);
		const text = bytes.toString('utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const lines = text.slice(1).split('\r\n');
		expect(lines[0]).toBe(`OC01 · ${catalogue.get('OC01')!.name_vi}`);
		expect(lines[2]).toMatch(/^"?Nguồn: /);
		const actual = lines.filter((l) => l.startsWith('Thực hiện,')).map((l) => l.split(','));
		expect(actual.map((c) => [Number(c[1]), c[2], Number(c[3])])).toEqual(d.model.actual.map((p) => [p.year, p.asOf, p.value]));
	});

	it('XLSX: read back, numbers are numbers and equal the engine', async () => {
		const { bytes } = await download('xlsx');
		const wb = XLSX.read(bytes, { type: 'buffer' });
		const aoa = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]], { header: 1, blankrows: true, defval: null });
		expect(aoa[0][0]).toBe(`OC01 · ${catalogue.get('OC01')!.name_vi}`);
		const actual = aoa.filter((r) => r[0] === 'Thực hiện');
		expect(actual).toEqual(d.model.actual.map((p) => ['Thực hiện', p.year, p.asOf, p.value, null]));
	});

	it('"Nhúng": a dialog with the iframe code of this chart, keyboard only', async () => {
		const open = trendTools().getByTestId('embed-open');
		await open.focus();
		await page.keyboard.press('Enter');
		const dialog = trendTools().getByTestId('embed-dialog');
		await dialog.waitFor({ state: 'visible' });
		const code = await dialog.getByTestId('embed-code').inputValue();
		expect(code).toMatch(/^<iframe src="http:\/\/[^"]+\/embed\/chart\?kind=trend&amp;indicator=OC01&amp;unit=22%402024&amp;year=2024&amp;lang=vi&amp;theme=light&amp;h=\d+" width="100%" height="\d+" style="border:0" title="OC01 · [^"]+" loading="lazy"><\/iframe>$/);
		// The preview opens the same address.
		const href = (await dialog.getByTestId('embed-preview').getAttribute('href'))!;
		await page.screenshot({ path: process.env.E2E_SHOTS ? `${process.env.E2E_SHOTS}/embed-dialog.png` : undefined });
		// Focus stays inside the modal dialog: Tab through every control and still be in it.
		for (let i = 0; i < 8; i++) {
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
		}
		expect(code).toContain(href.replace(/&/g, '&amp;'));
		await page.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden' });
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('embed-open');
	});
});
