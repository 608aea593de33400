/**
 * S&T tasks: ongoing (NV01), accepted per year (NV02), share applied (NV03), overdue at
 * the date (NV04: ongoing with planned_end_date before the date) with the list of
 * overdue tasks, and the ongoing tasks by level and field.
 */
import type { Db } from '../../db/types';
import { breakdown, recordList, ratioValue } from './breakdown';
import { yearGrid, yearsGrid, type DomainScope } from './scope';

export interface TaskYearRow {
	year: number;
	as_of: string;
	ongoing: number;
	accepted: number;
	applied: number;
	/** NV03: 100 · applied / accepted. */
	applied_share: number | null;
	overdue: number;
}

export async function tasksByYear(db: Db, scope: DomainScope, fromYear = scope.firstYear): Promise<TaskYearRow[]> {
	const grid = yearsGrid(scope, fromYear, scope.year);
	type Row = { year: number; as_of: string; value?: number; numerator?: number; denominator?: number };
	const run = (indicator: string) => breakdown<Row>(db, { indicator, unit: scope.unit, grid, planStart: scope.planStart });
	const [nv01, nv02, nv03, nv04] = await Promise.all([run('NV01'), run('NV02'), run('NV03'), run('NV04')]);
	const at = (rows: Row[], y: number) => rows.find((r) => r.year === y);
	return grid.map((g) => {
		const share = at(nv03, g.year);
		return {
			year: g.year,
			as_of: g.end,
			ongoing: at(nv01, g.year)?.value ?? 0,
			accepted: at(nv02, g.year)?.value ?? 0,
			applied: share?.numerator ?? 0,
			applied_share: ratioValue(share?.numerator, share?.denominator),
			overdue: at(nv04, g.year)?.value ?? 0
		};
	});
}

export interface LevelFieldRow {
	year: number;
	as_of: string;
	level: 'national' | 'provincial' | 'grassroots';
	field: string;
	value: number;
}

/** Ongoing tasks at the date (NV01) by level and field. */
export function tasksByLevelField(db: Db, scope: DomainScope): Promise<LevelFieldRow[]> {
	return breakdown<LevelFieldRow>(db, {
		indicator: 'NV01',
		unit: scope.unit,
		grid: yearGrid(scope),
		planStart: scope.planStart,
		dims: { level: 'r.level', field: 'r.field' }
	});
}

export interface OverdueRow {
	year: number;
	as_of: string;
	task_id: string;
	title: string;
	level: LevelFieldRow['level'];
	field: string;
	start_date: string;
	planned_end_date: string;
	days_overdue: number;
	budget_bn: number;
}

/** The tasks NV04 counts at the date, longest overdue first. */
export function overdueTasks(db: Db, scope: DomainScope): Promise<OverdueRow[]> {
	return recordList<OverdueRow>(db, {
		indicator: 'NV04',
		unit: scope.unit,
		grid: yearGrid(scope),
		planStart: scope.planStart,
		columns: {
			task_id: 'r.task_id',
			title: 'r.title',
			level: 'r.level',
			field: 'r.field',
			start_date: 'r.start_date',
			planned_end_date: 'r.planned_end_date',
			days_overdue: "date_diff('day', r.planned_end_date, g.p_end)",
			budget_bn: 'r.budget_bn'
		},
		orderBy: 'r.planned_end_date, r.task_id'
	});
}
