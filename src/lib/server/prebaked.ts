/**
 * Build-time access to the prebaked metadata (units, years, datasets, catalogue).
 * Server-only: pages are prerendered, so this runs once, during `vite build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { error } from '@sveltejs/kit';
import type { Prebaked } from '$lib/kpi/prebaked';

let cached: Prebaked | null = null;

/** The static-assets folder the site is built from (svelte.config.js `kit.files.assets`). */
export const staticDir = () => process.env.TIENDO_STATIC ?? 'static';

export function readPrebaked(): Prebaked {
	if (cached) return cached;
	try {
		cached = JSON.parse(readFileSync(join(staticDir(), 'data', 'prebaked.json'), 'utf8')) as Prebaked;
		return cached;
	} catch {
		error(500, `${join(staticDir(), 'data', 'prebaked.json')} is missing: run \`npm run data:build\` first.`);
	}
}

/** Everything but the scorecards: what every page needs to draw its filters. */
export function readMeta(): Omit<Prebaked, 'scorecards'> {
	const { scorecards: _, ...meta } = readPrebaked();
	return meta;
}
