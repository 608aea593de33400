/**
 * How the live database starts. With the build's prepared tables (derived.ts) that
 * match the data: the small datasets and the prepared tables are loaded, the big record
 * tables wait for a query that names them (db/deferred.ts). Without: every dataset is
 * loaded and the caller prepares the tables, as the CLI and the tests always do.
 * Planning needs no database, so the downloads run while DuckDB-WASM compiles.
 */
import type { Db } from '../db/types';
import { checked, download, type FetchLike } from '../db/load-static';
import { deferTables, type DeferredDb } from '../db/deferred';
import type { Manifest } from '../data/manifest';
import { DERIVED_FILE, derivedMatches, hasCube, placeholderSql, type DerivedManifest } from './derived';
import { adoptPrepared } from './prepare';
import { recordUnitsView } from './sql/views';
import { CUBE_TABLE, OBSERVATION_CUBE_TABLE, ObservationCube, SeriesCube, type Cubes } from './cube';
import { tableFromIPC } from 'apache-arrow';

export interface StartPlan {
	manifest: Manifest;
	/** null: no usable prepared tables; load everything and prepare. */
	derived: DerivedManifest | null;
	/** Per dataset of the manifest, its download; null for a deferred one. */
	datasets: (Promise<Uint8Array> | null)[];
	/** Per prepared table of `derived`, its download. */
	tables: Promise<Uint8Array>[];
	load(file: string, sha256: string): Promise<Uint8Array>;
}

const quiet = <T>(p: Promise<T>) => {
	// Rethrown where awaited; until then a failure must not count as unhandled.
	p.catch(() => {});
	return p;
};

export async function planStart(baseUrl: string, fetchFn: FetchLike = (url, init) => fetch(url, init)): Promise<StartPlan> {
	const base = baseUrl.replace(/\/+$/, '');
	const json = async (file: string) => (await checked(fetchFn, `${base}/${file}`, { cache: 'no-cache' })).json();
	const [manifest, found] = await Promise.all([
		json('manifest.json') as Promise<Manifest>,
		(json(DERIVED_FILE) as Promise<DerivedManifest>).catch(() => null)
	]);
	const derived = derivedMatches(found, manifest) ? found : null;
	const deferred = new Set(derived?.deferred.map((d) => d.name) ?? []);
	const load = (file: string, sha256: string) => download(fetchFn, base, file, sha256);
	return {
		manifest,
		derived,
		datasets: manifest.datasets.map((d) => (deferred.has(d.name) ? null : quiet(load(d.file, d.sha256)))),
		tables: (derived?.tables ?? []).map((t) => quiet(load(t.file, t.sha256))),
		load
	};
}

/**
 * Load what the plan fetched into `db`. Returns the database to use (wrapped when tables
 * are deferred) and whether the prepared tables are in place.
 */
export async function applyStart(db: Db, plan: StartPlan): Promise<{ db: Db | DeferredDb; prepared: boolean }> {
	const { manifest, derived } = plan;
	// With cubes made by this version's SQL, the first scorecard reads only FIRST_TABLES
	// (derived.ts): the other tables wait for a query that names them, as the big record
	// tables do. Their downloads are under way already (planStart).
	const cubes = !!derived && hasCube(derived);
	const later = new Map((cubes ? (derived.later ?? []) : []).map((t) => [t.name, t]));
	/** A later table's bytes: the download started at planning, or, if that failed, a new one. */
	const laterBytes = new Map<string, () => Promise<Uint8Array>>();
	const retrying = (first: Promise<Uint8Array>, file: string, sha256: string) => {
		let bytes = first;
		return () => (bytes = bytes.catch(() => plan.load(file, sha256)));
	};
	// The cubes are read in the page (cube.ts), not by SQL. Cubes made by other SQL would
	// hold other numbers: they are not read at all. Parsed as soon as they arrive, while
	// the worker is still busy, not after the inserts.
	const cubeParsed = cubes ? quiet(parseCubes(derived, plan.tables)) : null;
	for (const [i, d] of manifest.datasets.entries()) {
		const bytes = plan.datasets[i];
		if (bytes && later.has(d.name)) laterBytes.set(d.name, retrying(bytes, d.file, d.sha256));
		else if (bytes) await db.insertArrowIPC(d.name, await bytes, { replace: true });
	}
	if (!derived) return { db, prepared: false };
	for (const [i, t] of derived.tables.entries()) {
		if (t.name === CUBE_TABLE || t.name === OBSERVATION_CUBE_TABLE) continue;
		if (later.has(t.name)) laterBytes.set(t.name, retrying(plan.tables[i], t.file, t.sha256));
		else await db.insertArrowIPC(t.name, await plan.tables[i], { replace: true });
	}
	const cube: Cubes | null = cubeParsed ? await cubeParsed : null;
	const loaders = new Map<string, () => Promise<void>>();
	const placeholders: string[] = [];
	for (const t of derived.deferred) {
		placeholders.push(placeholderSql(t));
		const entry = manifest.datasets.find((d) => d.name === t.name)!;
		loaders.set(t.name, recordTableLoader(db, t.name, () => plan.load(entry.file, entry.sha256)));
	}
	for (const t of later.values()) {
		const bytes = laterBytes.get(t.name);
		if (!bytes) continue;
		placeholders.push(placeholderSql(t));
		loaders.set(t.name, async () => db.insertArrowIPC(t.name, await bytes(), { replace: true }));
	}
	// One statement text: a round trip to the worker per table would cost more than the tables.
	if (placeholders.length) await db.query(placeholders.join(';\n'));
	// The view ocop_seq reads ocop_products: naming the view loads the table.
	const aliases = new Map(loaders.has('ocop_products') ? [['ocop_seq', 'ocop_products']] : []);
	// The prepared state is kept per Db object: give it to the one the pages will use.
	const deferred = deferTables(db, loaders, aliases);
	// Made on `db`: the view names ocop_products, which it must not load.
	await adoptPrepared(deferred, { ...derived, cube }, db);
	return { db: deferred, prepared: true };
}

function parseCubes(derived: DerivedManifest, downloads: Promise<Uint8Array>[]): Promise<Cubes> {
	const bytes = (name: string) => downloads[derived.tables.findIndex((t) => t.name === name)];
	return Promise.all([bytes(CUBE_TABLE), bytes(OBSERVATION_CUBE_TABLE)]).then(([series, observations]) => ({
		series: new SeriesCube(tableFromIPC(series)),
		observations: new ObservationCube(tableFromIPC(observations))
	}));
}

/** Loads a deferred record table and makes its `<name>_units` (db/deferred.ts's loader). */
export function recordTableLoader(db: Db, name: string, bytes: () => Promise<Uint8Array>): () => Promise<void> {
	return async () => {
		await db.insertArrowIPC(name, await bytes(), { replace: true });
		await db.query(recordUnitsView(name));
	};
}
