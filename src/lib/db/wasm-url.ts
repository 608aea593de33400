/**
 * The DuckDB-WASM files, bundled by Vite (`?url`). Only URLs: importing this module
 * loads no DuckDB code, so a page's head can name the wasm for the browser to fetch early.
 */
export { default as ehWasm } from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
export { default as ehWorker } from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
export { default as mvpWasm } from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
export { default as mvpWorker } from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
