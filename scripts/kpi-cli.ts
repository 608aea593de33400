/**
 * Headless KPI table: one row per target, computed by the dashboard's engine.
 *
 *   npm run kpi -- [--data DIR] [--unit CODE[@VINTAGE]] [--year YYYY] [--format json|csv] [--lang vi|en]
 *
 * Without --unit, every unit's own targets. A code used by both unit systems (33 is
 * old and new Hưng Yên) means the current unit unless "@2024" is added.
 */
import { parseArgs } from 'node:util';
import { computeScorecard, dataAsOf, listUnits, resolveUnit } from '../src/lib/kpi/scorecard';
import { kpiRecords, toCsv, type KpiRecord } from '../src/lib/kpi/export-rows';
import { DataError, openDataDir } from './lib/open-data';
import type { Lang } from '../src/lib/i18n/messages';

const usage = `Usage: npm run kpi -- [--data DIR] [--unit CODE[@2024|@2025]] [--year YYYY] [--format json|csv] [--lang vi|en]`;

function fail(vi: string, en: string): never {
	console.error(`${vi}\n   ${en}`);
	process.exit(2);
}

const { values } = parseArgs({
	options: {
		data: { type: 'string', default: 'data' },
		unit: { type: 'string' },
		year: { type: 'string' },
		format: { type: 'string', default: 'json' },
		lang: { type: 'string', default: 'vi' },
		help: { type: 'boolean', short: 'h' }
	}
});
if (values.help) {
	console.log(usage);
	process.exit(0);
}
if (!['json', 'csv'].includes(values.format!)) fail(`Định dạng «${values.format}» không hỗ trợ (json hoặc csv).`, `Unknown format "${values.format}" (json or csv).`);
if (!['vi', 'en'].includes(values.lang!)) fail(`Ngôn ngữ «${values.lang}» không hỗ trợ (vi hoặc en).`, `Unknown language "${values.lang}" (vi or en).`);
const lang = values.lang as Lang;

let opened;
try {
	opened = await openDataDir(values.data!);
} catch (e) {
	if (e instanceof DataError) {
		console.error(e.message);
		process.exit(1);
	}
	throw e;
}
const { db } = opened;
const asOf = await dataAsOf(db);
const year = values.year ? Number(values.year) : Number(asOf.slice(0, 4));
if (!Number.isInteger(year) || year < 2000 || year > 2100) fail(`Năm «${values.year}» không hợp lệ.`, `Invalid year "${values.year}".`);

let records: KpiRecord[] = [];
if (values.unit) {
	const unit = await resolveUnit(db, values.unit);
	if (!unit) fail(`Không tìm thấy đơn vị «${values.unit}» trong units.`, `Unit "${values.unit}" is not in units.`);
	records = kpiRecords(await computeScorecard(db, { unit, year, asOf }), lang);
} else {
	for (const unit of await listUnits(db)) {
		const own = kpiRecords(await computeScorecard(db, { unit, year, asOf }), lang).filter(
			(r) => r.unit_code === unit.code && r.unit_vintage === unit.vintage
		);
		records.push(...own);
	}
}
await db.close();
if (records.length === 0) console.error(`Không có chỉ tiêu nào cho lựa chọn này.\n   No targets for this selection.`);
process.stdout.write(values.format === 'csv' ? toCsv(records) : JSON.stringify(records, null, 2) + '\n');
