import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const port = (srv.address() as { port: number }).port;
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

async function waitFor(url: string, ms: number) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		try {
			const r = await fetch(url);
			if (r.ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`server at ${url} did not start`);
}

let server: ChildProcess | undefined;

/** Serves the built site (the test script builds it first) the way `npm start` does. */
export default async function setup(project: TestProject) {
	// A developer may point the tests at a running dev server instead of the build.
	if (process.env.E2E_BASE_URL) {
		project.provide('baseUrl', process.env.E2E_BASE_URL.replace(/\/$/, ''));
		return;
	}
	const port = await freePort();
	server = spawn('./node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
		stdio: 'ignore'
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	await waitFor(baseUrl + '/', 30_000);
	project.provide('baseUrl', baseUrl);
	return () => {
		server?.kill('SIGTERM');
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
	}
}
