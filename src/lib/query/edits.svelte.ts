/**
 * Data changed by statements typed in the console, in this page's life. The live
 * database is never saved: a reload brings back the published data (and stored uploads).
 * Shared by the console, which rebuilds the KPI tables (after-run.ts), and the banner on
 * every page, which says that the figures on view are no longer the published ones.
 * State only: the banner must not bring the KPI code into every page.
 */
export const consoleEdits = $state({
	/** KPI inputs (datasets and prepared tables) that console statements may have written. */
	tables: [] as string[],
	/** The inputs the last console text may have written (none: nothing was rebuilt). */
	last: [] as string[],
	rebuilding: false,
	/** Why the last rebuild of the KPI tables failed, as DuckDB said it. */
	error: null as string | null
});
