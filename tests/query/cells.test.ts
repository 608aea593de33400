/** Cells read straight from DuckDB's Arrow columns, and how the grid shows them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { displayCell, resultColumns, type ResultColumn } from '../../src/lib/query/cells';
import { guessChart } from '../../src/lib/query/chart-columns';

let db: Db;
let table: Table;
let cols: Record<string, ResultColumn>;
beforeAll(async () => {
	db = await openNodeDb();
	table = await db.query(`SELECT 15590 AS n, 0.65::DOUBLE AS f, 1234.5::DECIMAL(10,2) AS d, 2::TINYINT AS small,
		9007199254740993::BIGINT AS big, 170141183460469231731687303715884105727::HUGEINT AS huge,
		DATE '2022-05-11' AS day, TIMESTAMP '2022-05-11 08:05:09' AS ts, TIME '10:20:30' AS tm,
		'Hà Nội' AS s, true AS b, NULL::INTEGER AS nothing, [1, 2] AS list, {'k': 'v'} AS st,
		'x'::ENUM('x', 'y') AS e, -0.125 AS neg`);
	cols = Object.fromEntries(resultColumns(table).map((c) => [c.name, c]));
});
afterAll(async () => db?.close());

describe('result cells', () => {
	it('name the types as DuckDB does', () => {
		expect(Object.fromEntries(Object.values(cols).map((c) => [c.name, c.type]))).toEqual({
			n: 'INTEGER',
			f: 'DOUBLE',
			d: 'DECIMAL(10,2)',
			small: 'TINYINT',
			big: 'BIGINT',
			huge: 'DECIMAL(38,0)',
			day: 'DATE',
			ts: 'TIMESTAMP',
			tm: 'TIME',
			s: 'VARCHAR',
			b: 'BOOLEAN',
			nothing: 'INTEGER',
			list: 'LIST',
			st: 'STRUCT',
			e: 'ENUM',
			neg: 'DECIMAL(4,3)'
		});
	});

	it('give JavaScript values and exact text', () => {
		expect(cols.big.value(0)).toBe(9007199254740993n);
		expect(cols.big.text(0)).toBe('9007199254740993');
		expect(cols.huge.text(0)).toBe('170141183460469231731687303715884105727');
		expect(cols.d.value(0)).toBe(1234.5);
		expect(cols.d.text(0)).toBe('1234.5');
		expect(cols.neg.text(0)).toBe('-0.125');
		expect(cols.day.value(0)).toBe('2022-05-11');
		expect(cols.ts.value(0)).toBe('2022-05-11 08:05:09');
		expect(cols.tm.value(0)).toBe('10:20:30');
		expect(cols.nothing.value(0)).toBeNull();
		expect(cols.nothing.text(0)).toBe('');
		expect(cols.list.value(0)).toBe('[1,2]');
		expect(cols.st.value(0)).toBe('{"k":"v"}');
		expect(cols.e.value(0)).toBe('x');
	});

	it('show numbers and dates the vi-VN and English way', () => {
		const show = (lang: 'vi' | 'en', name: string) => displayCell(lang, cols[name], 0);
		expect(show('vi', 'n')).toBe('15.590');
		expect(show('en', 'n')).toBe('15,590');
		expect(show('vi', 'f')).toBe('0,65');
		expect(show('vi', 'd')).toBe('1.234,5');
		expect(show('vi', 'neg')).toBe('-0,125');
		expect(show('vi', 'day')).toBe('11/5/2022');
		expect(show('en', 'day')).toBe('11 May 2022');
		expect(show('vi', 'ts')).toBe('11/5/2022 08:05:09');
		expect(show('vi', 'big')).toBe('9007199254740993');
		expect(show('vi', 'huge')).toBe('170141183460469231731687303715884105727');
		expect(show('vi', 'nothing')).toBeNull();
		expect(show('vi', 's')).toBe('Hà Nội');
		expect(show('vi', 'b')).toBe('TRUE');
		expect(displayCell('vi', cols.n, 0, true)).toBe('15590');
	});
});

describe('first chart guess', () => {
	it('plots the measure by the dimension, split by the other dimension', async () => {
		const t = await db.query(`SELECT p AS province, s AS stars, (p = 'A')::INT * 10 + s AS products
			FROM (VALUES ('A'), ('B')) a(p), (VALUES (3), (4), (5)) b(s)`);
		expect(guessChart(resultColumns(t), t.numRows)).toEqual({ x: 0, y: 2, series: 1 });
	});

	it('prefers a year-like column on x', async () => {
		const t = await db.query(`SELECT 'A' AS province, y AS year, y * 2.5 AS amount FROM range(2019, 2027) r(y)`);
		expect(guessChart(resultColumns(t), t.numRows)).toEqual({ x: 1, y: 2, series: -1 });
	});

	it('has nothing to plot without a number', async () => {
		const t = await db.query(`SELECT 'a' AS s`);
		expect(guessChart(resultColumns(t), t.numRows)).toBeNull();
	});
});
