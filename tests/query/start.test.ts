/**
 * `Db.start`: a statement that can be cancelled, on its own connection, in Node's
 * DuckDB-WASM (the browser's implementation is exercised by tests/e2e/query.e2e.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import { QueryCancelled, type Db } from '../../src/lib/db/types';

let db: Db;
beforeAll(async () => {
	db = await openNodeDb();
});
afterAll(async () => db?.close());

// ~30 s of work in DuckDB-WASM: never finishes within a test unless cancelled.
const HEAVY = 'SELECT count(*), sum(i * j) FROM range(100000000) t(i) CROSS JOIN range(30) s(j)';

describe('Db.start', () => {
	it('returns the same rows as query()', async () => {
		const sql = 'SELECT i, i * i AS sq, $$Hà Nội$$ AS name FROM range(5000) t(i) ORDER BY i';
		const { table, truncated } = await db.start(sql).result;
		expect(truncated).toBe(false);
		expect(table.numRows).toBe(5000);
		expect(toRows(table)).toEqual(toRows(await db.query(sql)));
	});

	it('keeps at most maxRows rows and says so', async () => {
		const cut = await db.start('SELECT * FROM range(10000) t(i)', { maxRows: 2500 }).result;
		expect(cut.table.numRows).toBe(2500);
		expect(cut.truncated).toBe(true);
		expect(toRows<{ i: number }>(cut.table).at(-1)!.i).toBe(2499);
		const exact = await db.start('SELECT * FROM range(10000) t(i)', { maxRows: 10000 }).result;
		expect(exact.truncated).toBe(false);
		expect(exact.table.numRows).toBe(10000);
	});

	it('runs several statements and returns the last one', async () => {
		const { table } = await db.start('CREATE OR REPLACE TABLE s1 AS SELECT 41 AS a; SELECT a + 1 AS b FROM s1').result;
		expect(toRows(table)).toEqual([{ b: 42 }]);
		expect(toRows(await db.query('SELECT a FROM s1'))).toEqual([{ a: 41 }]);
	});

	it('rejects with DuckDB’s message on an error', async () => {
		await expect(db.start('SELECT nmae FROM s1').result).rejects.toThrow(/Referenced column "nmae" not found/);
	});

	it('cancels a long statement within 2 s, and the database works afterwards', async () => {
		const running = db.start(HEAVY);
		const outcome = running.result.then(
			() => 'finished',
			(e) => e
		);
		await new Promise((r) => setTimeout(r, 400));
		const t0 = performance.now();
		await running.cancel();
		const took = performance.now() - t0;
		const e = await outcome;
		expect(e).toBeInstanceOf(QueryCancelled);
		expect(took).toBeLessThan(2000);
		expect(toRows(await db.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
		expect(toRows((await db.start('SELECT 2 AS two').result).table)).toEqual([{ two: 2 }]);
	});

	it('starting another statement cancels the one still running', async () => {
		const first = db.start(HEAVY);
		const firstOutcome = first.result.catch((e) => e);
		await new Promise((r) => setTimeout(r, 200));
		const second = await db.start('SELECT 3 AS three').result;
		expect(toRows(second.table)).toEqual([{ three: 3 }]);
		expect(await firstOutcome).toBeInstanceOf(QueryCancelled);
	});

	it('cancel() after the end changes nothing', async () => {
		const r = db.start('SELECT 4 AS four');
		const { table } = await r.result;
		await r.cancel();
		expect(toRows(table)).toEqual([{ four: 4 }]);
	});
});
