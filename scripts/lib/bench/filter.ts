/**
 * Filter change → charts repainted. On each page the year and the province are
 * switched back and forth through the real selects; the time runs, in the page, from
 * the select's change event to the moment every query the change started has settled
 * and stayed settled while the browser painted twice more (so a query started by
 * another's answer counts too; Chart.svelte draws a chart's option in the next frame).
 * Playwright's own round trips before it
 * dispatches the event (finding the select, checking it can be used) are not the
 * page's time and are left out. Optionally samples the JS heap meanwhile.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface FilterResult {
	samples: number[];
	byPage: Record<string, number[]>;
	peakHeap: { main: number; worker: number | null };
	/** DuckDB's own memory (outside the JS heap, in the worker's wasm memory) after the last page, bytes. */
	duckdbBytes: number | null;
}

const settled = () =>
	[...document.querySelectorAll('[data-query-state]')].every((e) => e.getAttribute('data-query-state') !== 'loading') &&
	!document.querySelector('[data-state="prebaked"]') &&
	!document.querySelector('.stale');

async function arm(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as { __t0: number; __seen: boolean; __done: number; __gen: number; __mo?: MutationObserver };
		w.__mo?.disconnect();
		w.__t0 = 0;
		w.__seen = false;
		w.__done = 0;
		w.__gen = 0;
		// Capture phase on the document: runs before the page's own listener reacts.
		document.addEventListener('change', () => (w.__t0 ||= performance.now()), { capture: true, once: true });
		const busy = () =>
			[...document.querySelectorAll('[data-query-state]')].some((e) => e.getAttribute('data-query-state') === 'loading') ||
			!!document.querySelector('.stale');
		const check = () => {
			if (!w.__t0 || w.__done) return;
			if (busy()) {
				w.__seen = true;
				w.__gen++;
				return;
			}
			if (!w.__seen) return;
			// Settled — unless a query the change started next (one answer asking for another)
			// makes the page busy again before two frames are painted.
			const gen = w.__gen;
			requestAnimationFrame(() =>
				requestAnimationFrame(() => {
					if (w.__gen === gen && !busy()) w.__done ||= performance.now();
				})
			);
		};
		w.__mo = new MutationObserver(check);
		w.__mo.observe(document.body, { subtree: true, attributes: true, childList: true });
	});
}

async function timedChange(page: Page, change: () => Promise<void>): Promise<number> {
	// The previous change has settled entirely: nothing of it runs into this one.
	await page.waitForFunction(settled, undefined, { timeout: 300_000 });
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
	await arm(page);
	await change();
	await page.waitForFunction(() => (window as unknown as { __done: number }).__done > 0, undefined, { timeout: 300_000 });
	const ms = await page.evaluate(() => {
		const w = window as unknown as { __t0: number; __done: number };
		return w.__t0 ? w.__done - w.__t0 : NaN;
	});
	if (Number.isNaN(ms)) throw new Error('filter change: the select fired no change event');
	return ms;
}

export async function filterChanges(
	context: BrowserContext,
	base: string,
	opts: { pages: string[]; units: [string, string]; years: [number, number]; changes: number; sampleHeap?: boolean }
): Promise<FilterResult> {
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable');
	const peak = { main: 0, worker: null as number | null };
	let sampling = !!opts.sampleHeap;
	const sampler = (async () => {
		while (sampling) {
			try {
				const { metrics } = await cdp.send('Performance.getMetrics');
				const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
				peak.main = Math.max(peak.main, used);
				for (const w of page.workers()) {
					const h = await w.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null).catch(() => null);
					if (h != null) peak.worker = Math.max(peak.worker ?? 0, h);
				}
			} catch {
				/* page navigating */
			}
			await new Promise((r) => setTimeout(r, 200));
		}
	})();
	const byPage: Record<string, number[]> = {};
	let duckdbBytes: number | null = null;
	try {
		for (const path of opts.pages) {
			const sep = path.includes('?') ? '&' : '?';
			await page.goto(`${base}${path}${sep}unit=${opts.units[0]}&year=${opts.years[0]}`);
			await page.waitForFunction(settled, undefined, { timeout: 600_000 });
			const times: number[] = [];
			for (let i = 0; i < opts.changes + 2; i++) {
				// Even steps change the year, odd steps the province; the first two warm up.
				const t =
					i % 2 === 0
						? await timedChange(page, async () => {
								const y = opts.years[(i / 2 + 1) % 2];
								await page.getByTestId('year-select').selectOption(String(y));
							})
						: await timedChange(page, async () => {
								const u = opts.units[((i - 1) / 2 + 1) % 2];
								await page.getByTestId('unit-select').selectOption(u);
							});
				if (i >= 2) times.push(t);
			}
			byPage[path] = times;
		}
		duckdbBytes = await page
			.evaluate(async () => {
				const db = (window as unknown as { __tiendoDb?: { query(sql: string): Promise<{ getChild(n: string): { get(i: number): unknown } | null }> } }).__tiendoDb;
				if (!db) return null;
				const t = await db.query('SELECT sum(memory_usage_bytes)::DOUBLE AS b FROM duckdb_memory()');
				return Number(t.getChild('b')?.get(0));
			})
			.catch(() => null);
	} finally {
		sampling = false;
		await sampler;
		await page.close();
	}
	return { samples: Object.values(byPage).flat(), byPage, peakHeap: peak, duckdbBytes };
}
