/**
 * Filter change → charts repainted, in real Chromium against the built site (static/data
 * and build/ of `npm run build`), on more pages than `npm run bench` visits. The
 * measurement is the benchmark's own (scripts/lib/bench/filter.ts): from the select's
 * change event until every query it started has settled and two frames have painted.
 *
 *   npm run bench:filter [-- --changes 16]
 */
import { parseArgs } from 'node:util';
import { quantile } from 'd3-array';
import { previewServer } from './lib/preview-server';
import { launchBench } from './lib/bench/browser';
import { filterChanges } from './lib/bench/filter';

const { values } = parseArgs({ options: { changes: { type: 'string', default: '16' }, port: { type: 'string', default: '4197' } } });
const PAGES = ['/', '/indicators/OC01', '/indicators/KN01', '/domains/ocop', '/domains/startups'];

const { base, stop: stopServer } = await previewServer(values.port!);
try {
	const { context, close } = await launchBench();
	try {
		const r = await filterChanges(context, base, { pages: PAGES, units: ['33@2025', '22@2025'], years: [2025, 2024], changes: Number(values.changes) });
		for (const [path, times] of Object.entries(r.byPage)) {
			const s = [...times].sort((a, b) => a - b);
			console.log(`filter change → repainted ${path}: median ${Math.round(quantile(s, 0.5)!)} ms, p95 ${Math.round(quantile(s, 0.95)!)} ms (${times.length} changes)`);
		}
	} finally {
		await close();
	}
} finally {
	stopServer();
}
