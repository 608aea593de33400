import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { tableFromIPC } from 'apache-arrow';
import { QueryCancelled, type Db, type RunningQuery, type StartedResult } from './types';
import { ident, literal } from './sql';
import { PreparedCache } from './prepared-cache';

const require = createRequire(import.meta.url);

/** Settings both implementations apply: offline, an extension download would hang (Node) or fail. */
export const OFFLINE_SETTINGS = [
	'SET autoload_known_extensions = false',
	'SET autoinstall_known_extensions = false'
];

/**
 * DuckDB-WASM in Node through the blocking bindings.
 *
 * Results are read as raw IPC bytes and decoded with *our* apache-arrow import instead of
 * the connection's `query()`: duckdb-wasm's Node build requires Arrow's CJS build, and
 * vitest/tsx load the ESM one, so a Table built by duckdb-wasm is foreign to
 * `tableToIPC` here (it silently serialises 0 bytes).
 */
export async function openNodeDb(): Promise<Db> {
	const bundles: duckdb.DuckDBBundles = {
		mvp: {
			mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
			mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-mvp.worker.cjs')
		},
		eh: {
			mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'),
			mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs')
		}
	};
	const bindings = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await bindings.instantiate(() => {});
	bindings.open({});
	const conn = bindings.connect();
	const id = conn.useUnsafe((_b, c) => c);
	for (const s of OFFLINE_SETTINGS) bindings.runQuery(id, s);

	const statements = new PreparedCache<number>((stmt) => bindings.closePrepared(id, stmt));
	const run = (sql: string) => tableFromIPC(bindings.runQuery(id, sql));
	let closed = false;
	// As in the browser, `start` gets a connection of its own (see browser.ts).
	let side: number | null = null;
	let last: RunningQuery | null = null;

	return {
		async query(sql, params) {
			if (!params || params.length === 0) return run(sql);
			return statements.run(
				sql,
				() => bindings.createPrepared(id, sql),
				(stmt) => tableFromIPC(bindings.runPrepared(id, stmt, params as unknown[]))
			);
		},
		start(sql, opts = {}) {
			const previous = last;
			let cancelled = false;
			let ended = false;
			const result = (async (): Promise<StartedResult> => {
				if (previous) await previous.cancel();
				if (side === null) {
					side = bindings.connect().useUnsafe((_b, c) => c);
					for (const s of OFFLINE_SETTINGS) bindings.runQuery(side, s);
				}
				const c = side;
				// The blocking bindings execute one slice per call; yielding between slices
				// lets a cancel() issued meanwhile reach DuckDB.
				let header = bindings.startPendingQuery(c, sql, false);
				try {
					while (header === null) {
						await new Promise((r) => setTimeout(r, 0));
						if (cancelled) bindings.cancelPendingQuery(c);
						header = bindings.pollPendingQuery(c);
					}
				} catch (e) {
					if (cancelled) throw new QueryCancelled();
					throw e;
				}
				if (cancelled) throw new QueryCancelled();
				const parts: Uint8Array[] = [header];
				for (;;) {
					const part = bindings.fetchQueryResults(c);
					if (!part || part.length === 0) break;
					parts.push(part);
				}
				let table = tableFromIPC(concat(parts));
				let truncated = false;
				if (opts.maxRows !== undefined && table.numRows > opts.maxRows) {
					table = table.slice(0, opts.maxRows);
					truncated = true;
				}
				opts.onRows?.(table.numRows);
				return { table, truncated };
			})().finally(() => {
				ended = true;
			});
			const running: RunningQuery = {
				result,
				async cancel() {
					if (ended) return;
					cancelled = true;
					await result.catch(() => {});
				}
			};
			last = running;
			return running;
		},
		async insertArrowIPC(table, ipc, opts = {}) {
			if (opts.replace) run(`DROP TABLE IF EXISTS ${ident(table)}`);
			// Just dropped: no need to ask.
			const exists =
				!opts.replace &&
				run(`SELECT 1 FROM duckdb_tables() WHERE table_name = ${literal(table)} AND schema_name = 'main'`).numRows > 0;
			bindings.insertArrowFromIPCStream(id, ipc, { name: table, create: !exists });
		},
		async registerFile(name, bytes) {
			bindings.registerFileBuffer(name, bytes);
		},
		async close() {
			if (closed) return;
			closed = true;
			await last?.cancel();
			await statements.clear();
			conn.close();
			bindings.reset();
		}
	};
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
