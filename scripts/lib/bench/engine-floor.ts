/**
 * DuckDB-WASM's own cold start, to read the cold-load figures against: a blank page that
 * starts the site's worker and wasm files, opens a database and runs SELECT 42 — no app,
 * no data. A static page cannot import the site's hashed duckdb-wasm chunk, so it posts
 * the worker the messages AsyncDuckDB would (INSTANTIATE, OPEN, CONNECT, RUN_QUERY).
 * The page marks the same steps as the app (tiendo:opened, data-state="live"), so
 * coldLoads() times it like the dashboard.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FLOOR_PAGE = 'bench-engine-floor.html';

function page(worker: string, wasm: string): string {
	return `<!doctype html><html><head><meta charset="utf-8"><title>DuckDB-WASM cold start</title></head><body><p>DuckDB-WASM</p>
<script>
performance.mark('tiendo:start');
const w = new Worker(${JSON.stringify(worker)});
let id = 0;
const waiting = new Map();
w.onmessage = (e) => {
	const r = e.data, done = waiting.get(r.requestId);
	if (!done || r.type === 'INSTANTIATE_PROGRESS' || r.type === 'LOG') return;
	waiting.delete(r.requestId);
	done(r);
};
const send = (type, data) => new Promise((ok) => { const m = id++; waiting.set(m, ok); w.postMessage({ messageId: m, type, data }); });
(async () => {
	const check = (r) => { if (r.type === 'ERROR') throw new Error(r.data.message); return r; };
	check(await send('INSTANTIATE', [${JSON.stringify(wasm)}, null]));
	check(await send('OPEN', {}));
	performance.mark('tiendo:opened');
	const conn = check(await send('CONNECT', null)).data;
	check(await send('RUN_QUERY', [conn, 'SELECT 42']));
	performance.mark('tiendo:prepared');
	document.body.dataset.state = 'live';
})();
</script></body></html>`;
}

/** Writes the page into a built site (beside its index.html); returns its path on the server. */
export function writeFloorPage(buildDir: string): string {
	const assets = join(buildDir, '_app', 'immutable', 'assets');
	const files = readdirSync(assets);
	const find = (re: RegExp) => {
		const f = files.find((n) => re.test(n));
		if (!f) throw new Error(`no ${re} in ${assets}`);
		return `/_app/immutable/assets/${f}`;
	};
	writeFileSync(join(buildDir, FLOOR_PAGE), page(find(/^duckdb-browser-eh\.worker\..*\.js$/), find(/^duckdb-eh\..*\.wasm$/)));
	return `/${FLOOR_PAGE}`;
}
