/**
 * What the console does after a text ran: a statement that may have written a KPI input
 * (writes.ts) makes the KPI tables again, and every page is told (edits.svelte.ts).
 */
import type { Db } from '../db/types';
import { kpiInputTables, prepareKpiTables } from '../kpi/prepare';
import { uploadState } from '../upload/active.svelte';
import { consoleEdits } from './edits.svelte';
import { tablesWritten } from './writes';

/**
 * Called after a console text ran, whatever its outcome: the statements before a failing
 * or cancelled one have run. If it may have written a KPI input, the KPI tables are made
 * again — a new generation, so no cached answer or build-time cube outlives the edit —
 * and the open views re-run their queries. Returns the inputs it may have written.
 */
export async function afterConsoleRun(db: Db, sql: string): Promise<string[]> {
	const touched = tablesWritten(sql, kpiInputTables());
	consoleEdits.last = touched;
	if (touched.length === 0) return touched;
	consoleEdits.tables = [...new Set([...consoleEdits.tables, ...touched])].sort();
	consoleEdits.rebuilding = true;
	try {
		await prepareKpiTables(db);
		consoleEdits.error = null;
	} catch (e) {
		consoleEdits.error = e instanceof Error ? e.message : String(e);
	} finally {
		consoleEdits.rebuilding = false;
		uploadState.version++;
	}
	return touched;
}
