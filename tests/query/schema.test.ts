/**
 * The schema browser's and completion's view of the live database, on the default data:
 * every dataset with its declared columns and its manifest's row count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import type { Manifest } from '../../src/lib/data/manifest';
import { DATASETS } from '../../src/lib/data/schema';
import { openDataDir } from '../../scripts/lib/open-data';
import { completionNamespace, previewSql, readSchema, sqlName, type SchemaInfo } from '../../src/lib/query/schema';

let db: Db;
let manifest: Manifest;
let schema: SchemaInfo;
beforeAll(async () => {
	({ db, manifest } = await openDataDir('data'));
	schema = await readSchema(db);
});
afterAll(async () => db?.close());

describe('schema of the live database', () => {
	it('lists every dataset with the columns of its spec and the manifest’s row count', () => {
		for (const spec of DATASETS) {
			const t = schema.tables.find((x) => x.name === spec.name && x.schema === 'main');
			expect(t, spec.name).toBeDefined();
			expect(t!.kind).toBe('table');
			expect(t!.columns.map((c) => c.name)).toEqual(spec.columns.map((c) => c.name));
			expect(t!.rows).toBe(manifest.datasets.find((d) => d.name === spec.name)!.rows);
		}
	});

	it('lists the KPI views and tables too, views without a count', () => {
		const seq = schema.tables.find((t) => t.name === 'ocop_seq')!;
		expect(seq.kind).toBe('view');
		expect(seq.rows).toBeNull();
		expect(seq.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['expiry_date', 'prev_stars', 'next_decision_date', 'end_date']));
		expect(schema.tables.find((t) => t.name === 'ocop_products_units')?.kind).toBe('table');
		const ocop = schema.tables.find((t) => t.name === 'ocop_products')!;
		expect(ocop.columns.find((c) => c.name === 'decision_date')!.type).toBe('DATE');
		expect(ocop.columns.find((c) => c.name === 'stars')!.type).toBe('INTEGER');
	});

	it('knows DuckDB’s functions', () => {
		expect(schema.functions).toEqual(expect.arrayContaining(['count', 'date_diff', 'strftime', 'read_csv', 'any_value']));
	});

	it('sees a table created afterwards', async () => {
		await db.query('CREATE TABLE "Bảng tạm" AS SELECT 1 AS x');
		const again = await readSchema(db);
		expect(again.tables.find((t) => t.name === 'Bảng tạm')).toMatchObject({ rows: 1, columns: [{ name: 'x', type: 'INTEGER' }] });
		await db.query('DROP TABLE "Bảng tạm"');
	});
});

describe('completion namespace and names', () => {
	it('puts tables at the top level with their columns', () => {
		const ns = completionNamespace(schema.tables) as Record<string, { self: { label: string; detail: string }; children: { label: string; detail: string }[] }>;
		expect(ns.ocop_products.self).toMatchObject({ label: 'ocop_products', detail: '4781 rows' });
		expect(ns.ocop_products.children.map((c) => c.label)).toContain('stars');
		expect(ns.ocop_products.children.find((c) => c.label === 'stars')!.detail).toBe('INTEGER');
		expect(ns.ocop_seq.self.detail).toBe('view');
	});

	it('quotes names only when needed', () => {
		expect(sqlName({ schema: 'main', name: 'ocop_products' })).toBe('ocop_products');
		expect(sqlName({ schema: 'main', name: 'Bảng tạm' })).toBe('"Bảng tạm"');
		expect(sqlName({ schema: 'temp', name: 'x' })).toBe('temp.x');
		expect(previewSql({ schema: 'main', name: 'budget' })).toBe('SELECT * FROM budget LIMIT 100');
	});
});
