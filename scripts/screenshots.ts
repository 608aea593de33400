/**
 * Screenshots of the built site in Chromium, in Vietnamese and English, at projector
 * (1920×1080) and laptop (1280×720) sizes, for looking at what we build.
 *
 *   tsx scripts/screenshots.ts [--out .tmp/shots] [--path "/?unit=33@2025"]
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from '../tests/e2e/browser';
import { previewServer } from './lib/preview-server';

const { values } = parseArgs({
	options: { out: { type: 'string', default: '.tmp/shots' }, path: { type: 'string', multiple: true }, port: { type: 'string', default: '4198' }, full: { type: 'boolean', default: false } }
});
const paths = values.path ?? ['/'];
mkdirSync(values.out!, { recursive: true });
const { base, stop: stopServer } = await previewServer(values.port!);
try {
	for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
		const { context, close } = await launch(size);
		const page = await context.newPage();
		for (const p of paths)
			for (const lang of ['vi', 'en']) {
				const url = `${base}${p}${p.includes('?') ? '&' : '?'}lang=${lang}`;
				await page.goto(url);
				await page.waitForSelector('[data-state="live"]', { timeout: 60_000 }).catch(() => {});
				const name = `${p.replace(/[^a-z0-9@]+/gi, '_')}_${lang}_${size.width}.png`;
				await page.screenshot({ path: join(values.out!, name), fullPage: values.full });
				console.log(join(values.out!, name));
			}
		await close();
	}
} finally {
	stopServer();
}
