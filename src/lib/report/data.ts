/**
 * Everything the progress report shows, read from the database once: the scorecard of
 * a unit for one plan, the trend series behind each chart, the datasets' provenance.
 * Numbers only — the words (Vietnamese or English) are put on them by model.ts, so the
 * page can switch language without asking DuckDB again.
 */
import type { Db } from '../db/types';
import { toRows } from '../db/rows';
import { computeScorecard, dataAsOf, resolveUnit, type ScorecardRow } from '../kpi/scorecard';
import type { UnitRow } from '../kpi/series';
import { datasetSpec, type Provenance } from '../data/schema';
import { readIndicatorChart, type IndicatorChartData } from './chart-data';

export interface ReportDataset {
	name: string;
	provenance: Provenance;
	as_of: string;
	title_vi: string;
	title_en: string;
	description_vi: string;
	description_en: string;
}

export interface ReportData {
	unit: UnitRow;
	plan: string;
	/** Every plan the unit has targets in, for the page's plan select. */
	plans: string[];
	/** The year the targets are assessed at (the scorecard's year). */
	year: number;
	asOf: string;
	rows: ScorecardRow[];
	/** One chart per indicator and unit answering for it, in the order of `rows`. */
	charts: IndicatorChartData[];
	datasets: ReportDataset[];
}

/** The plan a report opens on: the one asked for, else the last one already over, else the running one. */
export function choosePlanForReport(plans: string[], year: number, asked: string | null | undefined): string | null {
	const sorted = [...new Set(plans)].sort();
	if (asked && sorted.includes(asked)) return asked;
	const ended = sorted.filter((p) => Number(p.slice(5)) < year);
	// A progress report is written about the plan just finished when there is one that
	// ended last year, otherwise about the one running now.
	const justEnded = ended.find((p) => Number(p.slice(5)) === year - 1);
	const running = sorted.find((p) => Number(p.slice(0, 4)) <= year && year <= Number(p.slice(5)));
	return justEnded ?? running ?? sorted.at(-1) ?? null;
}

export async function readReportData(
	db: Db,
	opts: { unit: UnitRow; plan?: string | null; year?: number; asOf?: string; firstYear?: number }
): Promise<ReportData> {
	const asOf = opts.asOf ?? (await dataAsOf(db));
	const year = opts.year ?? Number(asOf.slice(0, 4));
	const card = await computeScorecard(db, { unit: opts.unit, year, asOf });
	const plans = [...new Set(card.rows.map((r) => r.plan))].sort();
	const plan = choosePlanForReport(plans, year, opts.plan) ?? opts.plan ?? '';
	const rows = card.rows.filter((r) => r.plan === plan);

	// One chart per (indicator, unit): a new province's report charts each predecessor's
	// target on that predecessor's own series, as its indicator page does.
	const charts: IndicatorChartData[] = [];
	const seen = new Set<string>();
	// A predecessor's scorecard is computed once for all its charts.
	const cards = new Map<string, { unit: UnitRow; rows: ScorecardRow[] }>([
		[`${opts.unit.code}@${opts.unit.vintage}`, { unit: opts.unit, rows: card.rows }]
	]);
	for (const r of rows) {
		const key = `${r.indicator}|${r.unit_code}@${r.unit_vintage}`;
		if (seen.has(key)) continue;
		seen.add(key);
		const ref = `${r.unit_code}@${r.unit_vintage}`;
		if (!cards.has(ref)) {
			const unit = (await resolveUnit(db, ref))!;
			cards.set(ref, { unit, rows: (await computeScorecard(db, { unit, year, asOf })).rows });
		}
		const c = cards.get(ref)!;
		charts.push(
			await readIndicatorChart(db, { indicator: r.indicator, unit: c.unit, year, asOf, plan, firstYear: opts.firstYear, scorecardRows: c.rows })
		);
	}

	const used = new Set(['targets', ...rows.map((r) => r.actual_dataset)]);
	const datasets = toRows<Omit<ReportDataset, 'title_vi' | 'title_en'>>(
		await db.query(`SELECT dataset AS name, provenance, as_of, description_vi, description_en FROM datasets ORDER BY dataset`)
	)
		.filter((d) => used.has(d.name))
		.map((d) => ({ ...d, title_vi: datasetSpec(d.name)?.title_vi ?? d.name, title_en: datasetSpec(d.name)?.title_en ?? d.name }));
	return { unit: opts.unit, plan, plans, year, asOf, rows, charts, datasets };
}
