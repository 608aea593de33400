/**
 * DuckDB-WASM in the browser: async bindings in a Web Worker.
 *
 * Import this module only dynamically and only in the browser (`await import(...)` in
 * onMount, or from a page with `ssr = false`): duckdb-wasm crashes SSR and prerendering
 * even when merely imported. The wasm and worker files are bundled with Vite `?url`, so
 * the app serves them itself and works on an intranet without internet access.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import { ehWasm, ehWorker, mvpWasm, mvpWorker } from './wasm-url';
import { QueryCancelled, type Db, type RunningQuery, type StartedResult } from './types';
import { ident, literal } from './sql';
import { PreparedCache } from './prepared-cache';

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
	// The SQL console runs whatever an analyst (or a shared link) types: no reading the
	// disk or the network, no extensions, and no SET to undo it. The app itself only
	// inserts Arrow, so it needs none of this. A deployment may allow it at build time
	// with VITE_TIENDO_EXTERNAL_ACCESS=1. Settings are database-wide: every connection is boxed.
	// One statement text, one round trip to the worker at start-up.
	const settings = ['SET autoload_known_extensions = false', 'SET autoinstall_known_extensions = false'];
	if (import.meta.env.VITE_TIENDO_EXTERNAL_ACCESS !== '1') settings.push('SET enable_external_access = false', 'SET lock_configuration = true');
	await conn.query(settings.join(';\n'));
	// `start` runs on a connection of its own: a pending (pollable, cancellable) statement
	// is dropped by DuckDB as soon as another statement runs on the same connection.
	let side: Promise<duckdb.AsyncDuckDBConnection> | null = null;
	const statements = new PreparedCache<duckdb.AsyncPreparedStatement>((stmt) => stmt.close().catch(() => {}));
	let last: RunningQuery | null = null;

	return {
		async query(sql, params) {
			if (!params || params.length === 0) return conn.query(sql);
			return statements.run(
				sql,
				() => conn.prepare(sql),
				(stmt) => stmt.query(...params)
			);
		},
		start(sql, opts = {}) {
			const previous = last;
			let cancelled = false;
			let ended = false;
			let sideConn: duckdb.AsyncDuckDBConnection | null = null;
			const result = (async (): Promise<StartedResult> => {
				if (previous) await previous.cancel();
				// The settings above are database-wide (and locked): nothing to set here.
				side ??= db.connect();
				sideConn = await side;
				if (cancelled) throw new QueryCancelled();
				// send() runs the statement in the worker in slices (DuckDB's pending query,
				// polled from here), so the worker reads our cancel between two slices.
				let reader: Awaited<ReturnType<duckdb.AsyncDuckDBConnection['send']>>;
				try {
					reader = await sideConn.send(sql);
				} catch (e) {
					if (cancelled) throw new QueryCancelled();
					throw e;
				}
				const batches: RecordBatch[] = [];
				let rows = 0;
				let truncated = false;
				for await (const batch of reader) {
					if (cancelled) throw new QueryCancelled();
					const room = opts.maxRows === undefined ? Infinity : opts.maxRows - rows;
					batches.push(batch.numRows > room ? batch.slice(0, room) : batch);
					rows += Math.min(batch.numRows, room);
					opts.onRows?.(rows);
					if (opts.maxRows !== undefined && rows >= opts.maxRows) {
						truncated = batch.numRows > room || !(await isDone(reader));
						break;
					}
				}
				if (cancelled) throw new QueryCancelled();
				return { table: new Table(reader.schema, batches), truncated };
			})().finally(() => {
				ended = true;
			});
			const running: RunningQuery = {
				result,
				async cancel() {
					if (ended) return;
					cancelled = true;
					if (sideConn) await sideConn.cancelSent().catch(() => false);
					await result.catch(() => {});
				}
			};
			last = running;
			return running;
		},
		async insertArrowIPC(table, ipc, opts = {}) {
			if (opts.replace) await conn.query(`DROP TABLE IF EXISTS ${ident(table)}`);
			// Just dropped: no need to ask.
			const exists =
				!opts.replace &&
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
			await last?.cancel();
			await statements.clear();
			if (side) await (await side).close();
			await conn.close();
			await db.terminate();
			worker.terminate();
		}
	};
}

/** Whether a result stream has no batch left (it ended exactly at the row limit). */
async function isDone(reader: AsyncIterator<unknown>): Promise<boolean> {
	return (await reader.next()).done === true;
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
