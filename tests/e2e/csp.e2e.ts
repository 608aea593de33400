/**
 * The Content-Security-Policy of the pages as served (and, when the built site is on disk,
 * of every prerendered HTML file in build/):
 * - every inline <script> is allowed by a sha256 hash in script-src, computed here from
 *   the bytes the browser receives; there is no 'unsafe-inline' and no 'unsafe-eval' for
 *   scripts, and 'wasm-unsafe-eval' (DuckDB-WASM) is the only relaxation;
 * - no directive names a third-party origin; no element loads anything from one;
 * - no inline event handler attribute (onclick=…) exists, since a hash cannot allow it;
 * - the policy is enforced: an injected inline script is refused by Chromium.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from './browser';

const base = inject('baseUrl');
const ROUTES = ['/', '/indicators/OC01', '/domains/ocop', '/domains/budget', '/compare', '/meeting', '/query', '/data'];
/** Embeds, when the site has them (checked at run time). */
const EMBEDS = ['/embed/card', '/embed/chart', '/embed/domain', '/embed/compare', '/report'];
const BUILD = process.env.TIENDO_BUILD ?? 'build';

type Directives = Map<string, string[]>;

function parsePolicy(policy: string): Directives {
	const out: Directives = new Map();
	for (const part of policy.split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (name) out.set(name.toLowerCase(), values);
	}
	return out;
}

/** The policy a page runs under: its <meta> tag (built site) or, failing that, the header (dev server). */
function policyOf(html: string, header: string | null): string {
	const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
	if (meta) return meta[1].replaceAll('&#39;', "'").replaceAll('&quot;', '"');
	return (header ?? '').split(',').find((p) => p.includes('script-src')) ?? '';
}

function inlineScripts(html: string): string[] {
	return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

function checkPage(where: string, html: string, policy: string) {
	const d = parsePolicy(policy);
	const script = d.get('script-src') ?? d.get('default-src') ?? [];
	expect(script, where).toContain("'self'");
	expect(script, where).toContain("'wasm-unsafe-eval'");
	expect(script, where).not.toContain("'unsafe-inline'");
	expect(script, where).not.toContain("'unsafe-eval'");
	expect(script.filter((s) => !/^'(self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/=]+)'$/.test(s)), where).toEqual([]);
	for (const body of inlineScripts(html)) expect(script, `${where}: inline script not hashed`).toContain(sha256(body));
	expect(d.get('object-src'), where).toEqual(["'none'"]);
	expect(d.get('default-src'), where).toEqual(["'self'"]);
	// No origin but our own anywhere in the policy.
	for (const [name, values] of d) {
		for (const v of values) expect(v, `${where}: ${name}`).toMatch(/^('[^']+'|data:|blob:)$/);
	}
	// Nothing loaded from elsewhere, and no handler attributes a hash could not cover.
	const loads = [...html.matchAll(/<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*\s(?:src|href)="([^"]*)"/gi)].map((m) => m[1]);
	expect(loads.filter((u) => /^(https?:)?\/\//i.test(u)), `${where}: third-party load`).toEqual([]);
	expect(html.match(/<[^>]+\son[a-z]+\s*=/gi) ?? [], `${where}: inline handler`).toEqual([]);
}

describe('policy of the pages as served', () => {
	it.for([...ROUTES, ...EMBEDS])('%s', async (path, ctx) => {
		const r = await fetch(base + path);
		if (EMBEDS.includes(path) && r.status === 404) return ctx.skip();
		expect(r.status).toBe(200);
		const html = await r.text();
		const policy = policyOf(html, r.headers.get('content-security-policy'));
		expect(policy, 'no policy at all').toContain('script-src');
		checkPage(path, html, policy);
	});
});

describe('every prerendered page in the build', () => {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const p = join(dir, name);
			if (statSync(p).isDirectory()) walk(p);
			else if (name.endsWith('.html')) files.push(p);
		}
	};
	if (existsSync(BUILD)) walk(BUILD);

	it.skipIf(files.length === 0)(`has a hashed policy (${BUILD}/**/*.html)`, () => {
		expect(files.length).toBeGreaterThan(5);
		for (const f of files) {
			const html = readFileSync(f, 'utf8');
			const policy = policyOf(html, null);
			expect(policy, `${f}: no <meta> policy`).toContain('script-src');
			checkPage(f, html, policy);
		}
	});
});

describe('the policy is enforced', () => {
	let browser: { context: BrowserContext; close: () => Promise<void> };
	let page: Page;
	beforeAll(async () => {
		browser = await launch();
		page = await browser.context.newPage();
	});
	afterAll(async () => browser?.close());

	it('an injected inline script and an inline handler do not run', async () => {
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
		});
		await page.goto(base + '/');
		await page.evaluate(() => {
			const s = document.createElement('script');
			s.textContent = 'window.__xss = 1';
			document.body.append(s);
			const img = document.createElement('img');
			img.setAttribute('onerror', 'window.__xss = 2');
			img.src = 'data:,not-an-image';
			document.body.append(img);
		});
		await page.waitForTimeout(500);
		expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		expect(violations.length).toBeGreaterThan(0);
	});
});
