/**
 * A query against the live DuckDB with the states every chart and table shows:
 * loading, ready, empty (with why), error. Re-runs when its inputs change; a stale
 * answer never overwrites a newer one.
 */
import { base } from '$app/paths';
import { liveDb } from '$lib/kpi/live';
import type { Db } from '$lib/db/types';

export interface LiveQuery<T> {
	readonly status: 'loading' | 'ready' | 'empty' | 'error';
	readonly data: T | null;
	readonly error: string | null;
	readonly ms: number | null;
}

export function liveQuery<I, T>(
	inputs: () => I,
	run: (db: Db, inputs: I) => Promise<T>,
	isEmpty: (data: T) => boolean = (d) => Array.isArray(d) && d.length === 0
): LiveQuery<T> {
	const state = $state<{ status: LiveQuery<T>['status']; data: T | null; error: string | null; ms: number | null }>({
		status: 'loading',
		data: null,
		error: null,
		ms: null
	});
	let request = 0;
	$effect(() => {
		const args = inputs();
		const mine = ++request;
		state.status = 'loading';
		const t0 = performance.now();
		liveDb(`${base}/data`)
			.then((db) => run(db, args))
			.then((data) => {
				if (mine !== request) return;
				state.data = data;
				state.error = null;
				state.ms = performance.now() - t0;
				state.status = isEmpty(data) ? 'empty' : 'ready';
			})
			.catch((e: unknown) => {
				if (mine !== request) return;
				state.error = e instanceof Error ? e.message : String(e);
				state.status = 'error';
			});
	});
	return state;
}
