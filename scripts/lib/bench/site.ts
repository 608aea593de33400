/**
 * Builds the site for one data scale into .bench/<scale>/ without touching the
 * lead's build/, static/data/ or .svelte-kit/: data (generated unless "default") →
 * data build (timed) → prebake → `vite build` with TIENDO_STATIC / TIENDO_BUILD /
 * TIENDO_KIT_OUT pointing into .bench/<scale>/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { synthesize } from '../synth/index';
import type { Scale } from '../synth/scales';

export type BenchScale = 'default' | Scale;

export interface Site {
	scale: BenchScale;
	root: string;
	dataDir: string;
	staticDir: string;
	buildDir: string;
	/** Seconds per data build run (validation + Arrow + manifest). */
	buildSeconds: number[];
	synthSeconds: number | null;
	prebakeSeconds: number | null;
	siteSeconds: number | null;
}

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
	const t0 = performance.now();
	const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
	if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
	return (performance.now() - t0) / 1000;
}

export async function prepareSite(
	scale: BenchScale,
	opts: { buildRuns: number; reuse: boolean; reuseData?: boolean; log: (s: string) => void }
): Promise<Site> {
	const root = resolve('.bench', scale);
	const site: Site = {
		scale,
		root,
		dataDir: scale === 'default' ? resolve('data') : join(root, 'src'),
		staticDir: join(root, 'static'),
		buildDir: join(root, 'build'),
		buildSeconds: [],
		synthSeconds: null,
		prebakeSeconds: null,
		siteSeconds: null
	};
	if (opts.reuse && existsSync(join(site.buildDir, 'index.html'))) {
		opts.log(`[${scale}] reusing ${site.buildDir}`);
		return site;
	}
	mkdirSync(root, { recursive: true });
	const tsx = resolve('node_modules/.bin/tsx');
	const outData = join(site.staticDir, 'data');
	if (opts.reuseData && existsSync(join(outData, 'manifest.json'))) {
		// The built data as it is; the prepared tables and the site follow the code, so both are made again.
		opts.log(`[${scale}] reusing the data of ${outData}; prebake…`);
		site.prebakeSeconds = run(tsx, ['scripts/prebake.ts', '--out', outData]);
		return buildSite(site, opts.log);
	}
	if (scale !== 'default') {
		opts.log(`[${scale}] generating data…`);
		const r = await synthesize({ scale, out: site.dataDir });
		site.synthSeconds = r.ms / 1000;
	}
	for (let i = 0; i < opts.buildRuns; i++) {
		opts.log(`[${scale}] data build ${i + 1}/${opts.buildRuns}…`);
		site.buildSeconds.push(run(tsx, ['scripts/build-data.ts', '--data', site.dataDir, '--out', outData]));
	}
	opts.log(`[${scale}] prebake…`);
	site.prebakeSeconds = run(tsx, ['scripts/prebake.ts', '--out', outData]);
	return buildSite(site, opts.log);
}

function buildSite(site: Site, log: (s: string) => void): Site {
	const root = site.root;
	const scale = site.scale;
	const opts = { log };
	// The rest of static/ (favicon, readme) as is; data/ is this scale's.
	cpSync('static', site.staticDir, { recursive: true, filter: (src) => !resolve(src).startsWith(resolve('static/data')) });
	opts.log(`[${scale}] vite build…`);
	rmSync(site.buildDir, { recursive: true, force: true });
	site.siteSeconds = run(resolve('node_modules/.bin/vite'), ['build', '--logLevel', 'error'], {
		TIENDO_STATIC: site.staticDir,
		TIENDO_BUILD: site.buildDir,
		TIENDO_KIT_OUT: join(root, '.svelte-kit')
	});
	return site;
}
