/**
 * One indicator's trend chart as SVG or PNG, without a browser: the same option as the
 * indicator page (trendOption + withCaption), drawn by ECharts' server-side renderer.
 *
 *   npm run chart -- --indicator CODE --unit CODE[@VINTAGE] [--year Y | --from Y --to Y]
 *                    [--format svg|png] [--lang vi|en] [--width 1000 --height 560] [--data DIR | --built DIR] --out FILE
 *
 * The same input gives the same bytes (no animation, no dates, fonts from node_modules).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ChartInputError, readIndicatorChart } from '../src/lib/report/chart-data';
import { CHART_HEIGHT, CHART_WIDTH } from '../src/lib/report/chart';
import { chartSvg, svgToPng } from './lib/render-chart';
import { DataError, openBuiltData, openDataDir } from './lib/open-data';
import type { Lang } from '../src/lib/i18n/messages';

const usage = `Usage: npm run chart -- --indicator CODE --unit CODE[@2024|@2025] [--year Y | --from Y --to Y] [--format svg|png] [--lang vi|en] [--width 1000 --height 560] [--data DIR | --built DIR] --out FILE`;

function fail(vi: string, en: string, code = 1): never {
	console.error(`${vi}\n   ${en}`);
	process.exit(code);
}

let values;
try {
	({ values } = parseArgs({
		options: {
			indicator: { type: 'string' },
			unit: { type: 'string' },
			year: { type: 'string' },
			from: { type: 'string' },
			to: { type: 'string' },
			format: { type: 'string' },
			lang: { type: 'string', default: 'vi' },
			width: { type: 'string', default: String(CHART_WIDTH) },
			height: { type: 'string', default: String(CHART_HEIGHT) },
			data: { type: 'string', default: 'data' },
			built: { type: 'string' },
			out: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	}));
} catch (e) {
	fail(`Tham số không hợp lệ: ${(e as Error).message}\n${usage}`, `Invalid arguments: ${(e as Error).message}`);
}
if (values.help) {
	console.log(usage);
	process.exit(0);
}
if (!values.indicator) fail(`Thiếu --indicator.\n${usage}`, 'Missing --indicator.');
if (!values.unit) fail(`Thiếu --unit.\n${usage}`, 'Missing --unit.');
if (!values.out) fail(`Thiếu --out.\n${usage}`, 'Missing --out.');
const format = values.format ?? (values.out.toLowerCase().endsWith('.png') ? 'png' : 'svg');
if (!['svg', 'png'].includes(format)) fail(`Định dạng «${format}» không hỗ trợ (svg hoặc png).`, `Unknown format "${format}" (svg or png).`);
if (!['vi', 'en'].includes(values.lang!)) fail(`Ngôn ngữ «${values.lang}» không hỗ trợ (vi hoặc en).`, `Unknown language "${values.lang}" (vi or en).`);
const lang = values.lang as Lang;
const int = (name: string, v: string | undefined, lo: number, hi: number) => {
	if (v === undefined) return undefined;
	const n = Number(v);
	if (!Number.isInteger(n) || n < lo || n > hi) fail(`--${name} «${v}» không hợp lệ (${lo}–${hi}).`, `Invalid --${name} "${v}" (${lo}–${hi}).`);
	return n;
};
const width = int('width', values.width, 200, 4000)!;
const height = int('height', values.height, 150, 4000)!;
if (values.year && (values.from || values.to)) fail('Dùng --year hoặc --from/--to, không dùng cả hai.', 'Use --year or --from/--to, not both.');
const year = int('year', values.year ?? values.to, 2000, 2100);
const fromYear = int('from', values.from, 2000, 2100);
if (fromYear !== undefined && year !== undefined && fromYear > year) fail('--from phải không lớn hơn --to.', '--from must not be after --to.');

let opened;
try {
	// --built reads an already built folder (static/data) instead of building data/.
	opened = values.built ? await openBuiltData(values.built) : await openDataDir(values.data!);
} catch (e) {
	if (e instanceof DataError) fail(e.message, 'The data folder has errors (above).');
	throw e;
}
const { db } = opened;
try {
	const chart = await readIndicatorChart(db, { indicator: values.indicator.toUpperCase(), unit: values.unit, year, fromYear });
	const svg = chartSvg(chart, lang, width, height);
	writeFileSync(values.out, format === 'png' ? svgToPng(svg, width) : svg);
	console.error(`${values.out}: ${chart.indicator.code} · ${chart.unit.name_vi} (${chart.unit.code}@${chart.unit.vintage}) · ${chart.model.actual.length} điểm/points`);
} catch (e) {
	if (e instanceof ChartInputError) fail(e.vi, e.en);
	throw e;
} finally {
	await db.close();
}
