/**
 * The data build (Node only): data/ → checked → static/data/ as Arrow IPC + manifest.json.
 * scripts/build-data.ts is a thin CLI over `buildData`; tests call it directly.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tableToIPC } from 'apache-arrow';
import { openNodeDb } from '../db/node';
import { ident } from '../db/sql';
import { toRows } from '../db/rows';
import type { Db } from '../db/types';
import { DATASETS, type DatasetSpec, type Provenance } from './schema';
import type { Manifest, ManifestDataset } from './manifest';
import { hasErrors, limitPerFile, problem, type Problem } from './problems';
import { FORMATS, readDataset } from './read';
import { MAX_FILE_BYTES } from './limits';
import { validateStaging } from './validate';
import { createTypedTable, publishedColumns } from './typed';
import { checkReferences } from './crossref';

export interface BuildOptions {
	dataDir: string;
	outDir: string;
	/** Reuse an open database (tests); otherwise one is opened and closed here. */
	db?: Db;
}

export interface DatasetStat {
	name: string;
	rows: number;
	ms: number;
}

export interface BuildResult {
	ok: boolean;
	/** Errors and warnings, at most 50 per file (plus a note of how many more). */
	problems: Problem[];
	/** null when nothing was written. */
	manifest: Manifest | null;
	stats: DatasetStat[];
	ms: number;
}

interface Source {
	spec: DatasetSpec;
	fileName: string;
	/** As shown in messages: the data dir as given, joined with the file name. */
	label: string;
	bytes: Uint8Array;
	sha256: string;
}

export async function buildData(opts: BuildOptions): Promise<BuildResult> {
	const t0 = performance.now();
	await recoverOutput(opts.outDir);
	const db = opts.db ?? (await openNodeDb());
	try {
		return await build(db, opts, t0);
	} finally {
		if (!opts.db) await db.close();
	}
}

async function build(db: Db, { dataDir, outDir }: BuildOptions, t0: number): Promise<BuildResult> {
	const { sources, problems } = await findSources(dataDir);
	// A reused database may still hold an earlier build's tables.
	for (const spec of DATASETS) await db.query(`DROP TABLE IF EXISTS ${ident(spec.name)}`);

	// Every file that could be read gets a typed table, so references are checked in the
	// same run even where a file has errors of its own.
	const typed = new Map<string, string>();
	const omitted = new Map<string, number>();
	const stats = new Map<string, DatasetStat>();
	for (const src of sources) {
		const t = performance.now();
		const read = await readDataset(db, { spec: src.spec, file: src.label, bytes: src.bytes });
		problems.push(...read.problems);
		if (!read.staging) continue;
		const checked = await validateStaging(db, read.staging);
		problems.push(...checked.problems);
		if (checked.omitted) omitted.set(src.label, checked.omitted);
		const lenient = hasErrors([...read.problems, ...checked.problems]);
		await createTypedTable(db, read.staging, { lenient });
		typed.set(src.spec.name, src.label);
		await db.query(`DROP TABLE IF EXISTS ${ident(read.staging.table)}`);
		stats.set(src.spec.name, { name: src.spec.name, rows: read.staging.rows, ms: performance.now() - t });
	}

	const refs = await checkReferences(db, typed);
	problems.push(...refs.problems);
	for (const [file, n] of refs.omitted) omitted.set(file, (omitted.get(file) ?? 0) + n);

	const ok = !hasErrors(problems) && omitted.size === 0;
	const listed = limitPerFile(problems, omitted);
	if (!ok) return { ok, problems: listed, manifest: null, stats: [...stats.values()], ms: performance.now() - t0 };

	const outputs = new Map<string, Uint8Array | string>();
	const entries: ManifestDataset[] = [];
	const provenance = await datasetProvenance(db);
	for (const src of sources) {
		const t = performance.now();
		const table = await db.query(`SELECT ${publishedColumns(src.spec)} FROM ${ident(src.spec.name)} ORDER BY __row`);
		const ipc = tableToIPC(table, 'stream');
		const file = `${src.spec.name}.arrow`;
		outputs.set(file, ipc);
		const p = provenance.get(src.spec.name);
		entries.push({
			name: src.spec.name,
			file,
			source_file: src.fileName,
			rows: table.numRows,
			sha256: src.sha256,
			bytes: ipc.byteLength,
			source_bytes: src.bytes.byteLength,
			provenance: p?.provenance ?? null,
			as_of: p?.as_of ?? null,
			title_vi: src.spec.title_vi,
			title_en: src.spec.title_en,
			columns: src.spec.columns.map((c) => ({ name: c.name, type: c.type }))
		});
		stats.get(src.spec.name)!.ms += performance.now() - t;
	}
	const asOfs = [...provenance.values()].map((p) => p.as_of).filter((d): d is string => d !== null);
	const manifest: Manifest = {
		generated_at: new Date().toISOString(),
		as_of: asOfs.length ? asOfs.reduce((a, b) => (a > b ? a : b)) : null,
		datasets: entries
	};
	outputs.set('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
	await publish(outDir, outputs);
	return { ok, problems: listed, manifest, stats: [...stats.values()], ms: performance.now() - t0 };
}

/** Exactly one file per dataset: two formats of one dataset would leave it unclear which is current. */
async function findSources(dataDir: string): Promise<{ sources: Source[]; problems: Problem[] }> {
	let names: string[] = [];
	try {
		names = await readdir(dataDir);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	const sources: Source[] = [];
	const problems: Problem[] = [];
	for (const spec of DATASETS) {
		const found = names.filter((n) => (FORMATS as readonly string[]).some((f) => n === `${spec.name}.${f}`));
		if (found.length > 1) {
			problems.push(problem('duplicate_format', { file: path.join(dataDir, `${spec.name}.*`) }, { files: found }));
			continue;
		}
		if (found.length === 0) {
			if (spec.required) problems.push(problem('missing_dataset', { file: path.join(dataDir, spec.name) }, { detail: spec.name }));
			continue;
		}
		// Too large to read: said before a byte is loaded (limits.ts).
		const size = (await stat(path.join(dataDir, found[0]))).size;
		if (size > MAX_FILE_BYTES) {
			problems.push(problem('too_large', { file: path.join(dataDir, found[0]) }, { found: size, bound: MAX_FILE_BYTES }));
			continue;
		}
		const bytes = new Uint8Array(await readFile(path.join(dataDir, found[0])));
		sources.push({
			spec,
			fileName: found[0],
			label: path.join(dataDir, found[0]),
			bytes,
			sha256: createHash('sha256').update(bytes).digest('hex')
		});
	}
	return { sources, problems };
}

async function datasetProvenance(db: Db): Promise<Map<string, { provenance: Provenance; as_of: string | null }>> {
	const rows = toRows<{ dataset: string; provenance: Provenance; as_of: string | null }>(
		await db.query(`SELECT dataset, provenance, as_of FROM datasets`)
	);
	return new Map(rows.map((r) => [r.dataset, { provenance: r.provenance, as_of: r.as_of }]));
}

/**
 * A build killed between publish's two renames leaves no `outDir`, the previous output
 * under `.<base>.old-*`: put it back. Folders left by killed builds (their process is
 * gone) are removed. Runs first in every build, so even a build that then fails leaves
 * the previous output in place.
 */
export async function recoverOutput(outDir: string): Promise<void> {
	const target = path.resolve(outDir);
	const parent = path.dirname(target);
	const base = path.basename(target);
	let names: string[];
	try {
		names = await readdir(parent);
	} catch {
		return;
	}
	const leftover = (kind: 'tmp' | 'old') =>
		names
			.filter((n) => n.startsWith(`.${base}.${kind}-`))
			.filter((n) => !alive(Number(n.slice(`.${base}.${kind}-`.length).split('-')[0])));
	const olds = leftover('old').sort();
	if (olds.length && !names.includes(base)) {
		await rename(path.join(parent, olds[olds.length - 1]), target);
		olds.pop();
	}
	for (const n of [...leftover('tmp'), ...olds]) await rm(path.join(parent, n), { recursive: true, force: true });
}

function alive(pid: number): boolean {
	if (pid === process.pid) return true;
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Write everything into a fresh folder beside `outDir`, then swap folders with renames,
 * so readers (and a failed build) see the previous output or the new one, never a mix.
 * Renames within one parent folder are atomic on the same file system.
 */
async function publish(outDir: string, files: Map<string, Uint8Array | string>): Promise<void> {
	const target = path.resolve(outDir);
	const parent = path.dirname(target);
	const base = path.basename(target);
	await mkdir(parent, { recursive: true });
	const stamp = `${process.pid}-${Date.now()}`;
	const tmp = path.join(parent, `.${base}.tmp-${stamp}`);
	try {
		await mkdir(tmp);
		for (const [name, content] of files) await writeFile(path.join(tmp, name), content);
	} catch (e) {
		await rm(tmp, { recursive: true, force: true });
		throw e;
	}
	// Another build may swap its output in between our two renames; try again then.
	for (let attempt = 0; ; attempt++) {
		const old = path.join(parent, `.${base}.old-${stamp}-${attempt}`);
		let moved = false;
		try {
			await rename(target, old);
			moved = true;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
				await rm(tmp, { recursive: true, force: true });
				throw e;
			}
		}
		try {
			await rename(tmp, target);
			if (moved) await rm(old, { recursive: true, force: true });
			return;
		} catch (e) {
			const code = (e as NodeJS.ErrnoException).code;
			if (moved) await rename(old, target).catch(() => {});
			if ((code === 'ENOTEMPTY' || code === 'EEXIST') && attempt < 3) continue;
			await rm(tmp, { recursive: true, force: true });
			throw e;
		}
	}
}
