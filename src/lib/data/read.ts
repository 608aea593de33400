import type { Db } from '../db/types';
import type { DatasetSpec } from './schema';
import { problem } from './problems';
import { readCsv } from './read-csv';
import { readXlsxText } from './read-xlsx';
import { readParquetText } from './read-parquet';
import { normalizeHeader, stageTextColumns, stagingName, type ReadOutcome } from './staging';

export { ROW, stagingName, type ReadOutcome, type StagingTable } from './staging';

export const FORMATS = ['csv', 'xlsx', 'parquet'] as const;
export type SourceFormat = (typeof FORMATS)[number];

export function formatOf(fileName: string): SourceFormat | null {
	const ext = fileName.toLowerCase().split('.').pop() ?? '';
	return (FORMATS as readonly string[]).includes(ext) ? (ext as SourceFormat) : null;
}

export interface ReadInput {
	spec: DatasetSpec;
	/** File name as shown in messages, e.g. data/budget.csv; its extension picks the reader. */
	file: string;
	bytes: Uint8Array;
	/** Staging table name; defaults to stg_<dataset>. */
	table?: string;
}

/**
 * Read a CSV, XLSX or Parquet file into an all-VARCHAR staging table (see staging.ts).
 * Works in Node and in the browser. In the browser the bytes may be handed to the
 * DuckDB worker: hash or keep them before calling.
 */
export async function readDataset(db: Db, input: ReadInput): Promise<ReadOutcome> {
	const { spec, file, bytes } = input;
	const table = input.table ?? stagingName(spec.name);
	const format = formatOf(file);
	if (format === null) {
		return { staging: null, problems: [problem('unsupported_format', { file }, { format: file.split('.').pop() ?? '' })] };
	}
	if (format === 'csv') return readCsv(db, spec, file, bytes, table);

	let text: { header: string[]; rows: number[]; columns: (string | null)[][] };
	try {
		text = format === 'xlsx' ? readXlsxText(bytes, spec) : await readParquetText(bytes);
	} catch (e) {
		const detail = String((e as Error)?.message ?? e);
		return { staging: null, problems: [problem('unreadable', { file }, { format: format.toUpperCase(), detail })] };
	}
	if (text.header.length === 0) return { staging: null, problems: [problem('empty_file', { file })] };
	const { names, problems } = normalizeHeader(text.header, file);
	if (problems.length > 0) return { staging: null, problems };
	await stageTextColumns(db, table, names, text.rows, text.columns);
	return { staging: { table, spec, file, columns: names, rows: text.rows.length }, problems: [] };
}
