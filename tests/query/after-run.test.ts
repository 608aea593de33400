/**
 * query/after-run.ts on real DuckDB-WASM and the default data: a console UPDATE of a
 * target reaches the scorecard, which caches its answers per data generation — without
 * the rebuild the cached, pre-edit answer would still be shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/db/types';
import { computeScorecard, resolveUnit } from '../../src/lib/kpi/scorecard';
import { afterConsoleRun } from '../../src/lib/query/after-run';
import { consoleEdits } from '../../src/lib/query/edits.svelte';
import { uploadState } from '../../src/lib/upload/active.svelte';
import { openDataDir } from '../../scripts/lib/open-data';

let db: Db;
beforeAll(async () => {
	({ db } = await openDataDir('data'));
});
afterAll(async () => db?.close());

const oc01 = async () => {
	const unit = (await resolveUnit(db, '34@2024'))!;
	const card = await computeScorecard(db, { unit, year: 2026 });
	return card.rows.find((r) => r.indicator === 'OC01' && r.unit_code === '34' && r.unit_vintage === '2024')!;
};

describe('afterConsoleRun', () => {
	it('a read rebuilds nothing', async () => {
		const version = uploadState.version;
		expect(await afterConsoleRun(db, 'SELECT * FROM targets')).toEqual([]);
		expect(consoleEdits.last).toEqual([]);
		expect(consoleEdits.tables).toEqual([]);
		expect(uploadState.version).toBe(version);
	});

	it('an UPDATE of targets: the cached scorecard is replaced by one from the edited data', async () => {
		// Thái Bình OC01: 194 against 150, exceeded.
		const before = await oc01();
		expect([before.target_min, before.actual, before.status]).toEqual([150, 194, 'exceeded']);
		const sql = `UPDATE targets SET target_min = 400 WHERE indicator = 'OC01' AND unit_code = '34' AND unit_vintage = '2024'`;
		await db.query(sql);
		// The answers of this data generation are cached: the edit is not seen yet.
		expect((await oc01()).target_min).toBe(150);

		const version = uploadState.version;
		expect(await afterConsoleRun(db, sql)).toEqual(['targets']);
		expect(consoleEdits).toMatchObject({ tables: ['targets'], last: ['targets'], rebuilding: false, error: null });
		expect(uploadState.version).toBe(version + 1);
		// 194 / 400 = 0,485: the 2025 target was not met.
		const after = await oc01();
		expect(after.target_min).toBe(400);
		expect(after.achievement).toBeCloseTo(194 / 400, 10);
		expect(after.status).toBe('not_met');
	});

	it('a rebuild that fails is reported, not thrown', async () => {
		await db.query('CREATE TABLE units_saved AS SELECT * FROM units; DROP TABLE units');
		try {
			expect(await afterConsoleRun(db, 'DROP TABLE units')).toEqual(['units']);
			expect(consoleEdits.error).toMatch(/units/);
			expect(consoleEdits.tables).toEqual(['targets', 'units']);
		} finally {
			await db.query('CREATE TABLE units AS SELECT * FROM units_saved');
		}
	});
});
