import type { Access, ColumnType, Provenance } from './schema';

/** `static/data/manifest.json`: what the build published and where each table came from. */
export interface Manifest {
	generated_at: string;
	/** Latest `as_of` in datasets.csv: the date the dashboard's data as a whole refers to. */
	as_of: string | null;
	datasets: ManifestDataset[];
}

export interface ManifestDataset {
	name: string;
	/** Arrow IPC stream file, relative to the manifest. */
	file: string;
	/** File name of the source in data/. */
	source_file: string;
	rows: number;
	/** SHA-256 (hex) of the source file. */
	sha256: string;
	/** Size of the Arrow file in bytes (what the browser downloads). */
	bytes: number;
	source_bytes: number;
	provenance: Provenance | null;
	as_of: string | null;
	title_vi: string;
	title_en: string;
	columns: { name: string; type: ColumnType }[];
	/** Set by the public build (scripts/build-public.ts); absent in the internal build, where everything is shown. */
	access?: Access;
	/**
	 * Public build only: an internal dataset whose rows were left out. Its Arrow file holds
	 * the columns and no row, so queries still run; the page says "not published".
	 */
	withheld?: boolean;
}

/**
 * Datasets not yet approved for publication, when datasets.csv does not say otherwise
 * (its `access` column wins): quarterly budget allocation and disbursement are internal
 * working figures until the provincial People's Council approves the year's accounts,
 * and the list of S&T tasks carries each task's funding and its acceptance before the
 * department publishes them. A missing entry means public.
 */
export const DEFAULT_ACCESS: Readonly<Record<string, Access>> = { budget: 'internal', st_tasks: 'internal' };

/** Access of a dataset: datasets.csv's `access` if set, else the default. */
export function accessOf(name: string, declared?: string | null): Access {
	if (declared === 'public' || declared === 'internal') return declared;
	return DEFAULT_ACCESS[name] ?? 'public';
}
