import type { DatasetInfo } from '$lib/kpi/prebaked';
import type { IndicatorRow } from '$lib/kpi/series';

/** What a domain view needs from the build's metadata to say where numbers come from. */
export interface DomainMeta {
	datasets: DatasetInfo[];
	indicators: IndicatorRow[];
}

/** A column of a DataTable: how to print one row's cell. */
export interface Column<R> {
	label: string;
	cell: (row: R) => string;
	numeric?: boolean;
	/** This column names the row (rendered as <th scope="row">). */
	header?: boolean;
}
