/**
 * Bytes the first page transfers, compressed as a web server would send them: the
 * built files the page fetched, gzip (level 9) and brotli (quality 11) sizes computed
 * here, since the bench server (like `vite preview`) sends them uncompressed.
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface Bytes {
	raw: number;
	gzip: number;
	brotli: number;
	files: string[];
}

export type Kind = 'app-js' | 'worker-js' | 'wasm' | 'css' | 'html' | 'data' | 'other';

export function kindOf(path: string): Kind {
	if (path.endsWith('.wasm')) return 'wasm';
	if (path.endsWith('.js') || path.endsWith('.mjs')) return /worker/i.test(path) ? 'worker-js' : 'app-js';
	if (path.endsWith('.css')) return 'css';
	if (path.endsWith('.html') || path.endsWith('/')) return 'html';
	if (path.endsWith('.arrow') || path.endsWith('.json')) return 'data';
	return 'other';
}

export function measureBytes(urls: string[], fileOf: (url: string) => string | null): Record<Kind, Bytes> {
	const out = {} as Record<Kind, Bytes>;
	for (const url of new Set(urls)) {
		const file = fileOf(url);
		if (!file) continue;
		const kind = kindOf(file);
		const bytes = readFileSync(file);
		const b = (out[kind] ??= { raw: 0, gzip: 0, brotli: 0, files: [] });
		b.raw += bytes.length;
		// Data files can be large and compress the same way every time; gzip level 6 is what servers use.
		b.gzip += gzipSync(bytes, { level: kind === 'data' ? 6 : 9 }).length;
		b.brotli += kind === 'data' ? NaN : brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
		b.files.push(file.replace(/^.*\/build\//, ''));
	}
	return out;
}
