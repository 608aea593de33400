import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { openNodeDb } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import type { Db } from '../../src/lib/db/types';

let db: Db;

beforeAll(async () => {
	const t0 = performance.now();
	db = await openNodeDb();
	console.log(`duckdb-wasm (node, eh) instantiated in ${(performance.now() - t0).toFixed(0)} ms`);
});

afterAll(async () => {
	await db?.close();
});

describe('Node Db', () => {
	it('runs SQL and returns an Arrow table', async () => {
		const t = await db.query('SELECT 40 + 2 AS answer, version() AS v');
		expect(t.numRows).toBe(1);
		expect(toRows<{ answer: number; v: string }>(t)[0].answer).toBe(42);
	});

	it('binds parameters', async () => {
		const t = await db.query('SELECT ?::INTEGER * 2 AS twice, upper(?) AS name', [21, 'thái bình']);
		expect(toRows(t)[0]).toEqual({ twice: 42, name: 'THÁI BÌNH' });
	});

	it('is configured not to fetch extensions (offline intranet)', async () => {
		const t = await db.query(
			`SELECT current_setting('autoload_known_extensions') AS autoload,
			        current_setting('autoinstall_known_extensions') AS autoinstall`
		);
		expect(toRows(t)[0]).toEqual({ autoload: false, autoinstall: false });
	});

	it('reports SQL errors as rejections', async () => {
		await expect(db.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
	});

	it('round-trips an Arrow table through insertArrowIPC, and can replace or append', async () => {
		const input = tableFromArrays({
			code: ['33', '34'],
			name: ['Hưng Yên', 'Thái Bình'],
			value: Float64Array.from([15590, 0.65])
		});
		await db.insertArrowIPC('rt', tableToIPC(input, 'stream'), { replace: true });
		const back = await db.query('SELECT * FROM rt ORDER BY code');
		expect(toRows(back)).toEqual([
			{ code: '33', name: 'Hưng Yên', value: 15590 },
			{ code: '34', name: 'Thái Bình', value: 0.65 }
		]);
		// A query result serialises again (it is built with this process's apache-arrow).
		expect(tableToIPC(back, 'stream').byteLength).toBeGreaterThan(0);

		await db.insertArrowIPC('rt', tableToIPC(input, 'stream'));
		expect(toRows(await db.query('SELECT count(*) AS n FROM rt'))[0]).toEqual({ n: 4 });
		await db.insertArrowIPC('rt', tableToIPC(input, 'stream'), { replace: true });
		expect(toRows(await db.query('SELECT count(*) AS n FROM rt'))[0]).toEqual({ n: 2 });
	});

	it('toRows gives plain JS values: numbers, ISO dates, booleans, nulls', async () => {
		const t = await db.query(`
			SELECT 9007199254740991::BIGINT AS big, 7::INTEGER AS int, 12.34::DECIMAL(10, 2) AS dec,
			       -0.5::DECIMAL(18, 3) AS neg_dec, 2.5::DOUBLE AS dbl, DATE '2025-07-01' AS d,
			       TIMESTAMP '2025-07-01 08:30:00' AS ts, true AS b, 'Hưng Yên' AS s,
			       NULL::DATE AS nd, [1, 2]::BIGINT[] AS list, count(*) OVER () AS cnt`);
		const [row] = toRows(t);
		expect(row).toEqual({
			big: 9007199254740991,
			int: 7,
			dec: 12.34,
			neg_dec: -0.5,
			dbl: 2.5,
			d: '2025-07-01',
			ts: '2025-07-01T08:30:00.000Z',
			b: true,
			s: 'Hưng Yên',
			nd: null,
			list: [1, 2],
			cnt: 1
		});
		for (const v of Object.values(row as Record<string, unknown>)) expect(typeof v).not.toBe('bigint');
	});

	it('reads a registered file with read_csv', async () => {
		await db.registerFile('t.csv', new TextEncoder().encode('code,name\n34,Thái Bình\n'));
		const t = await db.query(`SELECT * FROM read_csv('t.csv', header = true, all_varchar = true)`);
		expect(toRows(t)).toEqual([{ code: '34', name: 'Thái Bình' }]);
	});

	it('dates before 1970 and empty results convert too', async () => {
		expect(toRows(await db.query(`SELECT DATE '1945-09-02' AS d`))[0]).toEqual({ d: '1945-09-02' });
		const empty = await db.query('SELECT 1 AS x WHERE false');
		expect(toRows(empty)).toEqual([]);
	});
});
