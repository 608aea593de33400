/**
 * The KPI card of an embed: which scorecard row it shows and the lines it prints. Pure,
 * so the card reads the same from prebaked JSON (before DuckDB) and from the live engine.
 */
import type { ScorecardRow } from '../kpi/scorecard';
import type { UnitRow } from '../kpi/series';
import { choosePlan } from '../kpi/indicator';

/**
 * The row of `code` for the card: the unit's own target in the plan asked for (or the plan
 * running in `year`); a new province without its own target shows its predecessor's.
 */
export function cardRow(rows: ScorecardRow[], code: string, unit: UnitRow, year: number, plan: string | null): ScorecardRow | null {
	const mine = rows.filter((r) => r.indicator === code);
	if (!mine.length) return null;
	const own = mine.filter((r) => r.unit_code === unit.code && r.unit_vintage === unit.vintage);
	const pool = own.length ? own : mine;
	const chosen = choosePlan(pool.map((r) => r.plan), year, plan);
	return pool.find((r) => r.plan === chosen) ?? pool[0];
}
