/**
 * static/_headers (Netlify, Cloudflare Pages) says what the preview server's plugin
 * (frameHeaders in vite.config.ts) says, for every page of the site: the dashboard may
 * not be framed, embeds may. Rules never overlap, so no host has to merge them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameHeaders } from '../../vite.config';

/** _headers: a path pattern line, then indented "Name: value" lines. */
function parseHeaders(text: string): { pattern: string; headers: Record<string, string> }[] {
	const rules: { pattern: string; headers: Record<string, string> }[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
		else {
			const [name, ...rest] = line.trim().split(':');
			rules.at(-1)!.headers[name.trim()] = rest.join(':').trim();
		}
	}
	return rules;
}

const matches = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path);

/** Every page path the site serves: one per route folder (parameters filled in), with and without .html. */
function pagePaths(): string[] {
	const out: string[] = [];
	const walk = (dir: string, url: string) => {
		if (readdirSync(dir).some((f) => f.startsWith('+page'))) out.push(url || '/');
		for (const name of readdirSync(dir)) {
			const p = join(dir, name);
			if (!statSync(p).isDirectory()) continue;
			walk(p, `${url}/${name.startsWith('[') ? 'X1' : name}`);
		}
	};
	walk('src/routes', '');
	return out.flatMap((p) => (p === '/' ? ['/', '/index.html'] : [p, `${p}.html`]));
}

describe('static/_headers', () => {
	const rules = parseHeaders(readFileSync('static/_headers', 'utf8'));
	const paths = pagePaths();

	it('covers every page, with exactly one rule', () => {
		expect(paths.length).toBeGreaterThan(10);
		for (const p of paths) expect(rules.filter((r) => matches(r.pattern, p)).map((r) => r.pattern), p).toHaveLength(1);
	});

	it('sends what the preview server sends, for every page', () => {
		for (const p of paths) {
			const rule = rules.find((r) => matches(r.pattern, p))!;
			expect(rule.headers, p).toEqual(frameHeaders(p));
		}
	});

	it('lets embeds be framed and nothing else', () => {
		const framable = paths.filter((p) => frameHeaders(p)['Content-Security-Policy'] === 'frame-ancestors *');
		expect(framable.length).toBeGreaterThan(0);
		expect(framable.every((p) => p.startsWith('/embed/'))).toBe(true);
	});
});
