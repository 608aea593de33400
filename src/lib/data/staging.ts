import { Int32, Table, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { Db } from '../db/types';
import type { DatasetSpec } from './schema';
import { problem, type Problem } from './problems';

/**
 * A staging table holds a file as read: every column VARCHAR (NULL for an empty cell),
 * plus ROW, the row number the user sees in the file. Validation runs on it in SQL, and
 * the typed table is cast from it only once it is clean.
 */
export const ROW = '__row';

export interface StagingTable {
	/** DuckDB table name. */
	table: string;
	spec: DatasetSpec;
	/** File name as shown in messages, e.g. data/budget.csv. */
	file: string;
	/** Column names in file order (without ROW). */
	columns: string[];
	rows: number;
	/**
	 * True when the reader saw that no cell starts or ends with a space that SQL trim()
	 * would remove, so checks and casts may skip trimming. Unset: not known.
	 */
	spaceFree?: boolean;
	/** True when the reader saw that no cell can draw a text warning (validate.ts). Unset: not known. */
	warningFree?: boolean;
}

export interface ReadOutcome {
	/** null when the file could not be read at all; `problems` then says why. */
	staging: StagingTable | null;
	problems: Problem[];
}

export const stagingName = (dataset: string) => `stg_${dataset}`;

/**
 * Tidy header names (trimmed; blank ones named after their position) and refuse
 * duplicates, which would make it ambiguous which column holds the data.
 */
export function normalizeHeader(raw: string[], file: string): { names: string[]; problems: Problem[] } {
	const names = raw.map((n, i) => n.replace(/^\uFEFF/, '').trim() || `column${i + 1}`);
	const seen = new Set<string>();
	const problems: Problem[] = [];
	for (const n of names) {
		if (seen.has(n)) problems.push(problem('duplicate_column', { file, row: 1, column: n }));
		seen.add(n);
	}
	return { names, problems };
}

/**
 * Text columns read in JS (XLSX, Parquet) → Arrow utf8 → IPC → DuckDB. IPC bytes rather
 * than an Arrow Table cross into duckdb-wasm because its Node build uses another copy of
 * apache-arrow (see STACK.md).
 */
export async function stageTextColumns(
	db: Db,
	table: string,
	names: string[],
	rowNumbers: ArrayLike<number>,
	columns: (string | null)[][]
): Promise<void> {
	const vectors: Record<string, Vector> = {
		[ROW]: vectorFromArray(Array.from(rowNumbers), new Int32())
	};
	names.forEach((n, i) => {
		vectors[n] = vectorFromArray(columns[i], new Utf8());
	});
	await db.insertArrowIPC(table, tableToIPC(new Table(vectors), 'stream'), { replace: true });
}
