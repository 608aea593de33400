import type { Db } from '../db/types';
import type { DatasetSpec } from './schema';
import { problem, type Problem } from './problems';
import { readCsv } from './read-csv';
import { readXlsxText } from './read-xlsx';
import { inspectZip } from './zip';
import { MAX_COLUMNS, MAX_FILE_BYTES, MAX_UNZIPPED_BYTES } from './limits';
import { ParquetTooLarge, readParquetText } from './read-parquet';
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
	/** Largest file read (bytes); defaults to the upload's MAX_FILE_BYTES. The build passes its own. */
	maxBytes?: number;
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
	if (bytes.length === 0) return { staging: null, problems: [problem('empty_file', { file })] };
	const maxBytes = input.maxBytes ?? MAX_FILE_BYTES;
	if (bytes.length > maxBytes) {
		return { staging: null, problems: [problem('too_large', { file }, { found: bytes.length, bound: maxBytes })] };
	}
	if (format === 'csv') return readCsv(db, spec, file, bytes, table);
	if (format === 'xlsx') {
		const zip = await zipProblem(bytes, file);
		if (zip) return { staging: null, problems: [zip] };
	}

	let text: { header: string[]; rows: number[]; columns: (string | null)[][] };
	try {
		text = format === 'xlsx' ? readXlsxText(bytes, spec) : await readParquetText(bytes);
	} catch (e) {
		return { staging: null, problems: [readError(e, format, file)] };
	}
	if (text.header.length === 0) return { staging: null, problems: [problem('empty_file', { file })] };
	if (text.header.length > MAX_COLUMNS) {
		return { staging: null, problems: [problem('too_many_columns', { file, row: 1 }, { found: text.header.length, bound: MAX_COLUMNS })] };
	}
	if (text.rows.length === 0) return { staging: null, problems: [problem('no_rows', { file })] };
	const { names, problems } = normalizeHeader(text.header, file);
	if (problems.length > 0) return { staging: null, problems };
	await stageTextColumns(db, table, names, text.rows, text.columns);
	return { staging: { table, spec, file, columns: names, rows: text.rows.length }, problems: [] };
}

/** A workbook that is not a zip, is damaged, or would inflate past the limit (see zip.ts). */
export async function zipProblem(bytes: Uint8Array, file: string): Promise<Problem | null> {
	const v = await inspectZip(bytes);
	if (v.ok) return null;
	if (v.reason === 'not_zip') return problem('not_xlsx', { file }, { detail: v.detail });
	if (v.reason === 'damaged') return problem('damaged_xlsx', { file }, { detail: v.detail });
	return problem('unzipped_too_large', { file }, { found: v.declared, bound: v.limit });
}

/** A reader's exception as a message: the limits and damaged files in words, anything else with its detail. */
export function readError(e: unknown, format: string, file: string): Problem {
	if (e instanceof ParquetTooLarge) {
		return problem('unzipped_too_large', { file }, { format: 'Parquet', found: e.declared, bound: MAX_UNZIPPED_BYTES });
	}
	const detail = String((e as Error)?.message ?? e).slice(0, 300);
	if (format.toLowerCase() === 'parquet') return problem('damaged_parquet', { file }, { detail });
	return problem('unreadable', { file }, { format: format.toUpperCase(), detail });
}
