/**
 * Build-time access to the prebaked metadata (units, years, datasets, catalogue).
 * Server-only: pages are prerendered, so this runs once, during `vite build`.
 */
import { readFileSync } from 'node:fs';
import { error } from '@sveltejs/kit';
import type { Prebaked } from '$lib/kpi/prebaked';

let cached: Prebaked | null = null;

export function readPrebaked(): Prebaked {
	if (cached) return cached;
	try {
		cached = JSON.parse(readFileSync('static/data/prebaked.json', 'utf8')) as Prebaked;
		return cached;
	} catch {
		error(500, 'static/data/prebaked.json is missing: run `npm run data:build` first.');
	}
}

/** Everything but the scorecards: what every page needs to draw its filters. */
export function readMeta(): Omit<Prebaked, 'scorecards'> {
	const { scorecards: _, ...meta } = readPrebaked();
	return meta;
}
