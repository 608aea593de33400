/**
 * The browser's live database: DuckDB-WASM in a worker, loaded with the build's
 * Arrow files, then with the uploads the user stored in this browser (/data), and
 * the KPI tables. Opened once per page life; every view shares it.
 */
import type { Db } from '../db/types';
import { prepareKpiTables } from './prepare';

let session: Promise<Db> | null = null;

export function liveDb(dataUrl: string): Promise<Db> {
	session ??= (async () => {
		// Imported here, never at module top: SSR and prerender must not load duckdb-wasm.
		const [{ openBrowserDb }, { loadStaticData }] = await Promise.all([
			import('../db/browser'),
			import('../db/load-static')
		]);
		const db = await openBrowserDb();
		await loadStaticData(db, dataUrl);
		await restoreUploads(db);
		await prepareKpiTables(db);
		exposeForBenchmark(db);
		return db;
	})();
	session.catch(() => (session = null));
	return session;
}

/**
 * Uploaded data replaces published tables before the KPI tables are built, so every
 * page computes from it. A broken store never keeps the dashboard from starting:
 * the published data is shown instead.
 */
async function restoreUploads(db: Db): Promise<void> {
	try {
		const { restoreStoredUploads } = await import('../upload/restore');
		await restoreStoredUploads(db);
	} catch (e) {
		console.warn('Stored uploads were not applied:', e);
	}
}

/**
 * The benchmark (scripts/bench.ts) times queries on this very database. It asks for it
 * by setting sessionStorage 'tiendo-bench' before the page loads; nobody else sees it.
 */
function exposeForBenchmark(db: Db): void {
	try {
		if (sessionStorage.getItem('tiendo-bench') === '1') (globalThis as { __tiendoDb?: Db }).__tiendoDb = db;
	} catch {
		/* storage blocked: no benchmark hook */
	}
}
