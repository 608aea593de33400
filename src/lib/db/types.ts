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
	 * Start SQL that may run long and can be stopped (the analysts' console). It runs on
	 * a connection of its own, one statement text at a time (starting another cancels the
	 * previous one), so `query` calls made meanwhile are not disturbed. Several statements
	 * separated by `;` run in order; the result is the last one's.
	 */
	start(sql: string, opts?: StartOptions): RunningQuery;
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

export interface StartOptions {
	/**
	 * Keep at most this many rows of the result; `truncated` then says rows were left
	 * out. A console must not let `SELECT * FROM range(1e9)` exhaust the tab's memory.
	 */
	maxRows?: number;
	/** Told the number of rows received so far, as result batches arrive. */
	onRows?: (rows: number) => void;
}

export interface StartedResult {
	table: Table;
	/** True when rows beyond `maxRows` were left out. */
	truncated: boolean;
}

/** A statement started with `Db.start`. */
export interface RunningQuery {
	/** The result; rejects with `QueryCancelled` once `cancel()` has stopped the statement. */
	readonly result: Promise<StartedResult>;
	/** Ask DuckDB to stop; resolves once the statement has ended (at once if it already had). */
	cancel(): Promise<void>;
}

/** The rejection of a statement stopped by `RunningQuery.cancel()`. */
export class QueryCancelled extends Error {
	constructor() {
		super('query cancelled');
		this.name = 'QueryCancelled';
	}
}
