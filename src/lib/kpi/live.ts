/**
 * The browser's live database: DuckDB-WASM in a worker, loaded with the build's
 * Arrow files and prepared KPI tables (kpi/start.ts: the big record tables load when a
 * query first names them), then with the uploads the user stored in this browser
 * (/data), after which the KPI tables are prepared again. Opened once per page life;
 * every view shares it.
 */
import type { Db } from '../db/types';
import { prepareKpiTables } from './prepare';

let session: Promise<Db> | null = null;

export function liveDb(dataUrl: string): Promise<Db> {
	session ??= (async () => {
		mark('start');
		// Imported here, never at module top: SSR and prerender must not load duckdb-wasm.
		const [{ openBrowserDb }, { planStart, applyStart }] = await Promise.all([import('../db/browser'), import('./start')]);
		mark('modules');
		// The data downloads while the wasm compiles; neither waits for the other.
		const planned = planStart(dataUrl);
		planned.catch(() => {});
		const opened = await openBrowserDb();
		mark('opened');
		const { db, prepared } = await applyStart(opened, await planned);
		mark('loaded');
		const uploads = await restoreUploads(db);
		mark('restored');
		// Uploads replaced datasets the build's prepared tables were made from.
		if (!prepared || uploads > 0) await prepareKpiTables(db);
		mark('prepared');
		exposeForBenchmark(db);
		return db;
	})();
	session.catch(() => (session = null));
	return session;
}

/** Performance marks `tiendo:<step>` let the benchmark say where start-up time goes. */
function mark(step: string): void {
	try {
		performance.mark(`tiendo:${step}`);
	} catch {
		/* no performance timeline */
	}
}

/**
 * Uploaded data replaces published tables before the KPI tables are built, so every
 * page computes from it. A broken store never keeps the dashboard from starting:
 * the published data is shown instead.
 */
async function restoreUploads(db: Db): Promise<number> {
	try {
		const { restoreStoredUploads } = await import('../upload/restore');
		return await restoreStoredUploads(db);
	} catch (e) {
		console.warn('Stored uploads were not applied:', e);
		return 0;
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
