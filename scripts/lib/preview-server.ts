/**
 * Serves build/ with `vite preview` on a port for the scripts that drive Chromium
 * (benchmarks, screenshots), and stops it by its own process id.
 */
import { spawn } from 'node:child_process';

export async function previewServer(port: string | number): Promise<{ base: string; stop: () => void }> {
	const server = spawn('./node_modules/.bin/vite', ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
		stdio: 'ignore'
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 150; i++) {
		try {
			if ((await fetch(base + '/')).ok) return { base, stop: () => server.kill('SIGTERM') };
		} catch {
			/* starting */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill('SIGTERM');
	throw new Error(`vite preview did not start on port ${port}`);
}
