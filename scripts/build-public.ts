/**
 * The public site: the same dashboard without the datasets marked internal.
 *
 *   npm run build:public [-- --data data --out build-public --static .public/static --kit .public/kit] [--data-only]
 *
 * 1. data/ is checked and built as usual (into a temporary folder);
 * 2. a public copy of static/ is made (--static): static/data gets
 *    - internal datasets (datasets.csv `access`, else DEFAULT_ACCESS in src/lib/data/manifest.ts)
 *      as Arrow files with their columns and no row, marked `withheld` in manifest.json, so
 *      every query still runs and finds nothing;
 *    - observations, published figures and targets of indicators computed from an internal
 *      table left out (the public scorecard omits them; the manifest says which datasets are withheld);
 *    - prebaked.json computed from that public data (scripts/prebake.ts), so no first-screen
 *      number comes from an internal dataset;
 *    static/readme (screenshots of the internal site) is not copied;
 * 3. `vite build` builds the site from that folder into --out (TIENDO_STATIC, TIENDO_BUILD,
 *    TIENDO_KIT_OUT: build/ and static/ are not touched).
 *
 * tests/security/public-build.test.ts searches every byte of the result for internal values.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tableToIPC } from 'apache-arrow';
import { buildData } from '../src/lib/data/build';
import { MAX_BUILD_FILE_BYTES } from '../src/lib/data/limits';
import { openNodeDb } from '../src/lib/db/node';
import { ident, literal } from '../src/lib/db/sql';
import { toRows } from '../src/lib/db/rows';
import { accessOf, type Manifest } from '../src/lib/data/manifest';

const { values: opt } = parseArgs({
	options: {
		data: { type: 'string', default: 'data' },
		out: { type: 'string', default: 'build-public' },
		static: { type: 'string', default: '.public/static' },
		kit: { type: 'string', default: '.public/kit' },
		'data-only': { type: 'boolean', default: false }
	}
});
const t0 = performance.now();
const staticOut = resolve(opt.static!);
const dataOut = join(staticOut, 'data');
const say = (s: string) => console.log(s);

// 1. The full, validated build, in a temporary folder.
const full = mkdtempSync(join(tmpdir(), 'tiendo-public-'));
try {
	const built = await buildData({ dataDir: opt.data!, outDir: full, maxFileBytes: MAX_BUILD_FILE_BYTES });
	if (!built.ok || !built.manifest) {
		for (const p of built.problems) console.error(`${p.message_vi}\n   ${p.message_en}`);
		console.error('Dữ liệu có lỗi: không dựng bản công khai. / Data has errors: public site not built.');
		process.exit(1);
	}

	// 2. The public copy of static/.
	rmSync(staticOut, { recursive: true, force: true });
	mkdirSync(dataOut, { recursive: true });
	cpSync('static', staticOut, { recursive: true, filter: (src) => !/^static[\\/](data|readme)([\\/]|$)/.test(relative('.', src)) });

	const db = await openNodeDb();
	const manifest = built.manifest;
	for (const d of manifest.datasets) await db.insertArrowIPC(d.name, new Uint8Array(readFileSync(join(full, d.file))), { replace: true });
	const declared = new Map(
		toRows<{ dataset: string; access: string | null }>(await db.query(`SELECT dataset, access FROM datasets`)).map((r) => [r.dataset, r.access])
	);
	const internal = new Set(manifest.datasets.map((d) => d.name).filter((n) => accessOf(n, declared.get(n)) === 'internal'));
	const internalIndicators = toRows<{ code: string }>(
		await db.query(
			`SELECT code FROM indicators WHERE source_table IN (${[...internal].map(literal).join(', ') || 'NULL'}) ORDER BY code`
		)
	).map((r) => r.code);
	const indicatorFilter = internalIndicators.length ? `indicator NOT IN (${internalIndicators.map(literal).join(', ')})` : 'true';

	const publicManifest: Manifest = { ...manifest, datasets: [] };
	for (const d of manifest.datasets) {
		// Targets of those indicators go too: over an empty table a count would read 0 and
		// the scorecard would say "not met"; the public scorecard omits them and says so.
		const where = internal.has(d.name) ? 'false' : ['observations', 'published_figures', 'targets'].includes(d.name) ? indicatorFilter : 'true';
		const table = await db.query(`SELECT * FROM ${ident(d.name)} WHERE ${where}`);
		const ipc = tableToIPC(table, 'stream');
		writeFileSync(join(dataOut, d.file), ipc);
		publicManifest.datasets.push({
			...d,
			rows: table.numRows,
			bytes: ipc.byteLength,
			// The hash names the published bytes (it is the download's cache key), not the source file.
			sha256: createHash('sha256').update(ipc).digest('hex'),
			source_bytes: internal.has(d.name) ? 0 : d.source_bytes,
			access: internal.has(d.name) ? 'internal' : 'public',
			withheld: internal.has(d.name) || undefined
		});
		say(`${d.name.padEnd(18)} ${internal.has(d.name) ? 'internal: withheld' : `public: ${table.numRows} of ${d.rows} rows`}`);
	}
	await db.close();
	writeFileSync(join(dataOut, 'manifest.json'), JSON.stringify(publicManifest, null, '\t'));
	say(`indicators computed from internal data (left out of the public scorecard): ${internalIndicators.join(', ') || '—'}`);

	// The first screen, computed from the public data only.
	run('npx', ['tsx', 'scripts/prebake.ts', '--out', dataOut], {});
} finally {
	rmSync(full, { recursive: true, force: true });
}

// 3. The site.
if (!opt['data-only']) {
	run('./node_modules/.bin/vite', ['build', '--logLevel', 'warn'], {
		TIENDO_STATIC: staticOut,
		TIENDO_BUILD: resolve(opt.out!),
		TIENDO_KIT_OUT: resolve(opt.kit!)
	});
	say(`public site: ${opt.out} (from ${opt.static}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
} else say(`public data: ${dataOut} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

function run(cmd: string, args: string[], env: Record<string, string>) {
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) {
		console.error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
		process.exit(1);
	}
}
