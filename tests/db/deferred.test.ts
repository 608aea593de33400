/**
 * db/deferred.ts on real DuckDB-WASM: which statements load which table, once; a
 * transaction loads everything first; a failed load is tried again; the console's
 * start() waits for the load and can be cancelled meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import type { Db } from '../../src/lib/db/types';
import { QueryCancelled } from '../../src/lib/db/types';
import { deferTables, type DeferredDb } from '../../src/lib/db/deferred';

let inner: Db;
let loads: string[];
let failNext: boolean;
let gate: Promise<void> | null;

const loader = (name: string, rows: number) => async () => {
	if (gate) await gate;
	if (failNext) {
		failNext = false;
		throw new Error(`network down while loading ${name}`);
	}
	loads.push(name);
	await inner.query(`CREATE OR REPLACE TABLE ${name} AS SELECT range AS id FROM range(${rows})`);
};
const wrap = (): DeferredDb =>
	deferTables(
		inner,
		new Map([
			['startups', loader('startups', 3)],
			['st_firms', loader('st_firms', 5)]
		])
	);

beforeAll(async () => {
	inner = await openNodeDb();
	await inner.query('CREATE TABLE startups_agg AS SELECT 1 AS n');
}, 60_000);
afterAll(async () => inner?.close());

const n = async (db: Db, sql: string) => toRows<{ n: number }>(await db.query(sql))[0].n;

describe('deferTables', () => {
	it('loads a table the first time a statement names it, once, and leaves the others', async () => {
		loads = [];
		failNext = false;
		const db = wrap();
		expect(await n(db, 'SELECT sum(n) AS n FROM startups_agg')).toBe(1);
		expect(loads).toEqual([]);
		const [a, b] = await Promise.all([n(db, 'SELECT count(*) AS n FROM startups'), n(db, 'select COUNT(*) as n from STARTUPS')]);
		expect([a, b]).toEqual([3, 3]);
		expect(loads).toEqual(['startups']);
		expect(db.pending()).toEqual(['st_firms']);
	});

	it('loads a table through the name of a view over it, and tells `budget_units` from `budget`', async () => {
		loads = [];
		failNext = false;
		const db = deferTables(
			inner,
			new Map([
				['budget', loader('budget', 2)],
				['budget_units', loader('budget_units', 4)],
				['products', loader('products', 6)]
			]),
			new Map([['products_view', 'products']])
		);
		await inner.query('CREATE OR REPLACE TABLE products AS SELECT 0::BIGINT AS id WHERE false');
		await inner.query('CREATE OR REPLACE VIEW products_view AS SELECT * FROM products');
		expect(await n(db, 'SELECT count(*) AS n FROM budget_units')).toBe(4);
		expect(loads).toEqual(['budget_units']);
		expect(await n(db, 'SELECT count(*) AS n FROM products_view')).toBe(6);
		expect(loads).toEqual(['budget_units', 'products']);
		expect(db.pending()).toEqual(['budget']);
	});

	it('does not count a name inside a string literal', async () => {
		loads = [];
		const db = wrap();
		expect(await n(db, "SELECT 1 AS n WHERE 'startups' <> 'it''s st_firms'")).toBe(1);
		expect(loads).toEqual([]);
	});

	it('counts <table>_units as naming the table', async () => {
		loads = [];
		const db = wrap();
		await expect(db.query('SELECT count(*) FROM st_firms_units')).rejects.toThrow(/st_firms_units/);
		expect(loads).toEqual(['st_firms']);
	});

	it('loads everything before a transaction begins', async () => {
		loads = [];
		const db = wrap();
		await db.query('BEGIN TRANSACTION');
		await db.query('ROLLBACK');
		expect(loads.sort()).toEqual(['st_firms', 'startups']);
		expect(db.pending()).toEqual([]);
		expect(await n(db, 'SELECT count(*) AS n FROM st_firms')).toBe(5);
	});

	it('tries a failed load again on the next statement', async () => {
		loads = [];
		failNext = true;
		const db = wrap();
		await expect(db.query('SELECT count(*) FROM startups')).rejects.toThrow(/network down/);
		expect(db.pending()).toContain('startups');
		expect(await n(db, 'SELECT count(*) AS n FROM startups')).toBe(3);
		expect(loads).toEqual(['startups']);
	});

	it('release empties a loaded table, keeps its columns, and loads it again when named', async () => {
		loads = [];
		failNext = false;
		const db = wrap();
		expect(await n(db, 'SELECT count(*) AS n FROM startups')).toBe(3);
		await inner.query('CREATE OR REPLACE TABLE startups_units AS SELECT 1 AS x');
		await db.release('startups');
		expect(db.pending()).toContain('startups');
		expect(await n(inner, 'SELECT count(*) AS n FROM startups')).toBe(0);
		expect(await n(inner, "SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = 'startups' AND column_name = 'id'")).toBe(1);
		expect(await n(inner, "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'startups_units'")).toBe(0);
		expect(await n(db, 'SELECT count(*) AS n FROM startups')).toBe(3);
		expect(loads).toEqual(['startups', 'startups']);
	});

	it('start() waits for the load; a cancel during the load ends it as cancelled', async () => {
		loads = [];
		failNext = false;
		const db = wrap();
		const ok = await db.start('SELECT count(*) AS n FROM startups').result;
		expect(Number(ok.table.getChild('n')!.get(0))).toBe(3);
		let open!: () => void;
		gate = new Promise((r) => (open = r));
		const running = db.start('SELECT count(*) AS n FROM st_firms');
		const cancelled = running.cancel();
		open();
		gate = null;
		await cancelled;
		await expect(running.result).rejects.toBeInstanceOf(QueryCancelled);
	});
});
