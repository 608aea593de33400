/**
 * DuckDB-WASM in the browser: async bindings in a Web Worker.
 *
 * Import this module only dynamically and only in the browser (`await import(...)` in
 * onMount, or from a page with `ssr = false`): duckdb-wasm crashes SSR and prerendering
 * even when merely imported. The wasm and worker files are bundled with Vite `?url`, so
 * the app serves them itself and works on an intranet without internet access.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { Db } from './types';
import { ident, literal } from './sql';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

export async function openBrowserDb(): Promise<Db> {
	// Only eh and mvp are offered: the threaded "coi" bundle needs COOP/COEP headers an
	// intranet server may not send, and was slower in our measurements.
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({});
	const conn = await db.connect();
	await conn.query('SET autoload_known_extensions = false');
	await conn.query('SET autoinstall_known_extensions = false');

	return {
		async query(sql, params) {
			if (!params || params.length === 0) return conn.query(sql);
			const stmt = await conn.prepare(sql);
			try {
				return await stmt.query(...params);
			} finally {
				await stmt.close();
			}
		},
		async insertArrowIPC(table, ipc, opts = {}) {
			if (opts.replace) await conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
			const exists =
				(
					await conn.query(
						`SELECT 1 FROM duckdb_tables() WHERE table_name = ${literal(table)} AND schema_name = 'main'`
					)
				).numRows > 0;
			await conn.insertArrowFromIPCStream(transferable(ipc), { name: table, create: !exists });
		},
		async registerFile(name, bytes) {
			await db.registerFileBuffer(name, transferable(bytes));
		},
		async close() {
			await conn.close();
			await db.terminate();
			worker.terminate();
		}
	};
}

/**
 * duckdb-wasm transfers `bytes.buffer` to the worker. A view into a larger buffer would
 * detach its neighbours too, so such views are copied first.
 */
function transferable(bytes: Uint8Array): Uint8Array {
	return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
		? bytes
		: bytes.slice();
}
