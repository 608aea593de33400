/**
 * The first screen's numbers, computed at build time by the same engine and
 * shipped as JSON, so a leader sees figures before DuckDB-WASM has started.
 */
import type { Scorecard } from './scorecard';
import type { IndicatorRow, UnitRow } from './series';
import type { Provenance } from '../data/schema';

export interface DatasetInfo {
	name: string;
	provenance: Provenance;
	as_of: string;
	title_vi: string;
	title_en: string;
	rows: number;
	/** Left out of a public build (internal, not yet approved for publication): pages say so. */
	withheld?: boolean;
}

export interface Prebaked {
	generated_at: string;
	as_of: string;
	year: number;
	default_unit: string;
	years: number[];
	units: UnitRow[];
	/** The indicator catalogue: names and definitions render before DuckDB is ready. */
	indicators: IndicatorRow[];
	datasets: DatasetInfo[];
	scorecards: Record<string, Scorecard>;
}

export const unitKey = (u: { code: string; vintage: string }) => `${u.code}@${u.vintage}`;
