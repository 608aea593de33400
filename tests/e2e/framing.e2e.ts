/**
 * Who may frame the dashboard. A page of another origin (a plain node:http server on a
 * free port, as a provincial portal would be) puts the site in an <iframe>:
 * - the dashboard's pages are refused by the browser (frame-ancestors 'none' and
 *   X-Frame-Options DENY from the server): the frame ends on Chromium's error page and
 *   none of the dashboard's document is in it;
 * - an embed (/embed/…) loads and shows its content.
 * The headers themselves are also checked on the wire for every route, so a server
 * that forgets them fails here, not in production.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { launch } from './browser';

const base = inject('baseUrl');

/** Every page of the dashboard that must not be framed. */
const PAGES = ['/', '/indicators/OC01', '/domains/ocop', '/compare', '/meeting', '/query', '/data'];
/** Embed pages to try, best first; the first one the server has is framed for real. */
const EMBED_CANDIDATES = ['/embed/card?indicator=OC01&unit=22@2025', '/embed/chart?indicator=OC01&unit=22@2025', '/embed/domain', '/embed/compare'];

let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
let portal: Server;
let portalUrl = '';

beforeAll(async () => {
	portal = createServer((req, res) => {
		const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '/';
		res.setHeader('Content-Type', 'text/html; charset=utf-8');
		res.end(`<!doctype html><title>Cổng thông tin</title><h1>Portal</h1>
<iframe id="f" src="${base}${src.replace(/"/g, '&quot;')}" width="900" height="600"></iframe>`);
	});
	await new Promise<void>((r) => portal.listen(0, '127.0.0.1', r));
	// localhost vs 127.0.0.1: a different host, so a different origin (and site) from the dashboard.
	portalUrl = `http://localhost:${(portal.address() as { port: number }).port}`;
	expect(new URL(portalUrl).origin).not.toBe(new URL(base).origin);
	browser = await launch();
	page = await browser.context.newPage();
});
afterAll(async () => {
	await browser?.close();
	await new Promise((r) => portal?.close(r));
});

async function frameOf(path: string): Promise<Frame> {
	await page.goto(`${portalUrl}/?src=${encodeURIComponent(path)}`);
	await page.waitForFunction(() => document.readyState === 'complete', undefined, { timeout: 60_000 });
	const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame());
	expect(frame).toBeDefined();
	return frame!;
}

/** The first embed path the server answers with 200, or null while /embed does not exist. */
async function existingEmbed(): Promise<string | null> {
	for (const p of EMBED_CANDIDATES) {
		const r = await fetch(base + p);
		if (r.ok && (r.headers.get('content-type') ?? '').includes('html')) return p;
	}
	return null;
}

describe('headers on the wire', () => {
	it.each(PAGES)('%s forbids framing', async (path) => {
		const r = await fetch(base + path);
		expect(r.status).toBe(200);
		const csp = r.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(r.headers.get('x-frame-options')).toBe('DENY');
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('/embed/* allows framing by any site and sends no X-Frame-Options', async () => {
		const path = (await existingEmbed()) ?? '/embed/any';
		const r = await fetch(base + path);
		const csp = r.headers.get('content-security-policy') ?? '';
		expect(csp).toContain('frame-ancestors *');
		expect(csp).not.toContain("frame-ancestors 'none'");
		expect(r.headers.get('x-frame-options')).toBeNull();
	});
});

describe('a page of another origin frames the site', () => {
	it.each(['/', '/query'])('%s is refused: the frame stays empty', async (path) => {
		const frame = await frameOf(path);
		// Chromium replaces a refused document with its own error page.
		await expect.poll(() => frame.url(), { timeout: 20_000 }).toMatch(/^chrome-error:/);
		const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
		expect(text).not.toMatch(/Tiến độ|Bảng chỉ tiêu|SQL/);
		expect(await frame.$('[data-testid]').catch(() => null)).toBeNull();
	});

	it('an embed loads inside the frame', async () => {
		const path = await existingEmbed();
		const frame = await frameOf(path ?? '/embed/any');
		// Without an /embed page yet, the server's 404 for it must still be framable.
		await expect.poll(() => frame.url(), { timeout: 20_000 }).toBe(base + (path ?? '/embed/any'));
		if (path) {
			await frame.waitForSelector('body *', { timeout: 60_000 });
			expect((await frame.evaluate(() => document.body.innerText)).length).toBeGreaterThan(0);
		}
	});
});
