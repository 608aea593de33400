/**
 * Indicators read through the KPI engine itself (readSeries): observations such as
 * KN05, TT01, NS04, SH01, with their sources and provenance, exactly as the
 * scorecard reads them.
 */
import type { Db } from '../../db/types';
import { toRows } from '../../db/rows';
import { literal } from '../../db/sql';
import { readSeries, type IndicatorRow, type Series } from '../series';
import type { DomainScope } from './scope';

export async function indicatorRow(db: Db, code: string): Promise<IndicatorRow> {
	const [row] = toRows<IndicatorRow>(await db.query(`SELECT * FROM indicators WHERE code = ${literal(code)}`));
	if (!row) throw new Error(`unknown indicator ${code}`);
	return row;
}

/** The engine's series of `code` for the scope's unit, from `fromYear` to the scope's year. */
export async function engineSeries(db: Db, scope: DomainScope, code: string, fromYear = scope.firstYear): Promise<Series> {
	return readSeries(db, {
		indicator: await indicatorRow(db, code),
		unit: scope.unit,
		fromYear,
		toYear: scope.year,
		asOf: scope.asOf,
		planStart: scope.planStart
	});
}
