/**
 * The data build (Node only): data/ → checked → static/data/ as Arrow IPC + manifest.json.
 * scripts/build-data.ts is a thin CLI over `buildData`; tests call it directly.
 */
import { webcrypto } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RecordBatchStreamWriter } from 'apache-arrow';
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
	/**
	 * Largest source file read, in bytes. Unset: the upload's bound (MAX_FILE_BYTES) and
	 * its message. scripts/build-data.ts sets the build's own, MAX_BUILD_FILE_BYTES (or
	 * --max-file-mb), and a file over a bound set here is refused with a message that
	 * says how to raise it. Checked from the file's size, before a byte is read.
	 */
	maxFileBytes?: number;
}

export interface DatasetStat {
	name: string;
	rows: number;
	ms: number;
	/**
	 * Where the time went (ms): read = file → text table, check = rules, keys and the
	 * typed table, refs = references to other datasets, write = Arrow file.
	 */
	phases: { read: number; check: number; refs: number; write: number };
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
	path: string;
}

/** The datasets others are checked against (crossref.ts); read before all others. */
const REFERENCES = ['indicators', 'units', 'datasets'];

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

/**
 * One dataset at a time — read, check, type, check references, write its Arrow file,
 * drop its tables — so that memory holds one large dataset, not all of them: at ten
 * million rows they would not fit in DuckDB-WASM's 4 GB. The reference datasets come
 * first and stay until the end, since every other one is checked against them.
 * Problems are reported in the order of a build that checks everything and then the
 * references: per file, in DATASETS order.
 */
async function build(db: Db, opts: BuildOptions, t0: number): Promise<BuildResult> {
	const { sources, problems: found } = await findSources(opts.dataDir, opts.maxFileBytes);
	// A reused database may still hold an earlier build's tables.
	for (const spec of DATASETS) await db.query(`DROP TABLE IF EXISTS ${ident(spec.name)}`);

	const own = new Map<string, Problem[]>();
	const crossed = new Map<string, Problem[]>();
	const omitted = new Map<string, number>();
	const typed = new Map<string, string>();
	const stats = new Map<string, DatasetStat>();
	const entries = new Map<string, ManifestDataset>();
	const output = new Output(opts.outDir);
	let provenance = new Map<string, { provenance: Provenance; as_of: string | null }>();
	const failing = () =>
		omitted.size > 0 || hasErrors(found) || [...own.values(), ...crossed.values()].some(hasErrors);
	const lap = (name: string, phase: keyof DatasetStat['phases'], t: number) => {
		const s = stats.get(name);
		if (s) s.phases[phase] += performance.now() - t;
	};

	/**
	 * Read, check and type one dataset; its typed table is then in the database. Every
	 * file that could be read gets one, so references are checked in the same run even
	 * where a file has errors of its own.
	 */
	const load = async (src: Source, file: Promise<Uint8Array>) => {
		const counted: DatasetStat = { name: src.spec.name, rows: 0, ms: 0, phases: { read: 0, check: 0, refs: 0, write: 0 } };
		stats.set(src.spec.name, counted);
		let t = performance.now();
		const bytes = await file;
		// Hashed on libuv's thread pool while this thread reads and checks the file.
		const sha256 = sha256Hex(bytes);
		const read = await readDataset(db, { spec: src.spec, file: src.label, bytes, maxBytes: Infinity });
		const problems = [...read.problems];
		own.set(src.spec.name, problems);
		lap(src.spec.name, 'read', t);
		if (!read.staging) return null;
		t = performance.now();
		const checked = await validateStaging(db, read.staging);
		problems.push(...checked.problems);
		if (checked.omitted) omitted.set(src.label, checked.omitted);
		await createTypedTable(db, read.staging, { lenient: hasErrors(problems), bare: checked.bare });
		typed.set(src.spec.name, src.label);
		await db.query(`DROP TABLE IF EXISTS ${ident(read.staging.table)}`);
		counted.rows = read.staging.rows;
		lap(src.spec.name, 'check', t);
		return { sha256: await sha256, bytes: bytes.byteLength };
	};

	/** This dataset's references to the reference datasets (crossref.ts), kept under its name. */
	const checkRefs = async (src: Source) => {
		if (!typed.has(src.spec.name)) return;
		const t = performance.now();
		const files = new Map([[src.spec.name, src.label]]);
		for (const name of REFERENCES) if (typed.has(name)) files.set(name, typed.get(name)!);
		const refs = await checkReferences(db, files);
		crossed.set(src.spec.name, refs.problems.filter((p) => p.file === src.label));
		const more = refs.omitted.get(src.label);
		if (more) omitted.set(src.label, (omitted.get(src.label) ?? 0) + more);
		lap(src.spec.name, 'refs', t);
	};

	/** The Arrow file, unless the build has failed already (nothing will be published then). */
	const write = async (src: Source, source: { sha256: string; bytes: number } | null) => {
		if (!source || failing()) return;
		const t = performance.now();
		const { ipc, rows } = await arrowStream(db, src.spec, stats.get(src.spec.name)!.rows);
		const file = `${src.spec.name}.arrow`;
		await output.write(file, ipc);
		const p = provenance.get(src.spec.name);
		entries.set(src.spec.name, {
			name: src.spec.name,
			file,
			source_file: src.fileName,
			rows,
			sha256: source.sha256,
			bytes: ipc.byteLength,
			source_bytes: source.bytes,
			provenance: p?.provenance ?? null,
			as_of: p?.as_of ?? null,
			title_vi: src.spec.title_vi,
			title_en: src.spec.title_en,
			columns: src.spec.columns.map((c) => ({ name: c.name, type: c.type }))
		});
		lap(src.spec.name, 'write', t);
	};

	try {
		const isReference = (s: Source) => REFERENCES.includes(s.spec.name);
		const order = [...sources.filter(isReference), ...sources.filter((s) => !isReference(s))];
		// Each file is read from disk (on the thread pool) while the one before is processed.
		const files = new Map<Source, Promise<Uint8Array>>();
		const fetch = (i: number) => {
			const src = order[i];
			if (!src || files.has(src)) return;
			const file = readBytes(src.path);
			// Awaited when its turn comes; until then a failure must not end the process.
			file.catch(() => {});
			files.set(src, file);
		};
		const next = (src: Source) => {
			const i = order.indexOf(src);
			fetch(i);
			fetch(i + 1);
			const file = files.get(src)!;
			files.delete(src);
			return file;
		};
		const references = new Map<Source, { sha256: string; bytes: number } | null>();
		for (const src of order.filter(isReference)) references.set(src, await load(src, next(src)));
		if (typed.has('datasets')) provenance = await datasetProvenance(db);
		for (const src of order.filter((s) => !isReference(s))) {
			const source = await load(src, next(src));
			await checkRefs(src);
			await write(src, source);
			await db.query(`DROP TABLE IF EXISTS ${ident(src.spec.name)}`);
		}
		for (const [src, source] of references) {
			await checkRefs(src);
			await write(src, source);
		}
		for (const name of REFERENCES) await db.query(`DROP TABLE IF EXISTS ${ident(name)}`);

		const inOrder = <T>(m: Map<string, T>) => DATASETS.flatMap((d) => (m.has(d.name) ? [m.get(d.name)!] : []));
		const problems = [...found, ...inOrder(own).flat(), ...inOrder(crossed).flat()];
		const ok = !hasErrors(problems) && omitted.size === 0;
		const listed = limitPerFile(problems, omitted);
		const statList = inOrder(stats).map((s) => ({ ...s, ms: s.phases.read + s.phases.check + s.phases.refs + s.phases.write }));
		if (!ok) {
			await output.discard();
			return { ok, problems: listed, manifest: null, stats: statList, ms: performance.now() - t0 };
		}
		const list = inOrder(entries);
		const asOfs = list.map((e) => e.as_of).filter((d): d is string => d !== null);
		const manifest: Manifest = {
			generated_at: new Date().toISOString(),
			as_of: asOfs.length ? asOfs.reduce((a, b) => (a > b ? a : b)) : null,
			datasets: list
		};
		await output.write('manifest.json', JSON.stringify(manifest, null, 2) + '\n');
		await output.publish();
		return { ok, problems: listed, manifest, stats: statList, ms: performance.now() - t0 };
	} catch (e) {
		await output.discard();
		throw e;
	}
}

async function readBytes(file: string): Promise<Uint8Array> {
	const b = await readFile(file);
	return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = new Uint8Array(await webcrypto.subtle.digest('SHA-256', bytes));
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Rows per query when writing a table out: a multiple of DuckDB's 2048-row vectors. */
export const EXPORT_SLICE = 1 << 20;

/**
 * A typed table as one Arrow IPC stream (schema, then record batches), in file order.
 * DuckDB-WASM builds each query result as one buffer in its 4 GB memory, so a table of
 * millions of rows is read a slice of rows at a time (by rowid: 0, 1, 2, … in insertion
 * order, which DuckDB keeps; a rowid range is read without a scan of the rest) and the
 * slices' batches are written into the one stream. The batches are DuckDB's own 2048-row
 * vectors either way, so the bytes do not depend on the slicing.
 */
export async function arrowStream(
	db: Db,
	spec: DatasetSpec,
	rows: number,
	slice = EXPORT_SLICE
): Promise<{ ipc: Uint8Array; rows: number }> {
	const writer = new RecordBatchStreamWriter();
	let schema: string | null = null;
	let written = 0;
	for (let from = 0; from === 0 || from < rows; from += slice) {
		const part = await db.query(
			`SELECT ${publishedColumns(spec)} FROM ${ident(spec.name)} WHERE rowid >= ${from} AND rowid < ${from + slice}`
		);
		const fields = part.schema.fields.map(String).join(', ');
		if (schema === null) schema = fields;
		else if (fields !== schema) throw new Error(`${spec.name}: Arrow schema changed between slices (${schema} → ${fields})`);
		if (from === 0 && part.batches.length === 0) writer.write(part);
		for (const batch of part.batches) writer.write(batch);
		written += part.numRows;
	}
	writer.finish();
	return { ipc: writer.toUint8Array(true), rows: written };
}

/** Exactly one file per dataset: two formats of one dataset would leave it unclear which is current. */
async function findSources(dataDir: string, maxFileBytes?: number): Promise<{ sources: Source[]; problems: Problem[] }> {
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
		const file = path.join(dataDir, found[0]);
		const size = (await stat(file)).size;
		const bound = maxFileBytes ?? MAX_FILE_BYTES;
		if (size > bound) {
			problems.push(problem(maxFileBytes === undefined ? 'too_large' : 'too_large_for_build', { file }, { found: size, bound }));
			continue;
		}
		sources.push({ spec, fileName: found[0], label: file, path: file });
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
 * The output, written file by file into a fresh folder beside `outDir` as datasets are
 * done, then swapped in with renames, so readers (and a failed build) see the previous
 * output or the new one, never a mix. Renames within one parent folder are atomic on
 * the same file system.
 */
class Output {
	private readonly target: string;
	private readonly parent: string;
	private readonly base: string;
	private readonly stamp = `${process.pid}-${Date.now()}`;
	private tmp: string | null = null;

	constructor(outDir: string) {
		this.target = path.resolve(outDir);
		this.parent = path.dirname(this.target);
		this.base = path.basename(this.target);
	}

	async write(name: string, content: Uint8Array | string): Promise<void> {
		if (this.tmp === null) {
			await mkdir(this.parent, { recursive: true });
			const tmp = path.join(this.parent, `.${this.base}.tmp-${this.stamp}`);
			await mkdir(tmp);
			this.tmp = tmp;
		}
		await writeFile(path.join(this.tmp, name), content);
	}

	/** Remove what was written (a failed build). */
	async discard(): Promise<void> {
		if (this.tmp !== null) await rm(this.tmp, { recursive: true, force: true });
		this.tmp = null;
	}

	async publish(): Promise<void> {
		const { target, parent, base, stamp, tmp } = this;
		if (tmp === null) throw new Error('nothing to publish');
		this.tmp = null;
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
}
