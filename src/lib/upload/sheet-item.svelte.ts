/**
 * One sheet on the /data page and the choices made for it: what it becomes (a
 * replacement for a dataset, a new table, nothing), which row is the header, which
 * column fills which. Checking and applying go through pipeline.ts and session.ts.
 */
import type { ColumnType, DatasetSpec } from '../data/schema';
import type { Db } from '../db/types';
import type { RawSheet } from './cells';
import { autoMapping, inspectSheet, normaliseSheet, type Lookups, type SheetMapping, type SourceColumn, type Target } from './normalise';
import { REPLACEABLE, runUpload, tableNameProblem, type UploadResult } from './pipeline';
import { suggestDataset, suggestTableName } from './suggest';
import { applyUpload, type Session } from './session';
import type { Note } from './notes';

export type Choice = 'replace' | 'new' | 'skip';
export type Status = 'idle' | 'checking' | 'checked' | 'applying' | 'applied' | 'error';

export class SheetItem {
	readonly key: string;
	readonly fileName: string;
	readonly bytes: Uint8Array;
	readonly sheet: RawSheet;
	readonly suggested: string | null;
	/** Notes about the file as a whole (encoding, delimiter), shown with every check. */
	readonly fileNotes: Note[];

	choice = $state<Choice>('skip');
	dataset = $state('');
	table = $state('');
	mapping = $state<SheetMapping | null>(null);
	status = $state<Status>('idle');
	result = $state.raw<UploadResult | null>(null);
	error = $state<string | null>(null);

	constructor(key: string, fileName: string, bytes: Uint8Array, sheet: RawSheet, fileNotes: Note[] = []) {
		this.key = key;
		this.fileNotes = fileNotes;
		this.fileName = fileName;
		this.bytes = bytes;
		this.sheet = sheet;
		const s = sheet.rows.length ? suggestDataset(sheet) : null;
		this.suggested = s?.dataset ?? null;
		this.table = suggestTableName(sheet.name, fileName);
		this.dataset = s?.dataset ?? REPLACEABLE.find((d) => d.name === 'ocop_products')!.name;
		this.choice = s ? 'replace' : sheet.rows.length ? 'new' : 'skip';
		this.remap();
	}

	get spec(): DatasetSpec | null {
		return this.choice === 'replace' ? (REPLACEABLE.find((d) => d.name === this.dataset) ?? null) : null;
	}

	get target(): Target | null {
		if (this.choice === 'replace') return { kind: 'replace', dataset: this.dataset };
		if (this.choice === 'new') return { kind: 'new', table: this.table };
		return null;
	}

	get tableProblem(): 'format' | 'reserved' | null {
		return this.choice === 'new' ? tableNameProblem(this.table) : null;
	}

	/** The sheet's columns as the current header reads them. */
	readonly sources: SourceColumn[] = $derived.by(() => {
		const target = this.target;
		if (!target || !this.mapping) return [];
		return inspectSheet(this.sheet, target, this.spec, this.mapping.header).sources;
	});

	/** New tables: the type each column gets (chosen, or read from the values). */
	readonly types: Record<string, ColumnType> = $derived.by(() => {
		const target = this.target;
		if (this.choice !== 'new' || !target || !this.mapping) return {};
		const n = normaliseSheet(this.sheet, target, null, $state.snapshot(this.mapping) as SheetMapping, { provinces: [] });
		return Object.fromEntries(n.spec.columns.map((c) => [c.name, c.type]));
	});

	/** Required contract columns the file does not have (they may still get a constant). */
	readonly missing: string[] = $derived.by(() => {
		const spec = this.spec;
		const m = this.mapping;
		if (!spec || !m) return [];
		return spec.columns.filter((c) => c.required && !m.columns.includes(c.name)).map((c) => c.name);
	});

	private reset() {
		this.result = null;
		this.error = null;
		this.status = 'idle';
	}

	/** Mapping from scratch for the current target (header detected again). */
	remap() {
		const target = this.target;
		this.mapping = target ? autoMapping(this.sheet, target, this.spec) : null;
		this.reset();
	}

	setChoice(choice: Choice) {
		this.choice = choice;
		this.remap();
	}

	setDataset(dataset: string) {
		this.dataset = dataset;
		this.remap();
	}

	setTable(table: string) {
		this.table = table;
		this.reset();
	}

	setHeader(row: number, span: 1 | 2) {
		const target = this.target;
		if (!target) return;
		const { sources } = inspectSheet(this.sheet, target, this.spec, { row, span });
		this.mapping = {
			header: { row, span },
			columns: sources.map((s) => (s.ordinal ? null : s.suggested)),
			constants: this.mapping?.constants ?? {}
		};
		this.reset();
	}

	setColumn(index: number, name: string | null) {
		if (!this.mapping) return;
		const columns = [...this.mapping.columns];
		while (columns.length <= index) columns.push(null);
		columns[index] = name;
		this.mapping = { ...this.mapping, columns };
		this.reset();
	}

	setConstant(column: string, value: string) {
		if (!this.mapping) return;
		const constants = { ...this.mapping.constants };
		if (value === '') delete constants[column];
		else constants[column] = value;
		this.mapping = { ...this.mapping, constants };
		this.reset();
	}

	setType(column: string, type: ColumnType | '') {
		if (!this.mapping) return;
		const types = { ...(this.mapping.types ?? {}) };
		if (type === '') delete types[column];
		else types[column] = type;
		this.mapping = { ...this.mapping, types };
		this.reset();
	}

	private input(lookups: Lookups) {
		const target = this.target;
		if (!target || !this.mapping) throw new Error('nothing to check');
		return { fileName: this.fileName, sheet: this.sheet, target, mapping: $state.snapshot(this.mapping) as SheetMapping, lookups };
	}

	private withFileNotes(r: UploadResult): UploadResult {
		return { ...r, notes: [...this.fileNotes, ...r.notes] };
	}

	async check(db: Db, lookups: Lookups) {
		this.status = 'checking';
		this.error = null;
		try {
			this.result = this.withFileNotes(await runUpload(db, this.input(lookups), { apply: false }));
			this.status = 'checked';
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		}
	}

	async apply(session: Session, lookups: Lookups) {
		this.status = 'applying';
		this.error = null;
		try {
			const result = await applyUpload(session, this.input(lookups), this.bytes);
			this.result = this.withFileNotes(result);
			this.status = result.applied ? 'applied' : 'checked';
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		}
	}
}
