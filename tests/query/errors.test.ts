/**
 * Error positions, on messages produced by DuckDB itself: the mark must land on the
 * word DuckDB complains about, also on later lines and in long lines DuckDB cuts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { errorPosition, tidyMessage } from '../../src/lib/query/errors';

let db: Db;
beforeAll(async () => {
	db = await openNodeDb();
	await db.query(`CREATE TABLE units AS SELECT '34' AS code, 'Thái Bình' AS name_vi`);
});
afterAll(async () => db?.close());

async function messageOf(sql: string): Promise<string> {
	try {
		await db.query(sql);
	} catch (e) {
		return (e as Error).message;
	}
	throw new Error(`no error for ${sql}`);
}

async function marked(sql: string) {
	const pos = errorPosition(await messageOf(sql), sql);
	expect(pos, sql).not.toBeNull();
	return { text: sql.slice(pos!.from, pos!.to), ...pos! };
}

describe('error position', () => {
	it('marks an unknown column', async () => {
		expect(await marked('SELECT nmae FROM units')).toMatchObject({ text: 'nmae', line: 1, column: 8 });
	});

	it('marks an unknown table', async () => {
		expect((await marked('SELECT * FROM unitz')).text).toBe('unitz');
	});

	it('marks a word on a later line, after Vietnamese text', async () => {
		const sql = `SELECT 'Đà Nẵng, Thái Bình' AS a,\n  code,\n  ten_tinh\nFROM units`;
		expect(await marked(sql)).toMatchObject({ text: 'ten_tinh', line: 3, column: 3 });
	});

	it('marks a syntax error', async () => {
		expect((await marked('SELEC code FROM units')).text).toBe('SELEC');
	});

	it('finds the word in a long line DuckDB shows cut with "..."', async () => {
		const many = Array.from({ length: 40 }, (_, i) => `code AS c${i}`).join(', ');
		const sql = `SELECT ${many}, bogus_column, ${many} FROM units`;
		const msg = await messageOf(sql);
		expect(msg).toContain('LINE 1: ...');
		expect((await marked(sql)).text).toBe('bogus_column');
	});

	it('reads "at position N" and gives null when there is no position', () => {
		expect(errorPosition('Invalid Input Error: bad value at position 7', 'SELECT foo')).toMatchObject({ from: 7, to: 10 });
		expect(errorPosition('Parser Error: syntax error at end of input', 'SELECT 1 +')).toBeNull();
	});

	it('shows a repeated parser excerpt once', async () => {
		const msg = await messageOf('SELEC 1');
		expect(msg.match(/LINE 1:/g)).toHaveLength(2);
		expect(tidyMessage(msg).match(/LINE 1:/g)).toHaveLength(1);
	});
});
