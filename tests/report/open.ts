/** The default data for the report's tests: built from data/ as every KPI test does. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDataDir } from '../../scripts/lib/open-data';
import { buildData } from '../../src/lib/data/build';

export const openDefaultData = () => openDataDir('data');

/**
 * data/ built once into a temporary folder, for CLIs run several times by one test
 * file (`--built DIR`): each run then skips the build. `remove()` deletes it.
 */
export async function builtDefaultData(): Promise<{ dir: string; remove: () => void }> {
	const root = mkdtempSync(join(tmpdir(), 'tiendo-built-'));
	const result = await buildData({ dataDir: 'data', outDir: join(root, 'data') });
	if (!result.ok) throw new Error(result.problems.map((p) => p.message_en).join('\n'));
	return { dir: join(root, 'data'), remove: () => rmSync(root, { recursive: true, force: true }) };
}
