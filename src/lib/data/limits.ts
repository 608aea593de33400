/**
 * Bounds on what a data file may hold, shared by the build (Node) and the upload
 * (browser), so a hostile or accidental file ends in a clear message instead of a
 * frozen tab or an exhausted build machine. The contract's largest table has 14
 * columns and the default data is a few MB; the bounds leave two orders of magnitude.
 */

/**
 * Largest file read at all (bytes) by the upload in the browser, and by `buildData`
 * unless told otherwise. Checked before the bytes are read where possible.
 */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/**
 * Largest source file the data build reads when run from scripts/build-data.ts (a
 * department's own files on its own machine; `--max-file-mb` changes it). What bounds
 * it is the build's memory, not trust: DuckDB-WASM addresses at most 4 GB, and while a
 * CSV is read it holds the file, then its text table and its typed table (about 2.5
 * times the file in all). 1 GiB leaves room for that; the 10-million-row benchmark
 * data has files of about 400 MB.
 */
export const MAX_BUILD_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * Largest total a workbook (zip) may inflate to. Checked from the central directory
 * before anything is inflated, then again while inflating, since sizes can lie.
 */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

/** Most entries a workbook may hold (a real one has a few dozen). */
export const MAX_ZIP_ENTRIES = 10_000;

/** Most columns a sheet or CSV header may have. */
export const MAX_COLUMNS = 1000;

/** Longest cell, in characters: Excel's own limit for one cell. */
export const MAX_CELL_CHARS = 32_767;

/** Largest absolute value of a number cell: beyond it a unit or a decimal mark is wrong. */
export const MAX_ABS_NUMBER = 1e12;

export const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
