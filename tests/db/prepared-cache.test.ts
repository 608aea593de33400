/**
 * db/prepared-cache.ts: statements kept by text are reused, the least recently used
 * closed beyond the bound, a failing kept statement prepared afresh once; and on real
 * DuckDB-WASM a kept statement still answers correctly after its table is replaced.
 */
import { describe, expect, it } from 'vitest';
import { PreparedCache } from '../../src/lib/db/prepared-cache';
import { openNodeDb } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import { hoistPacked, packedRows } from '../../src/lib/kpi/sql/grid';

describe('PreparedCache', () => {
	it('prepares a text once, closes the least recently used beyond the bound', async () => {
		const prepared: string[] = [];
		const closed: string[] = [];
		let n = 0;
		const cache = new PreparedCache<string>((s) => closed.push(s), 2);
		const run = (sql: string) =>
			cache.run(
				sql,
				() => {
					const s = `${sql}#${n++}`;
					prepared.push(s);
					return s;
				},
				(s) => s
			);
		expect(await run('a')).toBe('a#0');
		expect(await run('a')).toBe('a#0');
		await run('b');
		await run('a');
		await run('c'); // b is the least recently used
		expect(prepared).toEqual(['a#0', 'b#1', 'c#2']);
		expect(closed).toEqual(['b#1']);
		expect(cache.size).toBe(2);
		await cache.clear();
		expect(closed.sort()).toEqual(['a#0', 'b#1', 'c#2']);
	});

	it('prepares afresh once when a kept statement fails, and does not keep one that fails', async () => {
		const closed: string[] = [];
		let n = 0;
		const cache = new PreparedCache<string>((s) => closed.push(s));
		const stale = new Set<string>();
		const exec = (s: string) => {
			if (stale.has(s) || s.startsWith('bad')) throw new Error(`cannot run ${s}`);
			return s;
		};
		const run = (sql: string) => cache.run(sql, () => `${sql}#${n++}`, exec);
		expect(await run('q')).toBe('q#0');
		stale.add('q#0');
		expect(await run('q')).toBe('q#1');
		expect(closed).toEqual(['q#0']);
		await expect(run('bad')).rejects.toThrow(/cannot run bad#2/);
		expect(closed).toEqual(['q#0', 'bad#2']);
		expect(cache.size).toBe(1);
	});
});

describe('prepared statements on DuckDB-WASM', () => {
	it('a kept statement answers for the replaced table, with the packed rows as its parameter', async () => {
		const db = await openNodeDb();
		try {
			await db.query('CREATE TABLE t AS SELECT * FROM (VALUES (1, 10), (2, 20), (3, 30)) AS v(k, x)');
			const statement = (keys: number[]) =>
				hoistPacked(`WITH q AS (${packedRows([['k', 'INTEGER']], keys.map((k) => [k]))}) SELECT sum(x)::INTEGER AS s FROM t JOIN q USING (k)`);
			const a = statement([1, 2]);
			const b = statement([2, 3]);
			expect(a.sql).toBe(b.sql);
			expect(a.params).toEqual(['1;2']);
			const sum = async (s: { sql: string; params: string[] }) => toRows<{ s: number }>(await db.query(s.sql, s.params))[0].s;
			expect(await sum(a)).toBe(30);
			expect(await sum(b)).toBe(50);
			await db.query('CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES (1, 100), (2, 200), (3, 300)) AS v(k, x)');
			expect(await sum(a)).toBe(300);
			await db.query('CREATE OR REPLACE TABLE t AS SELECT k, x::VARCHAR AS label, x FROM (VALUES (2, 7), (3, 8)) AS v(k, x)');
			expect(await sum(b)).toBe(15);
		} finally {
			await db.close();
		}
	});
});
