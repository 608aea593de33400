import type { ColumnType, Provenance } from './schema';

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
}
