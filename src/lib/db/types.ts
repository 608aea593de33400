import type { Table } from 'apache-arrow';

/**
 * The one database interface the app, the tests and the scripts use. It is implemented
 * twice over DuckDB-WASM — `node.ts` (blocking bindings, Node) and `browser.ts` (async
 * bindings in a Web Worker) — so the same SQL gives the same numbers in both places.
 */
export interface Db {
	/** Run SQL; `?` placeholders are bound from `params` through a prepared statement. */
	query(sql: string, params?: unknown[]): Promise<Table>;
	/**
	 * Load an Arrow IPC stream into `table` (created if missing, appended otherwise;
	 * `replace` drops it first). The bytes may be handed over to the worker and detached:
	 * do not use them afterwards.
	 */
	insertArrowIPC(table: string, ipc: Uint8Array, opts?: { replace?: boolean }): Promise<void>;
	/** Make `bytes` readable by SQL under `name`, e.g. `read_csv('name')`. */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	close(): Promise<void>;
}
