/**
 * Tables loaded on first use. The dashboard's pages read the big record tables only
 * through their build-time aggregates, so the browser starts without them; the first
 * statement that names one (a domain page's list, the console) waits while it loads.
 * Names are found in the SQL text outside string literals (a catalogue lookup such as
 * `WHERE table_name = 'st_firms'` needs no rows); a false match, say in a comment, only
 * loads a table early. Before a transaction begins, every table is loaded, so a rollback can
 * never undo a load the wrapper believes happened.
 */
import { QueryCancelled, type Db, type RunningQuery } from './types';
import { ident } from './sql';

export interface DeferredDb extends Db {
	/** Load every table still waiting. */
	loadAll(): Promise<void>;
	/** Tables not loaded yet. */
	pending(): string[];
	/**
	 * Give a loaded table's memory back: it becomes empty (same columns) and waits again,
	 * and its `<name>_units` is dropped (the loader makes it again).
	 */
	release(name: string): Promise<void>;
}

const TRANSACTION = /^\s*(BEGIN|START\s+TRANSACTION)\b/i;

/**
 * Wrap `db` so that each name in `loaders` is loaded (once) before the first statement
 * naming it, or `<name>_units`, runs. A failed load is retried by the next statement.
 */
export function deferTables(
	db: Db,
	loaders: ReadonlyMap<string, () => Promise<void>>,
	/** Other names (views) whose mention loads a table: alias → table. */
	aliases: ReadonlyMap<string, string> = new Map()
): DeferredDb {
	const waiting = new Map(loaders);
	const loading = new Map<string, Promise<void>>();
	// Longest first: `budget_units` (a table of its own) before `budget` (whose `_units` it would match).
	const names = [...waiting.keys(), ...aliases.keys()].map((n) => n.replace(/[^A-Za-z0-9_]/g, '')).sort((a, b) => b.length - a.length);
	const pattern = names.length ? new RegExp(`\\b(${names.join('|')})(?:_units)?\\b`, 'gi') : null;

	const load = (name: string): Promise<void> => {
		const run = waiting.get(name);
		if (!run) return loading.get(name) ?? Promise.resolve();
		waiting.delete(name);
		const p = run().catch((e) => {
			waiting.set(name, run);
			loading.delete(name);
			throw e;
		});
		loading.set(name, p);
		return p;
	};
	const loadAll = async () => {
		for (const name of [...waiting.keys(), ...loading.keys()]) await load(name);
	};
	const before = async (sql: string) => {
		if (TRANSACTION.test(sql)) return loadAll();
		if (!pattern || waiting.size === 0) {
			if (loading.size) await Promise.all(loading.values());
			return;
		}
		const code = sql.replace(/'(?:[^']|'')*'/g, "''");
		const named = new Set(
			[...code.matchAll(pattern)].map((m) => {
				const name = names.find((n) => n.toLowerCase() === m[1].toLowerCase())!;
				return aliases.get(name) ?? name;
			})
		);
		for (const name of named) await load(name);
	};

	return {
		async query(sql, params) {
			await before(sql);
			return db.query(sql, params);
		},
		start(sql, opts) {
			let cancelled = false;
			let running: RunningQuery | null = null;
			const result = before(sql).then(() => {
				if (cancelled) throw new QueryCancelled();
				running = db.start(sql, opts);
				return running.result;
			});
			return {
				result,
				async cancel() {
					cancelled = true;
					if (running) await running.cancel();
					else await result.catch(() => {});
				}
			};
		},
		async insertArrowIPC(table, ipc, opts) {
			// Appending to a table that has not loaded yet would be lost when it loads.
			if (waiting.has(table) || loading.has(table)) await load(table);
			return db.insertArrowIPC(table, ipc, opts);
		},
		registerFile: (name, bytes) => db.registerFile(name, bytes),
		close: () => db.close(),
		loadAll,
		pending: () => [...waiting.keys()],
		async release(name) {
			const run = loaders.get(name);
			if (!run || waiting.has(name)) return;
			await loading.get(name);
			await db.query(`CREATE OR REPLACE TABLE ${ident(name)} AS SELECT * FROM ${ident(name)} LIMIT 0`);
			await db.query(`DROP TABLE IF EXISTS ${ident(`${name}_units`)}`);
			loading.delete(name);
			waiting.set(name, run);
		}
	};
}
