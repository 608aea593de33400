import { readFileSync } from 'node:fs';
import { error } from '@sveltejs/kit';
import type { Prebaked } from '$lib/kpi/prebaked';

// Runs only at build time (the site is static): the default view's numbers go into the HTML.
export function load() {
	let pre: Prebaked;
	try {
		pre = JSON.parse(readFileSync('static/data/prebaked.json', 'utf8'));
	} catch {
		error(500, 'static/data/prebaked.json is missing: run `npm run data:build` first.');
	}
	const { scorecards, ...meta } = pre;
	return { meta, scorecard: scorecards[pre.default_unit] ?? null };
}
