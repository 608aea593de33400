/**
 * Answers that change only when the data changes (the catalogue, provenance, a unit's
 * targets, the as-of date…), kept per generation of the data: the object that
 * prepareKpiTables (or adoptPrepared) leaves for a database is replaced every time it
 * runs — after an upload replaced a dataset too — so a cache keyed on it can never
 * outlive the data it was read from. A filter change then pays only for its figures.
 */
import type { Db } from '../db/types';
import { preparedFor } from './prepare';

const caches = new WeakMap<object, Map<string, Promise<unknown>>>();
/** Beyond this many answers per generation the oldest go (a long session of filter changes). */
const LIMIT = 2000;

/**
 * `compute()` once per data generation and `key`; callers share the answer, so they
 * must not modify it. Before prepareKpiTables has run there is no generation: every
 * call computes. A failed computation is not kept.
 */
export function perData<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
	const generation = preparedFor(db);
	if (!generation) return compute();
	let cache = caches.get(generation);
	if (!cache) caches.set(generation, (cache = new Map()));
	const known = cache.get(key) as Promise<T> | undefined;
	if (known) return known;
	const fresh = compute();
	cache.set(key, fresh);
	if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
	fresh.catch(() => {
		if (cache.get(key) === fresh) cache.delete(key);
	});
	return fresh;
}
