/**
 * The metadata the pages get at build time (prebaked.json) for the default data, made
 * by the real build and prebake scripts into a temporary folder — so the tests run on a
 * clean clone, before anyone has built the site, and never read a stale static/data/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildData } from '../../src/lib/data/build';
import type { Prebaked } from '../../src/lib/kpi/prebaked';

export async function prebakedDefault(): Promise<Prebaked> {
	const root = mkdtempSync(join(tmpdir(), 'tiendo-prebaked-'));
	try {
		const out = join(root, 'data');
		const result = await buildData({ dataDir: 'data', outDir: out });
		if (!result.ok) throw new Error(result.problems.map((p) => p.message_en).join('\n'));
		execFileSync('node_modules/.bin/tsx', ['scripts/prebake.ts', '--out', out], { stdio: 'pipe' });
		return JSON.parse(readFileSync(join(out, 'prebaked.json'), 'utf8')) as Prebaked;
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}
