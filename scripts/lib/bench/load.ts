/**
 * Cold load: a fresh browser profile per run (empty caches), navigated once the browser
 * has finished its own start (settle.ts), as a user's open browser has; navigation →
 * first KPI numbers painted (prerendered), and → scorecard live (DuckDB-WASM loaded,
 * KPIs recomputed). Times are taken in the page, relative to its navigation start. The
 * first run only warms the server's file cache. Also returns the URLs the first page
 * fetched.
 */
import { launchBench } from './browser';
import { browserSettled } from './settle';

export interface LoadSample {
	numbers: number;
	live: number;
	/** src/lib/kpi/live.ts's performance marks: when each start-up step ended (ms). */
	steps: Record<string, number>;
}

const probe = () => {
	const marks: Record<string, number> = {};
	(window as unknown as { __marks: Record<string, number> }).__marks = marks;
	new MutationObserver(() => {
		if (!marks.numbers && document.querySelector('[data-testid="count-total"]')) marks.numbers = performance.now();
		if (!marks.live && document.querySelector('[data-state="live"]')) marks.live = performance.now();
	}).observe(document, { childList: true, subtree: true, attributes: true });
};

export async function coldLoads(url: string, runs: number): Promise<{ samples: LoadSample[]; fetched: string[] }> {
	const samples: LoadSample[] = [];
	let fetched: string[] = [];
	for (let i = 0; i < runs + 1; i++) {
		const { context, profile, close } = await launchBench();
		try {
			const page = context.pages()[0] ?? (await context.newPage());
			await page.goto('about:blank');
			await browserSettled(profile);
			const requested: string[] = [];
			context.on('request', (r) => requested.push(r.url()));
			await context.addInitScript(probe);
			await page.goto(url);
			await page.waitForSelector('[data-state="live"]', { timeout: 180_000 });
			const m: { numbers: number; live: number; fcp: number; steps: Record<string, number> } = await page.evaluate(() => ({
				...((window as unknown as { __marks: { numbers: number; live: number } }).__marks),
				fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
				steps: Object.fromEntries(
					performance
						.getEntriesByType('mark')
						.filter((e) => e.name.startsWith('tiendo:'))
						.map((e) => [e.name.slice('tiendo:'.length), e.startTime])
				)
			}));
			if (i === 0) fetched = requested;
			// Numbers are visible once they are in the DOM and the page has painted.
			else samples.push({ numbers: Math.max(m.numbers, m.fcp), live: m.live, steps: m.steps });
		} finally {
			await close();
		}
	}
	return { samples, fetched };
}
