/**
 * The console's five kinds of analytical query, run on the same data in DuckDB-WASM
 * inside Chromium (the app's own database, in its worker) and in native DuckDB with
 * one thread and with all threads. Each query is run `repeat` times after one warm-up;
 * the figure is the ratio of medians, WASM / native.
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Page } from 'playwright-core';
import { DATASETS } from '../../../src/lib/data/schema';
import { SQL_TYPES } from '../../../src/lib/data/typed';
import { quantile } from './figures';

export const CONSOLE_QUERIES: Record<string, string> = {
	'group-by': `SELECT province_code, year(filing_date) AS y, ip_type, count(*) AS n, count(grant_date) AS granted
FROM ip_titles GROUP BY ALL ORDER BY ALL`,
	'join to units': `SELECT u.code, u.vintage, u.name_vi, count(*) AS firms, count(f.revoked_date) AS revoked
FROM st_firms f JOIN units u ON u.level = 'province' AND u.code = f.province_code
 AND (u.valid_from IS NULL OR f.certificate_date >= u.valid_from) AND (u.valid_to IS NULL OR f.certificate_date <= u.valid_to)
GROUP BY ALL ORDER BY ALL`,
	window: `SELECT province_code, start_date, task_id, budget_bn,
       sum(budget_bn) OVER (PARTITION BY province_code ORDER BY start_date, task_id ROWS UNBOUNDED PRECEDING) AS running
FROM st_tasks QUALIFY row_number() OVER (PARTITION BY province_code ORDER BY budget_bn DESC, task_id) <= 3
ORDER BY province_code, running`,
	'count distinct': `SELECT province_code, count(DISTINCT owner) AS owners, count(DISTINCT name) AS names
FROM ip_titles GROUP BY ALL ORDER BY ALL`,
	percentile: `SELECT province_code, quantile_cont(budget_bn, 0.5) AS median, quantile_cont(budget_bn, 0.9) AS p90,
       quantile_cont(accepted_date - start_date, 0.5) AS median_days
FROM st_tasks GROUP BY ALL ORDER BY ALL`
};
export interface ConsoleTimes {
	/** Per query: milliseconds of each run. */
	wasm: Record<string, number[]>;
	native1: Record<string, number[]>;
	nativeAll: Record<string, number[]>;
	threads: number;
	/** Result row counts per engine, to show both computed the same thing. */
	rows: Record<string, { wasm: number; native: number }>;
}

/** Times the queries in the page's own DuckDB-WASM (exposed by live.ts for the benchmark). */
export async function wasmTimes(page: Page, repeat: number): Promise<{ times: Record<string, number[]>; rows: Record<string, number> }> {
	await page.waitForFunction(() => !!(globalThis as { __tiendoDb?: unknown }).__tiendoDb, undefined, { timeout: 600_000 });
	const times: Record<string, number[]> = {};
	const rows: Record<string, number> = {};
	for (const [name, sql] of Object.entries(CONSOLE_QUERIES)) {
		const r = await page.evaluate(
			async ({ sql, repeat }) => {
				const db = (globalThis as unknown as { __tiendoDb: { query(s: string): Promise<{ numRows: number }> } }).__tiendoDb;
				const ms: number[] = [];
				let n = 0;
				for (let i = 0; i < repeat + 1; i++) {
					const t0 = performance.now();
					n = (await db.query(sql)).numRows;
					if (i > 0) ms.push(performance.now() - t0);
				}
				return { ms, n };
			},
			{ sql, repeat }
		);
		times[name] = r.ms;
		rows[name] = r.n;
	}
	return { times, rows };
}

/** Native DuckDB on the same source files, typed as the build types them. */
export async function nativeTimes(dataDir: string, threads: number, repeat: number): Promise<{ times: Record<string, number[]>; rows: Record<string, number> }> {
	const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
	const conn = await instance.connect();
	try {
		const files = readdirSync(dataDir);
		for (const spec of DATASETS) {
			if (!files.includes(`${spec.name}.csv`)) continue;
			const cols = spec.columns.map((c) => `'${c.name}': '${SQL_TYPES[c.type]}'`).join(', ');
			await conn.run(
				`CREATE TABLE ${spec.name} AS SELECT * FROM read_csv('${join(dataDir, spec.name + '.csv').replace(/'/g, "''")}',
				 header = true, auto_detect = false, columns = {${cols}}, delim = ',', quote = '"', escape = '"')`
			);
		}
		const times: Record<string, number[]> = {};
		const rows: Record<string, number> = {};
		for (const [name, sql] of Object.entries(CONSOLE_QUERIES)) {
			times[name] = [];
			for (let i = 0; i < repeat + 1; i++) {
				const t0 = performance.now();
				const r = await conn.runAndReadAll(sql);
				const ms = performance.now() - t0;
				rows[name] = r.currentRowCount;
				if (i > 0) times[name].push(ms);
			}
		}
		return { times, rows };
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

export const allThreads = () => availableParallelism();

/** Ratio of medians per query, and their median (the figure held against the target). */
export function ratios(wasm: Record<string, number[]>, native: Record<string, number[]>): { per: Record<string, number>; median: number } {
	const per: Record<string, number> = {};
	for (const name of Object.keys(wasm)) per[name] = quantile(wasm[name], 0.5) / quantile(native[name], 0.5);
	return { per, median: quantile(Object.values(per), 0.5) };
}
