/**
 * Nothing lost on the build side: scripts/build-data.ts killed (SIGKILL) in the middle of
 * publishing. The build is held at two moments by a preloaded hook (pause-writes.mjs),
 * then killed there:
 *
 * - while it writes its output files (one complete, one half-written, in the
 *   temporary folder): the static output is byte-identical to the previous one;
 * - between the two renames that swap the output folder (the only moment no output
 *   folder exists): the next build run — even one that fails — puts the previous
 *   output back byte-identical before anything else.
 *
 * Either way the next good build publishes the new data completely and leaves no
 * temporary folders.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { buildData as build, type BuildOptions } from '../../src/lib/data/build';
import { openNodeDb } from '../../src/lib/db/node';
import type { Db } from '../../src/lib/db/types';
import { toRows } from '../../src/lib/db/rows';

const ROOT = path.resolve(__dirname, '../..');
const DATA_MIN = path.join(ROOT, 'tests/fixtures/data-min');
let work: string;
let db: Db;
const buildData = (opts: BuildOptions) => build({ ...opts, db });

beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'tiendo-build-kill-'));
	db = await openNodeDb();
});
afterAll(async () => {
	await db?.close();
	if (work) await rm(work, { recursive: true, force: true });
});

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
	const files = new Map<string, Buffer>();
	for (const name of (await readdir(dir)).sort()) files.set(name, await readFile(path.join(dir, name)));
	return files;
}

function expectSame(after: Map<string, Buffer>, before: Map<string, Buffer>) {
	expect([...after.keys()]).toEqual([...before.keys()]);
	for (const [f, bytes] of before) expect(after.get(f)!.equals(bytes), f).toBe(true);
}

/** Run the CLI with the hook, wait for it to reach `pause`, SIGKILL it; resolves with its exit signal. */
function buildAndKill(data: string, out: string, pause: 'write' | 'rename'): Promise<{ signal: string | null; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', '--import', './tests/hostile/pause-writes.mjs', 'scripts/build-data.ts', '--data', data, '--out', out], {
			cwd: ROOT,
			env: { ...process.env, HOSTILE_PAUSE: pause },
			stdio: ['ignore', 'ignore', 'pipe']
		});
		let stderr = '';
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`the build never reached ${pause}: ${stderr}`));
		}, 90_000);
		child.stderr.on('data', (b: Buffer) => {
			stderr += b.toString();
			if (stderr.includes('HOSTILE:')) child.kill('SIGKILL');
		});
		child.on('exit', (_code, signal) => {
			clearTimeout(timer);
			resolve({ signal, stderr });
		});
	});
}

/** data-min with one OCOP certificate changed from 4 to 5 stars: a build that differs. */
async function setup(name: string) {
	const dir = path.join(work, name);
	const data = path.join(dir, 'data');
	const out = path.join(dir, 'static', 'data');
	await cp(DATA_MIN, data, { recursive: true });
	const r = await buildData({ dataDir: data, outDir: out });
	expect(r.ok).toBe(true);
	const file = path.join(data, 'ocop_products.csv');
	await writeFile(file, (await readFile(file, 'utf8')).replace(',34,336,4,123/QĐ-UBND', ',34,336,5,123/QĐ-UBND'));
	return { dir, data, out, before: await snapshot(out) };
}

const stars = async (out: string) => toRows<{ stars: number }>(tableFromIPC(await readFile(path.join(out, 'ocop_products.arrow'))))[0].stars;
const dotFolders = async (dir: string) => (await readdir(path.join(dir, 'static'))).filter((n) => n.startsWith('.'));

describe('scripts/build-data.ts killed while publishing', () => {
	it('killed while writing its files: the static output is byte-identical', async () => {
		const f = await setup('write');
		const run = await buildAndKill(f.data, f.out, 'write');
		expect(run.signal).toBe('SIGKILL');
		expect(run.stderr).toContain('HOSTILE:writing');
		expectSame(await snapshot(f.out), f.before);
		// The half-written folder is still there until the next build removes it.
		expect((await dotFolders(f.dir)).some((n) => n.startsWith('.data.tmp-'))).toBe(true);

		const again = await buildData({ dataDir: f.data, outDir: f.out });
		expect(again.ok).toBe(true);
		expect(await stars(f.out)).toBe(5);
		expect(await dotFolders(f.dir)).toEqual([]);
	}, 120_000);

	it('killed between the two renames: the next run, even a failing one, restores the previous output byte-identical', async () => {
		const f = await setup('rename');
		const run = await buildAndKill(f.data, f.out, 'rename');
		expect(run.signal).toBe('SIGKILL');
		expect(run.stderr).toContain('HOSTILE:renamed');

		// A build with an error: it publishes nothing, but first puts the old output back.
		const file = path.join(f.data, 'budget.csv');
		const good = await readFile(file, 'utf8');
		await writeFile(file, good.replace('12.5,3.2', 'mười,3.2'));
		const failed = await buildData({ dataDir: f.data, outDir: f.out });
		expect(failed.ok).toBe(false);
		expectSame(await snapshot(f.out), f.before);
		expect(await dotFolders(f.dir)).toEqual([]);

		await writeFile(file, good);
		expect((await buildData({ dataDir: f.data, outDir: f.out })).ok).toBe(true);
		expect(await stars(f.out)).toBe(5);
	}, 120_000);
});
