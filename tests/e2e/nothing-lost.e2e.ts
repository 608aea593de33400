/**
 * Nothing lost: the page is killed (renderer crash through CDP `Page.crash`) in the
 * middle of replacing a dataset, at each step of the upload store's write — before the
 * uploaded file is stored, before the new manifest is written, after it — and reopened.
 * The store announces each step on <html data-upload-write> and holds there when the
 * page defines `window.__tiendoStoreHook` (src/lib/upload/store.ts), so the crash comes
 * at a known moment.
 *
 * Killed before the manifest: the previous version (published, or the previous upload)
 * is what the scorecard shows, and the banner agrees. Killed after it: the new upload,
 * and the banner agrees. Back to published data works afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch } from './browser';
import { OCOP, ocopInForce, type OcopRecord } from '../fixtures/spreadsheets/truth';
import { DATASETS } from '../../src/lib/data/schema';

const base = inject('baseUrl');
const GOOD = path.resolve(__dirname, '../fixtures/spreadsheets/so-khcn-quang-ninh-ocop-2026.xlsx');
const EXPECTED = String(ocopInForce(OCOP, '22', '2026-10-31'));

/**
 * A second replacement of ocop_products, in the contract's CSV format: Quảng Ninh's
 * certificates less one that is in force, so its number differs from the first upload's.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'tiendo-nothing-lost-'));
const SECOND = path.join(dir, 'ocop-quang-ninh-ban-2.csv');
const SECOND_RECORDS = (() => {
	const qn = OCOP.filter((r) => r.province_code === '22');
	for (let i = qn.length - 1; i >= 0; i--) {
		const less = qn.filter((_, k) => k !== i);
		if (ocopInForce(less, '22', '2026-10-31') !== ocopInForce(qn, '22', '2026-10-31')) return less;
	}
	throw new Error('no certificate in force to leave out');
})();
const EXPECTED_SECOND = String(ocopInForce(SECOND_RECORDS, '22', '2026-10-31'));
{
	const columns = DATASETS.find((d) => d.name === 'ocop_products')!.columns.map((c) => c.name).filter((c) => c !== 'provenance');
	const cell = (v: unknown) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
	const lines = [columns.join(','), ...SECOND_RECORDS.map((r) => columns.map((c) => cell((r as unknown as Record<string, unknown>)[c as keyof OcopRecord])).join(','))];
	writeFileSync(SECOND, lines.join('\n') + '\n');
}

let browser: Awaited<ReturnType<typeof launch>>;
let published: string;

const waitDb = (p: Page) => p.waitForSelector('main[data-db="ready"]', { timeout: 90_000 });
const oc01 = (p: Page) => p.locator('tr[data-indicator="OC01"][data-unit="22@2025"]').first().getByTestId('actual').locator('strong');

/** OC01 of Quảng Ninh and the banner's text; `banner`: whether one is expected (it may render a moment after the numbers). */
async function scorecard(p: Page, banner: boolean): Promise<{ oc01: string; banner: string | null }> {
	await p.goto(base + '/');
	await p.waitForSelector('[data-state="live"]', { timeout: 90_000 });
	const b = p.getByTestId('upload-banner');
	if (banner) await b.waitFor({ timeout: 15_000 });
	else await p.waitForTimeout(1500);
	return { oc01: (await oc01(p).textContent())!.trim(), banner: (await b.count()) ? await b.textContent() : null };
}

async function storedRows(p: Page): Promise<number> {
	await p.goto(base + '/data');
	await waitDb(p);
	await p.locator('[data-testid="stored-row"], [data-testid="stored-none"]').first().waitFor({ timeout: 60_000 });
	return p.getByTestId('stored-row').count();
}

/** Upload `file` on /data as ocop_products and apply it; `holdAt`: crash the page at that write step. */
async function replace(file: string, holdAt: 'blob' | 'manifest' | 'cleanup' | null): Promise<void> {
	const p = await browser.context.newPage();
	await p.addInitScript(() => {
		const w = window as unknown as { __tiendoStoreHook: (step: string) => unknown; __holdAt?: string };
		w.__tiendoStoreHook = (step) => (step === w.__holdAt ? new Promise(() => {}) : undefined);
	});
	await p.goto(base + '/data');
	await waitDb(p);
	await p.evaluate((s) => ((window as unknown as { __holdAt?: string }).__holdAt = s ?? undefined), holdAt);
	await p.setInputFiles('[data-testid="file-input"]', file);
	const sheet = p.locator(`[data-testid="file"][data-file="${path.basename(file)}"] [data-testid="sheet"]`).first();
	await sheet.waitFor({ timeout: 60_000 });
	if ((await sheet.getByTestId('dataset-select').inputValue()) !== 'ocop_products') await sheet.getByTestId('dataset-select').selectOption('ocop_products');
	await sheet.waitFor();
	expect(await sheet.getByTestId('dataset-select').inputValue()).toBe('ocop_products');
	await sheet.getByTestId('check').click();
	await sheet.getByTestId('valid').waitFor({ timeout: 60_000 });
	await sheet.getByTestId('apply').click();
	if (!holdAt) {
		await sheet.getByTestId('applied').waitFor({ timeout: 60_000 });
		await p.close();
		return;
	}
	// The write has reached the step and is held there: kill the renderer now.
	await p.waitForSelector(`html[data-upload-write="${holdAt}"]`, { state: 'attached', timeout: 60_000 });
	const cdp = await browser.context.newCDPSession(p);
	const crashed = p.waitForEvent('crash', { timeout: 30_000 });
	void cdp.send('Page.crash').catch(() => {});
	await crashed;
	await p.close().catch(() => {});
}

beforeAll(async () => {
	browser = await launch({ width: 1280, height: 900 });
	const p = await browser.context.newPage();
	published = (await scorecard(p, false)).oc01;
	await p.close();
	expect(published).not.toBe(EXPECTED);
});
afterAll(async () => {
	await browser?.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('a page killed while it replaces a dataset', () => {
	it('first upload, killed before its manifest is written: the published data, no banner, nothing stored', async () => {
		await replace(GOOD, 'manifest');
		const p = await browser.context.newPage();
		expect(await scorecard(p, false)).toEqual({ oc01: published, banner: null });
		expect(await storedRows(p)).toBe(0);
		await p.close();
	});

	it('a stored upload to start from', async () => {
		await replace(GOOD, null);
		const p = await browser.context.newPage();
		const s = await scorecard(p, true);
		expect(s.oc01).toBe(EXPECTED);
		expect(s.banner).toContain('so-khcn-quang-ninh-ocop-2026.xlsx');
		await p.close();
	});

	for (const step of ['blob', 'manifest'] as const) {
		it(`replacing it, killed at the “${step}” step: the previous upload, and the banner names it`, async () => {
			await replace(SECOND, step);
			const p = await browser.context.newPage();
			const s = await scorecard(p, true);
			expect(s.oc01).toBe(EXPECTED);
			expect(s.banner).toContain('so-khcn-quang-ninh-ocop-2026.xlsx');
			expect(s.banner).not.toContain('ocop-quang-ninh-ban-2.csv');
			expect(await storedRows(p)).toBe(1);
			await p.close();
		});
	}

	it('killed after the new manifest is written: the new upload, and the banner names it', async () => {
		await replace(SECOND, 'cleanup');
		const p = await browser.context.newPage();
		const s = await scorecard(p, true);
		expect(s.oc01).toBe(EXPECTED_SECOND);
		expect(s.banner).toContain('ocop-quang-ninh-ban-2.csv');
		expect(s.banner).not.toContain('so-khcn-quang-ninh-ocop-2026.xlsx');
		expect(await storedRows(p)).toBe(1);
		await p.close();
	});

	it('back to published data still works', async () => {
		const p = await browser.context.newPage();
		await scorecard(p, true);
		await Promise.all([p.waitForEvent('load'), p.getByTestId('banner-reset').click()]);
		await p.waitForSelector('[data-state="live"]', { timeout: 90_000 });
		expect((await oc01(p).textContent())!.trim()).toBe(published);
		expect(await p.getByTestId('upload-banner').count()).toBe(0);
		expect(await storedRows(p)).toBe(0);
		await p.close();
	});
});
