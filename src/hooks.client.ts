/**
 * Every page reads the live database. Starting it here, as the app starts and before
 * the page hydrates, lets the wasm compile (the longest step of start-up) while the
 * page's code loads. Failures are not handled here: the page's own call to liveDb
 * starts again and shows the error.
 */
import { base } from '$app/paths';
import { liveDb } from '$lib/kpi/live';

liveDb(`${base}/data`).catch(() => {});
