/**
 * The scale generator: same seed and scale → the same bytes; another seed → other
 * records; and the data build accepts what it writes (national scale), with every
 * generated dataset labelled illustrative.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesize } from '../../scripts/lib/synth/index';
import { countsFor } from '../../scripts/lib/synth/scales';
import { buildData } from '../../src/lib/data/build';

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'tiendo-synth-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = (d: string) => readdirSync(d).filter((f) => f.endsWith('.csv')).sort();

describe('synth-data', () => {
	it('writes the same bytes for the same seed (whatever the thread count), other bytes for another seed', async () => {
		await synthesize({ scale: 'national', out: join(dir, 'a'), seed: 7, threads: 1 });
		await synthesize({ scale: 'national', out: join(dir, 'b'), seed: 7, threads: 2 });
		await synthesize({ scale: 'national', out: join(dir, 'c'), seed: 8 });
		expect(files(join(dir, 'a'))).toEqual(files(join(dir, 'b')));
		for (const f of files(join(dir, 'a'))) {
			expect(readFileSync(join(dir, 'a', f)).equals(readFileSync(join(dir, 'b', f))), f).toBe(true);
		}
		expect(readFileSync(join(dir, 'a', 'st_tasks.csv')).equals(readFileSync(join(dir, 'c', 'st_tasks.csv')))).toBe(false);
	}, 120_000);

	it('has the national row counts, every old and new province, and districts only before the merger', async () => {
		const r = await synthesize({ scale: 'national', out: join(dir, 'n') });
		const c = countsFor('national');
		expect(r.rows.startups).toBe(c.startups);
		expect(r.rows.st_firms).toBe(c.stFirms);
		expect(r.rows.ip_titles).toBe(c.ipTitles);
		// 63 old provinces × 26 quarters to 2025-Q2 + 34 new × 5 quarters to 2026-Q3, × 3 sources × 2 categories.
		expect(r.rows.budget).toBe((63 * 26 + 34 * 5) * 6);
		const lines = readFileSync(join(dir, 'n', 'st_firms.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
		const after = lines.filter((f) => f[6] >= '2025-07-01');
		expect(after.length).toBeGreaterThan(0);
		expect(after.every((f) => f[4] === '')).toBe(true);
		expect(new Set(lines.filter((f) => f[6] < '2025-07-01').map((f) => f[3])).size).toBe(63);
		expect(new Set(after.map((f) => f[3])).size).toBe(34);
	}, 120_000);

	it('is accepted by the data build, every generated dataset marked illustrative', async () => {
		const result = await buildData({ dataDir: join(dir, 'n'), outDir: join(dir, 'built') });
		expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(result.ok).toBe(true);
		const byName = new Map(result.manifest!.datasets.map((d) => [d.name, d]));
		for (const name of ['ocop_products', 'startups', 'st_firms', 'budget', 'st_tasks', 'ip_titles', 'targets', 'observations']) {
			expect(byName.get(name)?.provenance, name).toBe('illustrative');
		}
		expect(byName.get('st_firms')?.rows).toBe(countsFor('national').stFirms);
	}, 300_000);
});
