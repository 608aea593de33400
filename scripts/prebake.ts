/**
 * Computes the first screen of every unit at build time with the same engine the
 * browser runs, and writes static/data/prebaked.json: the numbers a leader sees
 * before DuckDB-WASM has loaded. Also writes the prepared KPI tables (derived.json and
 * derived-*.arrow) that the browser adopts instead of building them at start-up.
 *
 *   tsx scripts/prebake.ts [--out static/data] [--unit 22@2025]
 */
import { createHash } from 'node:crypto';
import { writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { computeScorecard, listUnits, dataAsOf, planStartYear } from '../src/lib/kpi/scorecard';
import { buildObservationCube, buildSeriesCube, cubeFromYear } from '../src/lib/kpi/cube-build';
import { preparedState } from '../src/lib/kpi/prepare';
import { unitKey, type Prebaked } from '../src/lib/kpi/prebaked';
import { openBuiltDataLean } from './lib/open-data';
import { toRows } from '../src/lib/db/rows';
import type { IndicatorRow } from '../src/lib/kpi/series';
import { DERIVED_FILE, exportDerived } from '../src/lib/kpi/derived';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'static/data' }, unit: { type: 'string', default: '22@2025' } } });
const started = performance.now();
/** The first year the pages' year filter offers. */
const PAGE_FIRST_YEAR = 2019;
// Lean: at 10 million rows the records of every big table at once do not fit in WASM memory.
const { db, manifest } = await openBuiltDataLean(values.out!);
const asOf = await dataAsOf(db);
const year = Number(asOf.slice(0, 4));
const units = await listUnits(db);
const indicators = toRows<IndicatorRow>(await db.query(`SELECT * FROM indicators ORDER BY code`));
const scorecards: Prebaked['scorecards'] = {};
for (const unit of units) scorecards[unitKey(unit)] = await computeScorecard(db, { unit, year, asOf });
// The public build (scripts/build-public.ts) withholds internal datasets: no first-screen
// number may come from them. Their tables are empty there; this refuses to write a
// scorecard that still shows an indicator computed from one.
const withheld = manifest.datasets.filter((d) => d.withheld).map((d) => d.name);
const internalIndicators = new Set(indicators.filter((i) => withheld.includes(i.source_table)).map((i) => i.code));
const leaked = Object.values(scorecards).flatMap((s) => s.rows.filter((r) => internalIndicators.has(r.indicator)));
if (leaked.length) {
	console.error(`prebake: ${leaked.length} scorecard rows of withheld indicators (${[...new Set(leaked.map((r) => r.indicator))].join(', ')}): not written`);
	process.exit(1);
}
// The series cube: every record-based point a filter change can ask for (cube.ts).
const targets = toRows<{ plan: string; baseline_year: number | null }>(await db.query(`SELECT DISTINCT plan, baseline_year FROM targets`));
const cubePoints = await buildSeriesCube(db, {
	asOf,
	fromYear: cubeFromYear(targets, PAGE_FIRST_YEAR - 1),
	indicators,
	units,
	planStarts: [...new Set(targets.map((t) => `${planStartYear(t.plan)}-01-01`))].sort(),
	continuing: new Set(preparedState(db).continuing)
});
const cubeSeries = await buildObservationCube(db, { indicators, units });
// The prepared tables, so the browser does not build them again at every start (derived.ts).
const { derived, files } = await exportDerived(db, manifest, (b) => createHash('sha256').update(b).digest('hex'));
await db.close();
for (const [name, bytes] of files) {
	writeFileSync(join(values.out!, name + '.tmp'), bytes);
	renameSync(join(values.out!, name + '.tmp'), join(values.out!, name));
}
// derived.json last: until it names them, the browser ignores the new files.
writeFileSync(join(values.out!, DERIVED_FILE + '.tmp'), JSON.stringify(derived, null, 1) + '\n');
renameSync(join(values.out!, DERIVED_FILE + '.tmp'), join(values.out!, DERIVED_FILE));

const prebaked: Prebaked = {
	generated_at: new Date().toISOString(),
	as_of: asOf,
	year,
	default_unit: units.some((u) => unitKey(u) === values.unit) ? values.unit! : unitKey(units[0]),
	years: Array.from({ length: year - PAGE_FIRST_YEAR + 1 }, (_, i) => PAGE_FIRST_YEAR + i),
	units,
	indicators,
	datasets: manifest.datasets.map((d) => ({
		name: d.name,
		provenance: d.provenance ?? 'illustrative',
		as_of: d.as_of,
		title_vi: d.title_vi,
		title_en: d.title_en,
		rows: d.rows,
		...(d.withheld ? { withheld: true } : {})
	})),
	scorecards
};
const file = join(values.out!, 'prebaked.json');
writeFileSync(file + '.tmp', JSON.stringify(prebaked));
renameSync(file + '.tmp', file);
console.log(`cubes: ${cubePoints} record-based points, ${cubeSeries} observation-based series`);
console.log(`prebaked ${units.length} scorecards for ${year} in ${Math.round(performance.now() - started)} ms → ${file}`);
