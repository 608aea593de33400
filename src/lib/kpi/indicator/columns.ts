/**
 * What a reader sees of each record table on the indicator page ("the records behind
 * the number"): a handful of columns that let a department recognise its own lists,
 * never every column of the file.
 *
 * `sql` reads the record (alias r), its district (alias d) and its province (alias p,
 * the unit valid at the record's date). Place names come in both languages: `sqlEn`
 * is selected as `<key>__en`.
 */

export type RecordColumnType = 'text' | 'code' | 'number' | 'date' | 'stars' | 'bool' | 'enum' | 'place';

export interface RecordColumn {
	key: string;
	type: RecordColumnType;
	sql: string;
	sqlEn?: string;
	/** Vintage of a place (selected as `<key>__v`): old and new Đà Nẵng share a name. */
	vintageSql?: string;
	/** Decimals for amounts (billion VND). */
	digits?: number;
	/** Shown only when the unit has several predecessors (a 2025 province). */
	mergedOnly?: boolean;
	/** Selected (a row's key) but not shown. */
	hidden?: boolean;
}

export interface RecordTableView {
	columns: RecordColumn[];
	/** Column the table is sorted by at first, newest or largest first. */
	sortKey: string;
	sortDir: 'asc' | 'desc';
	/** Stable unique key of a row (for keyed rendering). */
	idKey: string;
}

const district: RecordColumn = { key: 'district', type: 'place', sql: 'd.name_vi', sqlEn: 'd.name_en' };
const province: RecordColumn = {
	key: 'province',
	type: 'place',
	sql: 'p.name_vi',
	sqlEn: 'p.name_en',
	vintageSql: 'p.vintage',
	mergedOnly: true
};

const ocop: RecordTableView = {
	columns: [
		{ key: 'product_name', type: 'text', sql: 'r.product_name' },
		{ key: 'product_group', type: 'enum', sql: 'r.product_group' },
		{ key: 'producer_name', type: 'text', sql: 'r.producer_name' },
		province,
		district,
		{ key: 'stars', type: 'stars', sql: 'r.stars' },
		{ key: 'decision_no', type: 'code', sql: 'r.decision_no' },
		{ key: 'decision_date', type: 'date', sql: 'r.decision_date' },
		{ key: 'expiry_date', type: 'date', sql: 'r.end_date' },
		{ key: 'certificate_id', type: 'code', sql: 'r.certificate_id' }
	],
	sortKey: 'decision_date',
	sortDir: 'desc',
	idKey: 'certificate_id'
};

const startups: RecordTableView = {
	columns: [
		{ key: 'project_name', type: 'text', sql: 'r.project_name' },
		{ key: 'sector', type: 'text', sql: 'r.sector' },
		{ key: 'support_org', type: 'text', sql: 'r.support_org' },
		province,
		district,
		{ key: 'supported_date', type: 'date', sql: 'r.supported_date' },
		{ key: 'firm_founded_date', type: 'date', sql: 'r.firm_founded_date' },
		{ key: 'capital_raised_date', type: 'date', sql: 'r.capital_raised_date' },
		{ key: 'capital_raised_bn', type: 'number', sql: 'r.capital_raised_bn', digits: 2 },
		{ key: 'incubated_at_centre', type: 'bool', sql: 'r.incubated_at_centre' },
		{ key: 'project_id', type: 'code', sql: 'r.project_id' }
	],
	sortKey: 'supported_date',
	sortDir: 'desc',
	idKey: 'project_id'
};

const stFirms: RecordTableView = {
	columns: [
		{ key: 'firm_name', type: 'text', sql: 'r.firm_name' },
		{ key: 'field', type: 'text', sql: 'r.field' },
		province,
		district,
		{ key: 'certificate_id', type: 'code', sql: 'r.certificate_id' },
		{ key: 'certificate_date', type: 'date', sql: 'r.certificate_date' },
		{ key: 'revoked_date', type: 'date', sql: 'r.revoked_date' }
	],
	sortKey: 'certificate_date',
	sortDir: 'desc',
	idKey: 'certificate_id'
};

const stTasks: RecordTableView = {
	columns: [
		{ key: 'title', type: 'text', sql: 'r.title' },
		{ key: 'task_level', type: 'enum', sql: 'r.level' },
		{ key: 'field', type: 'text', sql: 'r.field' },
		province,
		{ key: 'start_date', type: 'date', sql: 'r.start_date' },
		{ key: 'planned_end_date', type: 'date', sql: 'r.planned_end_date' },
		{ key: 'accepted_date', type: 'date', sql: 'r.accepted_date' },
		{ key: 'applied', type: 'bool', sql: 'r.applied' },
		{ key: 'budget_bn', type: 'number', sql: 'r.budget_bn', digits: 2 },
		{ key: 'task_id', type: 'code', sql: 'r.task_id' }
	],
	sortKey: 'start_date',
	sortDir: 'desc',
	idKey: 'task_id'
};

const ipTitles: RecordTableView = {
	columns: [
		{ key: 'ip_name', type: 'text', sql: 'r.name' },
		{ key: 'ip_type', type: 'enum', sql: 'r.ip_type' },
		{ key: 'owner', type: 'text', sql: 'r.owner' },
		province,
		{ key: 'filing_date', type: 'date', sql: 'r.filing_date' },
		{ key: 'grant_date', type: 'date', sql: 'r.grant_date' },
		{ key: 'ip_id', type: 'code', sql: 'r.ip_id' }
	],
	sortKey: 'filing_date',
	sortDir: 'desc',
	idKey: 'ip_id'
};

const budget: RecordTableView = {
	columns: [
		province,
		{ key: 'period', type: 'code', sql: `r.year || '-Q' || r.quarter` },
		{ key: 'budget_source', type: 'enum', sql: 'r.source' },
		{ key: 'category', type: 'enum', sql: 'r.category' },
		{ key: 'allocated_bn', type: 'number', sql: 'r.allocated_bn', digits: 2 },
		{ key: 'disbursed_bn', type: 'number', sql: 'r.disbursed_bn', digits: 2 },
		{ key: 'line_id', type: 'code', sql: `r.province_code || '|' || r.year || '|' || r.quarter || '|' || r.source || '|' || r.category`, hidden: true }
	],
	sortKey: 'period',
	sortDir: 'desc',
	idKey: 'line_id'
};

/** Keyed by the record table (RecordIndicator.table). */
export const RECORD_VIEWS: Record<string, RecordTableView> = {
	ocop_products: ocop,
	startups,
	st_firms: stFirms,
	st_tasks: stTasks,
	ip_titles: ipTitles,
	budget
};

/** Allowed values of the enum columns, so their labels can be looked up and tested. */
export const RECORD_ENUMS: Record<string, readonly string[]> = {
	product_group: ['food', 'beverage', 'herbal', 'textile', 'handicraft', 'tourism'],
	task_level: ['national', 'provincial', 'grassroots'],
	ip_type: ['certification_mark', 'collective_mark', 'geographical_indication', 'patent', 'utility_solution'],
	budget_source: ['central', 'provincial', 'non_state'],
	category: ['recurrent', 'investment']
};
