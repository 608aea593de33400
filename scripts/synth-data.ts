/**
 * Scale generator: writes a data folder in the format of data/, seeded and
 * deterministic, for benchmarks and load tests. Everything generated is illustrative.
 *
 *   npm run data:synth -- --scale national|1m|10m --out DIR [--seed N]
 *   npx tsx scripts/build-data.ts --data DIR --out DIR/built   # then use it as usual
 */
import { parseArgs } from 'node:util';
import { SCALES, type Scale } from './lib/synth/scales';
import { DEFAULT_SEED, synthesize } from './lib/synth/index';

const { values } = parseArgs({
	options: {
		scale: { type: 'string', default: 'national' },
		out: { type: 'string' },
		seed: { type: 'string', default: String(DEFAULT_SEED) },
		source: { type: 'string', default: 'data' }
	}
});
if (!SCALES.includes(values.scale as Scale) || !values.out) {
	console.error(`usage: npm run data:synth -- --scale ${SCALES.join('|')} --out DIR [--seed N]`);
	process.exit(2);
}
const r = await synthesize({ scale: values.scale as Scale, out: values.out, seed: Number(values.seed), source: values.source });
for (const [name, n] of Object.entries(r.rows)) console.log(`${name.padEnd(16)} ${String(n).padStart(10)} rows`);
console.log(`${values.out}: scale ${values.scale}, seed ${values.seed}, written in ${(r.ms / 1000).toFixed(1)} s (illustrative data)`);
