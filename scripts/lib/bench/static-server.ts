/**
 * A plain static file server for a built site (what an intranet web server does),
 * so the benchmark can serve any build folder on any port and count what the page
 * fetches. Uncompressed, like `vite preview`; compressed sizes are computed from the
 * files themselves.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
	'.arrow': 'application/vnd.apache.arrow.stream',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.ttf': 'font/ttf',
	'.csv': 'text/csv',
	'.txt': 'text/plain'
};

export interface StaticServer {
	base: string;
	/** Absolute path of the file a URL of this server maps to (null if none). */
	fileOf(url: string): string | null;
	stop(): Promise<void>;
}

export async function serveStatic(dir: string, port: number): Promise<StaticServer> {
	const root = resolve(dir);
	const fileOf = (url: string): string | null => {
		const path = decodeURIComponent(new URL(url, 'http://x').pathname);
		let file = normalize(join(root, path));
		if (!file.startsWith(root)) return null;
		// Prerendered /a/b is b.html beside a folder b/ (its __data.json): the page wins.
		if ((!existsSync(file) || statSync(file).isDirectory()) && existsSync(file.replace(/\/$/, '') + '.html')) file = file.replace(/\/$/, '') + '.html';
		else if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		return existsSync(file) ? file : null;
	};
	const server: Server = createServer((req, res) => {
		const file = fileOf(req.url ?? '/');
		if (!file) {
			res.writeHead(404).end();
			return;
		}
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'content-length': statSync(file).size,
			// Hashed assets may be cached; the rest revalidates, as a sensible server would.
			'cache-control': /\/_app\/immutable\//.test(req.url ?? '') ? 'public, max-age=31536000, immutable' : 'no-cache'
		});
		createReadStream(file).pipe(res);
	});
	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(port, '127.0.0.1', () => ok());
	});
	return {
		base: `http://127.0.0.1:${port}`,
		fileOf,
		stop: () => new Promise((ok) => server.close(() => ok()))
	};
}
