/**
 * The progress report as a Word file, without a browser, so a department can produce
 * its monthly report on a schedule: the same model as /report, the same charts as the
 * pages (ECharts SSR → resvg PNG at print resolution).
 *
 *   npm run report -- --unit CODE[@VINTAGE] [--plan 2021-2025] [--year Y] [--lang vi|en] [--data DIR | --built DIR] --out FILE.docx
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolveUnit } from '../src/lib/kpi/scorecard';
import { readReportData } from '../src/lib/report/data';
import { reportModel } from '../src/lib/report/model';
import { buildReportDocx, type ChartImage } from '../src/lib/report/docx';
import { CHART_HEIGHT, CHART_WIDTH } from '../src/lib/report/chart';
import { chartSvg, svgToPng } from './lib/render-chart';
import { DataError, openBuiltData, openDataDir } from './lib/open-data';
import type { Db } from '../src/lib/db/types';
import type { Lang } from '../src/lib/i18n/messages';

const usage = `Usage: npm run report -- --unit CODE[@2024|@2025] [--plan YYYY-YYYY] [--year YYYY] [--lang vi|en] [--data DIR | --built DIR] --out FILE.docx`;

export class ReportInputError extends Error {
	constructor(
		readonly vi: string,
		readonly en: string
	) {
		super(`${vi}\n   ${en}`);
	}
}

export interface ReportRequest {
	unit: string;
	plan?: string | null;
	year?: number;
	lang: Lang;
}

/** Everything `npm run report` does after opening the data: the tests call this. */
export async function buildReportFile(db: Db, req: ReportRequest): Promise<{ bytes: Uint8Array; charts: number; plan: string; unitName: string; summary: string[] }> {
	const unit = await resolveUnit(db, req.unit);
	if (!unit) throw new ReportInputError(`Không tìm thấy đơn vị «${req.unit}» trong units.`, `Unit "${req.unit}" is not in units.`);
	const data = await readReportData(db, { unit, plan: req.plan, year: req.year });
	if (req.plan && data.plan !== req.plan)
		throw new ReportInputError(
			`${unit.name_vi} không có chỉ tiêu giai đoạn «${req.plan}» (có: ${data.plans.join(', ') || 'không'}).`,
			`${unit.name_en} has no targets in plan "${req.plan}" (has: ${data.plans.join(', ') || 'none'}).`
		);
	const model = reportModel(data, req.lang);
	const images = new Map<string, ChartImage>();
	for (const s of model.sections)
		for (const c of s.charts) {
			const svg = chartSvg(c.data, req.lang, CHART_WIDTH, CHART_HEIGHT);
			images.set(c.id, { png: svgToPng(svg, CHART_WIDTH), width: CHART_WIDTH, height: CHART_HEIGHT });
		}
	return { bytes: await buildReportDocx(model, images), charts: images.size, plan: data.plan, unitName: model.unitName, summary: model.summary.lines };
}

function fail(vi: string, en: string, code = 1): never {
	console.error(`${vi}\n   ${en}`);
	process.exit(code);
}

async function main() {
	let values;
	try {
		({ values } = parseArgs({
			options: {
				unit: { type: 'string' },
				plan: { type: 'string' },
				year: { type: 'string' },
				lang: { type: 'string', default: 'vi' },
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
	if (!values.unit) fail(`Thiếu --unit.\n${usage}`, 'Missing --unit.');
	if (!values.out) fail(`Thiếu --out.\n${usage}`, 'Missing --out.');
	if (!['vi', 'en'].includes(values.lang!)) fail(`Ngôn ngữ «${values.lang}» không hỗ trợ (vi hoặc en).`, `Unknown language "${values.lang}" (vi or en).`);
	if (values.plan && !/^\d{4}-\d{4}$/.test(values.plan)) fail(`Giai đoạn «${values.plan}» không hợp lệ (ví dụ 2021-2025).`, `Invalid plan "${values.plan}" (e.g. 2021-2025).`);
	const year = values.year === undefined ? undefined : Number(values.year);
	if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) fail(`Năm «${values.year}» không hợp lệ.`, `Invalid year "${values.year}".`);

	const started = Date.now();
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
		const r = await buildReportFile(db, { unit: values.unit, plan: values.plan, year, lang: values.lang as Lang });
		writeFileSync(values.out, r.bytes);
		console.error(`${values.out}: ${r.unitName} · ${r.plan} · ${r.charts} biểu đồ/charts · ${r.bytes.length} bytes · ${Date.now() - started} ms`);
		console.error(r.summary[0]);
	} catch (e) {
		if (e instanceof ReportInputError) fail(e.vi, e.en);
		throw e;
	} finally {
		await db.close();
	}
}

// Run only as a script; the tests import buildReportFile.
if (process.argv[1] && /report-cli\.ts$/.test(process.argv[1])) await main();
