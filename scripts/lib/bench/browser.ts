/**
 * Chromium for the benchmark: launched like tests/e2e/browser.ts (Debian's chromium,
 * fresh profile, same flags), plus precise memory figures for the heap measurement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../../tests/e2e/browser';

export async function launchBench(opts: { preciseMemory?: boolean } = {}): Promise<{ context: BrowserContext; profile: string; close: () => Promise<void> }> {
	const profile = mkdtempSync(join(tmpdir(), 'tiendo-bench-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [...CHROMIUM_FLAGS, ...(opts.preciseMemory ? ['--enable-precise-memory-info'] : [])],
		viewport: { width: 1920, height: 1080 }
	});
	// tsx names inner functions with an __name helper that the page does not have.
	await context.addInitScript({ content: 'window.__name = (f) => f; sessionStorage.setItem("tiendo-bench", "1");' });
	return {
		context,
		profile,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}
