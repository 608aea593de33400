/**
 * query/writes.ts: which tables a console text may write, read from the text. Reads
 * must not count as writes (a false "write" rebuilds the KPI tables for nothing), and a
 * write must never be missed (the scorecard would show numbers from before it).
 */
import { describe, expect, it } from 'vitest';
import { blankLiterals, mayWrite, tablesWritten } from '../../src/lib/query/writes';

const KPI = ['targets', 'units', 'startups', 'startups_agg', 'observations'];

describe('tablesWritten', () => {
	it('names the tables that writing statements name', () => {
		expect(tablesWritten(`UPDATE targets SET target_min = 300 WHERE indicator = 'KN01'`, KPI)).toEqual(['targets']);
		expect(tablesWritten('DELETE FROM observations WHERE year < 2020', KPI)).toEqual(['observations']);
		expect(tablesWritten('INSERT INTO startups SELECT * FROM my_firms', KPI)).toEqual(['startups']);
		expect(tablesWritten('DROP TABLE startups_agg', KPI)).toEqual(['startups_agg']);
		expect(tablesWritten('CREATE OR REPLACE TABLE units AS SELECT * FROM units WHERE level = \'province\'', KPI)).toEqual(['units']);
		expect(tablesWritten('ALTER TABLE Targets RENAME COLUMN note TO ghi_chu', KPI)).toEqual(['targets']);
	});

	it('reads nothing into statements that only read', () => {
		for (const sql of [
			'SELECT * FROM targets',
			'  select count(*) from startups;',
			'WITH t AS (SELECT * FROM targets) SELECT * FROM t',
			'FROM observations LIMIT 5',
			'DESCRIBE targets',
			'SUMMARIZE startups',
			'EXPLAIN SELECT * FROM units',
			'SHOW TABLES',
			'PRAGMA table_info(\'targets\')'
		])
			expect(tablesWritten(sql, KPI), sql).toEqual([]);
	});

	it('does not take words in strings, comments or column names for writes', () => {
		expect(tablesWritten(`SELECT replace(name_vi, 'update targets', '') FROM units`, KPI)).toEqual([]);
		expect(tablesWritten(`-- DELETE FROM targets\nSELECT 1 FROM targets`, KPI)).toEqual([]);
		expect(tablesWritten(`/* DROP TABLE units; */ SELECT * FROM units`, KPI)).toEqual([]);
		expect(tablesWritten(`SELECT $$x; DELETE FROM targets$$ FROM units`, KPI)).toEqual([]);
		// A table named only in a string is not written by the statement that quotes it.
		expect(tablesWritten(`CREATE TABLE scratch AS SELECT 'targets' AS t`, KPI)).toEqual([]);
	});

	it('finds a write among several statements, and quoted table names', () => {
		expect(tablesWritten('SELECT 1; UPDATE "targets" SET target_min = 1; SELECT 2', KPI)).toEqual(['targets']);
		expect(tablesWritten(`SELECT ';'; DELETE FROM main.startups`, KPI)).toEqual(['startups']);
	});

	it("a table the statement reads from is not written: an analyst's scratch table rebuilds nothing", () => {
		expect(tablesWritten(`CREATE TABLE my_firms AS SELECT * FROM startups WHERE province_code = '22'`, KPI)).toEqual([]);
		expect(tablesWritten('CREATE TABLE my_firms (id INTEGER); INSERT INTO my_firms SELECT 1 FROM targets', KPI)).toEqual([]);
		expect(tablesWritten('INSERT INTO startups SELECT * FROM targets', KPI)).toEqual(['startups']);
		expect(tablesWritten('UPDATE targets SET target_min = u.x FROM units u WHERE u.code = targets.unit_code', KPI)).toEqual(['targets']);
	});

	it('a statement of an unknown kind may write whatever it names', () => {
		expect(tablesWritten('EXECUTE wipe(targets)', KPI)).toEqual(['targets']);
		expect(tablesWritten('IMPORT DATABASE units', KPI)).toEqual(['units']);
	});
});

describe('mayWrite', () => {
	it('EXPLAIN ANALYZE runs what it explains; WITH may lead a write', () => {
		expect(mayWrite('EXPLAIN ANALYZE DELETE FROM targets')).toBe(true);
		expect(mayWrite('EXPLAIN ANALYZE SELECT 1')).toBe(false);
		expect(mayWrite('WITH old AS (SELECT 1) DELETE FROM targets')).toBe(true);
		expect(mayWrite('COPY targets FROM \'x.csv\'')).toBe(true);
		expect(mayWrite('   ')).toBe(false);
	});
});

describe('blankLiterals', () => {
	it('keeps the length of strings and comments, and unquotes names', () => {
		const sql = `SELECT 'it''s' -- note\nFROM "my table"`;
		const out = blankLiterals(sql);
		expect(out).not.toContain("it");
		expect(out).not.toContain('note');
		expect(out).toContain(' my table ');
		expect(out.startsWith('SELECT ' + ' '.repeat(7))).toBe(true);
	});
});
