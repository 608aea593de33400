// Preloaded into scripts/build-data.ts by tests/hostile/build-kill.test.ts (node --import):
// holds the build at the moment it starts writing its output, or between the two renames
// that swap the output folder, and says so on stderr, so the test can SIGKILL it there.
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const at = process.env.HOSTILE_PAUSE;
const hold = (what) => {
	process.stderr.write(`HOSTILE:${what}\n`);
	return new Promise(() => {});
};
if (at === 'write') {
	const writeFile = fsp.writeFile;
	let n = 0;
	fsp.writeFile = async (file, ...rest) => {
		// The second file: one output file is complete in the temporary folder, one is not.
		if (String(file).includes('.tmp-') && ++n === 2) {
			await writeFile(file, 'half');
			await hold('writing');
		}
		return writeFile(file, ...rest);
	};
}
if (at === 'rename') {
	const rename = fsp.rename;
	fsp.rename = async (from, to) => {
		await rename(from, to);
		if (String(to).includes('.old-')) await hold('renamed');
	};
}
syncBuiltinESMExports();
