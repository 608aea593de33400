/**
 * Startups and the provincial Innovation Centre: the pipeline projects → startups →
 * startups that raised capital → capital raised, counted from the plan's first day
 * (KN01–KN04), support organisations (KN05 and the records' support_org), projects
 * incubated at the Centre (TT02) and the Centre's milestone (TT01).
 */
import type { Db } from '../../db/types';
import { breakdown } from './breakdown';
import { engineSeries } from './observed';
import { yearGrid, yearsGrid, type DomainScope } from './scope';
import type { Series } from '../series';

export const PIPELINE = ['KN01', 'KN02', 'KN03', 'KN04'] as const;
export type PipelineCode = (typeof PIPELINE)[number];

export interface PipelineRow {
	year: number;
	as_of: string;
	KN01: number;
	KN02: number;
	KN03: number;
	KN04: number;
}

/**
 * KN01–KN04 at every year's reading date from the plan's first year to the scope's
 * year (cumulative since the plan's start); the last row is the pipeline at the date.
 */
export async function startupPipeline(db: Db, scope: DomainScope): Promise<PipelineRow[]> {
	const planYear = Number(scope.planStart.slice(0, 4));
	const grid = yearsGrid(scope, planYear, scope.year);
	const parts = await Promise.all(
		PIPELINE.map((code) =>
			breakdown<{ year: number; as_of: string; value: number }>(db, {
				indicator: code,
				unit: scope.unit,
				grid,
				planStart: scope.planStart
			})
		)
	);
	return grid.map((g) => {
		const row = { year: g.year, as_of: g.end } as PipelineRow;
		PIPELINE.forEach((code, i) => (row[code] = parts[i].find((p) => p.year === g.year)?.value ?? 0));
		return row;
	});
}

export interface OrgRow {
	year: number;
	as_of: string;
	support_org: string;
	/** Projects the organisation supported since the plan's start (KN01's rule). */
	value: number;
}

/** Organisations named in the startup records since the plan's start, by projects supported. */
export function supportOrgs(db: Db, scope: DomainScope): Promise<OrgRow[]> {
	return breakdown<OrgRow>(db, {
		indicator: 'KN01',
		unit: scope.unit,
		grid: yearGrid(scope),
		planStart: scope.planStart,
		dims: { support_org: 'r.support_org' }
	});
}

/** KN05 (support organisations, observations) through the engine, with sources. */
export const supportOrgSeries = (db: Db, scope: DomainScope): Promise<Series> => engineSeries(db, scope, 'KN05');

export interface IncubatedRow {
	year: number;
	as_of: string;
	value: number;
}

/** TT02: projects incubated at the Innovation Centre per year (flow; zero years included). */
export async function incubatedPerYear(db: Db, scope: DomainScope, fromYear = scope.firstYear): Promise<IncubatedRow[]> {
	const grid = yearsGrid(scope, fromYear, scope.year);
	const rows = await breakdown<IncubatedRow>(db, { indicator: 'TT02', unit: scope.unit, grid, planStart: scope.planStart });
	return grid.map((g) => ({ year: g.year, as_of: g.end, value: rows.find((r) => r.year === g.year)?.value ?? 0 }));
}

export interface Milestone {
	/** Reached at the scope's year (value ≥ 1), null without a figure. */
	done: boolean | null;
	value: number | null;
	asOf: string | null;
	/** First year with the milestone reached. */
	since: number | null;
	sources: string[];
	provenance: string | null;
}

/** TT01: is the Innovation Centre in operation? Read through the engine (observations). */
export async function centreMilestone(db: Db, scope: DomainScope): Promise<Milestone> {
	const s = await engineSeries(db, scope, 'TT01');
	const at = s.points.find((p) => p.year === scope.year) ?? null;
	const since = s.points.find((p) => (p.value ?? 0) >= 1)?.year ?? null;
	const atYear = await engineSeries(db, scope, 'TT01', scope.year);
	return {
		done: at?.value == null ? null : at.value >= 1,
		value: at?.value ?? null,
		asOf: at?.asOf ?? null,
		since: since != null && since <= scope.year ? since : null,
		sources: atYear.sources,
		provenance: atYear.provenance
	};
}
