/**
 * db/catalog.ts on real DuckDB-WASM: which relations exist, and reading a table the
 * data may lack — absent gives null, any other failure is thrown as it came.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/lib/db/node';
import { toRows } from '../../src/lib/db/rows';
import type { Db } from '../../src/lib/db/types';
import { queryIfExists, relationExists } from '../../src/lib/db/catalog';

let db: Db;
beforeAll(async () => {
	db = await openNodeDb();
	await db.query(`CREATE TABLE figures AS SELECT * FROM (VALUES ('KN01', 3), ('DN01', 5)) t(indicator, value)`);
	await db.query(`CREATE VIEW figures_view AS SELECT * FROM figures WHERE value > 4`);
	await db.query(`CREATE SCHEMA other; CREATE TABLE other.elsewhere (x INTEGER)`);
});
afterAll(() => db.close());

describe('relationExists', () => {
	it('finds tables and views of the main schema, by exact name', async () => {
		expect(await relationExists(db, 'figures')).toBe(true);
		expect(await relationExists(db, 'figures_view')).toBe(true);
		expect(await relationExists(db, 'figure')).toBe(false);
		expect(await relationExists(db, 'elsewhere')).toBe(false);
	});

	it('quotes the name: a quote in it is a name, not SQL', async () => {
		expect(await relationExists(db, "x' OR '1'='1")).toBe(false);
	});
});

describe('queryIfExists', () => {
	it('returns the rows of a relation that exists', async () => {
		const table = await queryIfExists(db, 'figures_view', 'SELECT indicator FROM figures_view');
		expect(toRows(table!)).toEqual([{ indicator: 'DN01' }]);
	});

	it('returns null when the relation is missing', async () => {
		expect(await queryIfExists(db, 'published_figures', 'SELECT * FROM published_figures')).toBeNull();
	});

	it('throws the query error when the relation exists but the query is wrong', async () => {
		await expect(queryIfExists(db, 'figures', 'SELECT no_such_column FROM figures')).rejects.toThrow(/no_such_column/);
	});
});
