/**
 * Checks the default data in data/ against the data contract and the published figures.
 *
 * Deliberately independent of scripts/generate-data.ts: the CSV parser, the in-force rule
 * and the unit mapping are re-implemented here from the rules in the brief and
 * indicators.csv, so a bug in the generator cannot hide itself. The generator is only
 * imported to check that it is deterministic and that the committed files are current.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATASETS, type ColumnSpec, type DatasetSpec } from '../../src/lib/data/schema.ts';
import { generate } from '../../scripts/generate-data.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = path.join(ROOT, 'data');
const SHARED = process.env.SHARED_DIR ?? path.resolve(ROOT, '../shared/domain');
const HAVE_SHARED = fs.existsSync(path.join(SHARED, 'provinces_2024.csv'));
const MERGER = '2025-07-01';
const OLD = ['22', '33', '34', '48', '49', '56', '58'];
const NEW = ['22', '33', '48', '56'];

type Rec = Record<string, string>;

// ------------------------------------------------------------------ reading

function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let inQuotes = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inQuotes) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i++;
				} else inQuotes = false;
			} else cell += ch;
			continue;
		}
		if (ch === '"') inQuotes = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += ch;
	}
	if (cell || row.length) rows.push([...row, cell]);
	return rows;
}

const raw = new Map<string, string[][]>();
function rawTable(name: string): string[][] {
	if (!raw.has(name)) raw.set(name, parseCsv(fs.readFileSync(path.join(DATA, `${name}.csv`), 'utf8')));
	return raw.get(name)!;
}
function table(name: string): Rec[] {
	const [header, ...rows] = rawTable(name);
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

// ------------------------------------------------------------------ dates and units

const isoOk = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const plus36Months = (s: string) => `${+s.slice(0, 4) + 3}${s.slice(4)}`; // no certificate is dated 29 February (checked)
const planStart = (vintage: string) => (vintage === '2024' ? '2021-01-01' : '2026-01-01');

const units = table('units');
const successor = new Map(units.filter((u) => u.vintage === '2024' && u.level === 'province').map((u) => [u.code, u.successor_code]));

/** Does a record of province `code` dated `date` count for unit (unit, vintage)? */
function counts(code: string, date: string, unit: string, vintage: string): boolean {
	if (vintage === '2024') return date < MERGER && code === unit;
	return (date < MERGER ? successor.get(code) : code) === unit;
}

// ------------------------------------------------------------------ OCOP rules, written from the brief

const ocop = table('ocop_products');
const byProduct = new Map<string, Rec[]>();
for (const c of ocop) byProduct.set(c.product_id, [...(byProduct.get(c.product_id) ?? []), c]);
for (const cs of byProduct.values()) cs.sort((a, b) => a.decision_date.localeCompare(b.decision_date));

/** In force at D: latest certificate with decision_date ≤ D, D < decision_date + 36 months, not revoked by D. */
function inForceAt(d: string): Rec[] {
	const out: Rec[] = [];
	for (const cs of byProduct.values()) {
		const latest = cs.filter((c) => c.decision_date <= d).at(-1);
		if (!latest) continue;
		if (d >= plus36Months(latest.decision_date)) continue;
		if (latest.revoked_date && d >= latest.revoked_date) continue;
		out.push(latest);
	}
	return out;
}

function ocopLevel(ind: string, unit: string, vintage: string, d: string): number {
	const mine = inForceAt(d).filter((c) => counts(c.province_code, c.decision_date, unit, vintage));
	const stars = { OC01: [3, 4, 5], OC02: [3], OC03: [4], OC04: [5] }[ind];
	if (!stars) throw new Error(`not a level OCOP indicator: ${ind}`);
	return mine.filter((c) => stars.includes(+c.stars)).length;
}

/** OC05 in the year of D up to D: certificates whose product has no earlier certificate. */
function ocopNew(unit: string, vintage: string, d: string, stars?: number): number {
	const from = `${d.slice(0, 4)}-01-01`;
	let n = 0;
	for (const cs of byProduct.values()) {
		const first = cs[0];
		if (first.decision_date >= from && first.decision_date <= d && counts(first.province_code, first.decision_date, unit, vintage) && (!stars || +first.stars === stars)) n++;
	}
	return n;
}

const startups = table('startups');
const tasks = table('st_tasks');

function recordValue(ind: string, unit: string, vintage: string, d: string): number {
	const S = planStart(vintage);
	const inPlan = (x: string) => !!x && x >= S && x <= d;
	switch (ind) {
		case 'OC01':
		case 'OC02':
		case 'OC03':
		case 'OC04':
			return ocopLevel(ind, unit, vintage, d);
		case 'OC05':
			return ocopNew(unit, vintage, d);
		case 'KN01':
			return startups.filter((s) => counts(s.province_code, s.supported_date, unit, vintage) && inPlan(s.supported_date)).length;
		case 'KN02':
			return startups.filter((s) => counts(s.province_code, s.supported_date, unit, vintage) && inPlan(s.firm_founded_date)).length;
		case 'NV05':
			return tasks.filter((t) => counts(t.province_code, t.start_date, unit, vintage) && inPlan(t.start_date)).length;
	}
	throw new Error(`calibration test has no rule for ${ind}: add one before publishing such a figure`);
}

// ------------------------------------------------------------------ schema validation

function cellErrors(c: ColumnSpec, v: string): string | null {
	if (v === '') return c.required ? 'required' : null;
	if (v !== v.trim()) return 'surrounding spaces';
	switch (c.type) {
		case 'integer':
			if (!/^-?\d+$/.test(v)) return 'not an integer';
			break;
		case 'number':
			if (!/^-?\d+(\.\d+)?$/.test(v)) return 'not a plain number';
			break;
		case 'date':
			if (!isoOk(v)) return 'not a YYYY-MM-DD date';
			break;
		case 'boolean':
			if (v !== 'true' && v !== 'false') return 'not true/false';
			break;
	}
	if (c.values && !c.values.includes(v)) return `not one of ${c.values.join('/')}`;
	if (c.pattern && !c.pattern.test(v)) return `does not match ${c.pattern}`;
	if (c.min !== undefined && +v < c.min) return `below ${c.min}`;
	if (c.max !== undefined && +v > c.max) return `above ${c.max}`;
	return null;
}

function refSet(ref: NonNullable<ColumnSpec['ref']>): Set<string> {
	if (ref === 'indicator') return new Set(table('indicators').map((r) => r.code));
	if (ref === 'unit') return new Set(units.map((u) => u.code));
	return new Set(units.filter((u) => u.level === ref).map((u) => u.code));
}

describe('files follow schema.ts', () => {
	it('every dataset has a file and README.md exists', () => {
		for (const d of DATASETS) expect(fs.existsSync(path.join(DATA, `${d.name}.csv`)), d.name).toBe(true);
		expect(fs.readFileSync(path.join(DATA, 'README.md'), 'utf8')).toContain('## Tables and columns');
	});

	it.each(DATASETS.map((d) => [d.name, d] as [string, DatasetSpec]))('%s: header, cells, keys and references', (name, spec) => {
		const text = fs.readFileSync(path.join(DATA, `${name}.csv`), 'utf8');
		expect(text.includes('\r'), 'LF line ends').toBe(false);
		expect(text.endsWith('\n')).toBe(true);
		const [header, ...rows] = rawTable(name);
		expect(header).toEqual(spec.columns.map((c) => c.name));
		expect(rows.length).toBeGreaterThan(0);
		const errors: string[] = [];
		const keys = new Set<string>();
		const refs = new Map(spec.columns.filter((c) => c.ref).map((c) => [c.name, refSet(c.ref!)]));
		rows.forEach((r, i) => {
			if (r.length !== header.length) errors.push(`row ${i + 2}: ${r.length} cells`);
			spec.columns.forEach((c, j) => {
				const e = cellErrors(c, r[j] ?? '');
				if (e) errors.push(`row ${i + 2} ${c.name}="${r[j]}": ${e}`);
				const known = refs.get(c.name);
				if (known && r[j] && !known.has(r[j])) errors.push(`row ${i + 2} ${c.name}="${r[j]}": unknown ${c.ref}`);
			});
			const key = spec.key.map((k) => r[header.indexOf(k)]).join('|');
			if (keys.has(key)) errors.push(`row ${i + 2}: duplicate key ${key}`);
			keys.add(key);
		});
		expect(errors.slice(0, 20)).toEqual([]);
	});

	it('datasets.csv describes every dataset', () => {
		expect(table('datasets').map((r) => r.dataset).sort()).toEqual(DATASETS.map((d) => d.name).sort());
	});
});

// ------------------------------------------------------------------ catalogue and units

describe('catalogue and units', () => {
	it('indicators use the source tables the KPI SQL expects', () => {
		const expected: Record<string, string> = {
			ocop_products: 'OC01 OC02 OC03 OC04 OC05 OC06 OC07 OC08 OC09 OC10',
			startups: 'KN01 KN02 KN03 KN04 TT02',
			st_firms: 'DN01 DN02',
			ip_titles: 'SH02 SH03 SH05',
			st_tasks: 'NV01 NV02 NV03 NV04 NV05',
			budget: 'NS01 NS02 NS03 NS05',
			observations: 'KN05 KN06 KN07 TT01 DN03 DN04 DN05 OC11 SH01 SH04 NS04'
		};
		const ind = table('indicators');
		for (const [t, codes] of Object.entries(expected))
			expect(ind.filter((r) => r.source_table === t).map((r) => r.code).sort(), t).toEqual(codes.split(' ').sort());
		expect(ind).toHaveLength(40);
		const by = new Map(ind.map((r) => [r.code, r]));
		expect(by.get('NS02')!.kind).toBe('flow');
		expect(by.get('NV05')).toMatchObject({ kind: 'cumulative', name_en: 'S&T tasks started since the plan began' });
		expect(by.get('OC01')!.definition_vi).toContain('36 tháng');
		expect(by.get('OC01')!.definition_en).toContain('36 months');
		for (const r of ind) expect(r.definition_vi.length > 20 && r.definition_en.length > 20, r.code).toBe(true);
	});

	it('units: 63 old provinces ending 2025-06-30, 34 new, 73 districts, the country', () => {
		const old = units.filter((u) => u.vintage === '2024' && u.level === 'province');
		expect(old).toHaveLength(63);
		for (const u of old) {
			expect(u.valid_to).toBe('2025-06-30');
			expect(u.successor_code).toMatch(/^\d{2}$/);
		}
		const neu = units.filter((u) => u.vintage === '2025');
		expect(neu).toHaveLength(34);
		for (const u of neu) expect([u.valid_from, u.valid_to]).toEqual(['2025-07-01', '']);
		expect(units.filter((u) => u.level === 'district')).toHaveLength(73);
		expect(units.find((u) => u.code === '519')!.valid_to).toBe('2024-12-31');
		expect(units.filter((u) => u.code === 'VN')).toEqual([expect.objectContaining({ vintage: '2024', level: 'country', name_vi: 'Việt Nam', valid_from: '', valid_to: '' })]);
		expect(OLD.map((c) => successor.get(c))).toEqual(['22', '33', '33', '48', '48', '56', '56']);
	});
});

// ------------------------------------------------------------------ calibration

describe('records reproduce every published figure', () => {
	const published = table('published_figures');

	it('lists the calibrated figures of the brief', () => {
		expect(published.length).toBeGreaterThanOrEqual(40);
		for (const p of published) expect(p.source_title && p.source_url, `${p.indicator} ${p.unit_code} ${p.as_of}`).toBeTruthy();
	});

	it.each(published.map((p) => [`${p.indicator} ${p.unit_code}@${p.unit_vintage} ${p.as_of} = ${p.value}`, p] as [string, Rec]))('%s', (_, p) => {
		expect(recordValue(p.indicator, p.unit_code, p.unit_vintage, p.as_of)).toBe(+p.value);
	});

	it('Thái Bình holds 194 = 146 + 48 every day from 2025-01-31 to 2025-06-30', () => {
		for (let t = Date.UTC(2025, 0, 31); t <= Date.UTC(2025, 5, 30); t += 86_400_000) {
			const d = new Date(t).toISOString().slice(0, 10);
			expect([ocopLevel('OC02', '34', '2024', d), ocopLevel('OC03', '34', '2024', d), ocopLevel('OC04', '34', '2024', d)], d).toEqual([146, 48, 0]);
		}
	});

	it('Ninh Thuận: all 84 new products of 2024 (12 of them 4★) come in the December round', () => {
		expect(ocopNew('58', '2024', '2024-11-30')).toBe(0);
		expect(ocopNew('58', '2024', '2024-12-31')).toBe(84);
		expect(ocopNew('58', '2024', '2024-12-31', 4)).toBe(12);
	});

	it('Quảng Nam has no 5★ before 2025-01-17, then the two named upgrades', () => {
		const dates = [...new Set(ocop.map((c) => c.decision_date))].filter((d) => d < '2025-01-17');
		for (const d of dates) expect(ocopLevel('OC04', '49', '2024', d), d).toBe(0);
		expect(ocopLevel('OC04', '49', '2024', '2025-01-16')).toBe(0);
		const five = ocop.filter((c) => c.province_code === '49' && c.stars === '5');
		expect(five.map((c) => [c.product_name, c.decision_no, c.decision_date]).sort()).toEqual([
			['Bánh dừa Quý Thu', '377/QĐ-BNN-KTHT', '2025-01-17'],
			['Thực phẩm bảo vệ sức khỏe SAPHRATON', '377/QĐ-BNN-KTHT', '2025-01-17']
		]);
		for (const f of five) {
			const before = byProduct.get(f.product_id)!.filter((c) => c.decision_date < f.decision_date).at(-1)!;
			expect(before.stars, `${f.product_name} was 4★ before`).toBe('4');
			expect(plus36Months(before.decision_date) > f.decision_date).toBe(true);
		}
		const district = (name: string) => five.find((c) => c.product_name === name)!.district_code;
		expect(district('Bánh dừa Quý Thu')).toBe('509'); // Quế Sơn
		expect(district('Thực phẩm bảo vệ sức khỏe SAPHRATON')).toBe('516'); // Nam Trà My
	});

	it("Quảng Ninh's four 5★ of 2023 are the real products", () => {
		const five = inForceAt('2023-12-31').filter((c) => c.province_code === '22' && c.stars === '5');
		expect(five.map((c) => c.product_name).sort()).toEqual(['Ngọc trai Akoya', 'Ngọc trai Southsea', 'Ngọc trai Tahiti', 'Trà hoa vàng Quy Hoa']);
		const firstFive = (name: string) => ocop.filter((c) => c.product_name === name && c.stars === '5').map((c) => c.decision_date).sort()[0];
		for (const pearl of ['Ngọc trai Akoya', 'Ngọc trai Tahiti', 'Ngọc trai Southsea']) {
			expect(firstFive(pearl).slice(0, 4)).toBe('2021');
			expect(ocop.find((c) => c.product_name === pearl)!.producer_name).toBe('Công ty CP Ngọc trai Hạ Long');
		}
		expect(firstFive('Trà hoa vàng Quy Hoa').slice(0, 4)).toBe('2022');
	});

	it('Đà Nẵng startups: 19 projects and 11 firms in 2024; nothing between 2025-05-17 and 2025-06-30', () => {
		const dn = startups.filter((s) => s.province_code === '48');
		const inYear = (x: string) => x >= '2024-01-01' && x <= '2024-12-31';
		expect(dn.filter((s) => inYear(s.supported_date)).length).toBe(19);
		expect(dn.filter((s) => inYear(s.firm_founded_date)).length).toBe(11);
		const quiet = (x: string) => !!x && x >= '2025-05-17' && x <= '2025-06-30';
		expect(dn.filter((s) => quiet(s.supported_date) || quiet(s.firm_founded_date) || quiet(s.capital_raised_date))).toEqual([]);
	});

	it('Đà Nẵng S&T tasks started 2021 – 2025-06-30: 196, funding just over 288 tỷ đồng', () => {
		const dn = tasks.filter((t) => t.province_code === '48' && t.start_date >= '2021-01-01' && t.start_date < MERGER);
		expect(dn).toHaveLength(196);
		const total = dn.reduce((a, t) => a + Math.round(+t.budget_bn * 1000), 0) / 1000;
		expect(total).toBeGreaterThan(288);
		expect(total).toBeLessThan(289);
	});
});

// ------------------------------------------------------------------ record invariants

describe('records carry the unit valid on their date', () => {
	const districtsOf = new Map<string, Rec[]>();
	for (const u of units.filter((x) => x.level === 'district')) districtsOf.set(u.parent_code, [...(districtsOf.get(u.parent_code) ?? []), u]);

	const cases: [string, string, boolean][] = [
		['ocop_products', 'decision_date', true],
		['startups', 'supported_date', true],
		['st_firms', 'certificate_date', true],
		['st_tasks', 'start_date', false],
		['ip_titles', 'filing_date', false]
	];
	it.each(cases)('%s (date: %s)', (name, dateCol, hasDistrict) => {
		const bad: string[] = [];
		for (const r of table(name)) {
			const d = r[dateCol];
			if (d > '2026-10-31' || d < '2019-01-01') bad.push(`${d} outside 2019 – AS_OF`);
			if (d < MERGER) {
				if (!OLD.includes(r.province_code)) bad.push(`${d}: ${r.province_code} is not an old pilot province`);
				if (!hasDistrict) continue;
				const dist = districtsOf.get(r.province_code)?.find((x) => x.code === r.district_code);
				if (!dist) bad.push(`${d}: district ${r.district_code} not in ${r.province_code}`);
				else if (dist.valid_to && d > dist.valid_to) bad.push(`${d}: district ${r.district_code} ended ${dist.valid_to}`);
			} else {
				if (!NEW.includes(r.province_code)) bad.push(`${d}: ${r.province_code} is not a new pilot province`);
				if (hasDistrict && r.district_code !== '') bad.push(`${d}: district ${r.district_code} after the merger`);
			}
		}
		expect(bad.slice(0, 10)).toEqual([]);
	});

	it('budget quarters: old codes until 2025-Q2, new codes after, nothing after 2026-Q3', () => {
		for (const b of table('budget')) {
			const y = +b.year;
			const q = +b.quarter;
			const after = y > 2025 || (y === 2025 && q >= 3);
			expect((after ? NEW : OLD).includes(b.province_code), `${b.province_code} ${y}Q${q}`).toBe(true);
			expect(y * 10 + q).toBeLessThanOrEqual(20263);
			expect(y).toBeGreaterThanOrEqual(2019);
		}
	});

	it('OCOP certificates: one per product and date, provincial 3–4★, national 5★, never on 29 February', () => {
		for (const [id, cs] of byProduct) {
			const dates = cs.map((c) => c.decision_date);
			expect(new Set(dates).size, id).toBe(dates.length);
			expect(new Set(cs.map((c) => c.product_name)).size, id).toBe(1);
			for (const c of cs) {
				expect(c.decision_date.endsWith('-02-29')).toBe(false);
				if (c.stars === '5') expect(c.decision_no).toMatch(/^\d+\/QĐ-(BNN-KTHT|BNNMT)$/);
				else expect(c.decision_no).toMatch(/^\d+\/QĐ-UBND$/);
				if (c.revoked_date) expect(c.revoked_date > c.decision_date).toBe(true);
			}
		}
	});

	it('dates within a record are in order', () => {
		for (const s of startups) {
			if (s.firm_founded_date) expect(s.firm_founded_date > s.supported_date, s.project_id).toBe(true);
			if (s.capital_raised_date) expect(s.capital_raised_date > s.firm_founded_date, s.project_id).toBe(true);
			expect(s.capital_raised_date === '').toBe(s.capital_raised_bn === '');
		}
		for (const t of tasks) {
			expect(t.planned_end_date > t.start_date, t.task_id).toBe(true);
			if (t.accepted_date) expect(t.accepted_date > t.start_date).toBe(true);
			expect(t.applied === '').toBe(t.accepted_date === '');
		}
		for (const p of table('ip_titles')) if (p.grant_date) expect(p.grant_date > p.filing_date, p.ip_id).toBe(true);
		for (const f of table('st_firms')) if (f.revoked_date) expect(f.revoked_date > f.certificate_date, f.certificate_id).toBe(true);
	});

	it('ratio observations carry numerator and denominator, except value-only published national ratios', () => {
		const ratio = new Set(table('indicators').filter((r) => r.kind === 'ratio').map((r) => r.code));
		for (const o of table('observations')) {
			if (!ratio.has(o.indicator)) {
				expect(o.value !== '' && o.numerator === '' && o.denominator === '', `${o.indicator} ${o.unit_code} ${o.period}`).toBe(true);
			} else if (o.value !== '') {
				expect([o.unit_code, o.provenance, o.numerator, o.denominator]).toEqual(['VN', 'published', '', '']);
			} else {
				expect(+o.denominator > 0 && o.numerator !== '', `${o.indicator} ${o.unit_code} ${o.period}`).toBe(true);
			}
		}
	});
});

// ------------------------------------------------------------------ determinism

describe('generator', () => {
	it.skipIf(!HAVE_SHARED)('writes the same bytes on every run, equal to the committed data/', () => {
		const a = fs.mkdtempSync(path.join(os.tmpdir(), 'tien-do-a-'));
		const b = fs.mkdtempSync(path.join(os.tmpdir(), 'tien-do-b-'));
		try {
			generate(a, SHARED);
			generate(b, SHARED);
			const files = [...DATASETS.map((d) => `${d.name}.csv`), 'README.md'];
			for (const f of files) {
				const bytes = fs.readFileSync(path.join(a, f));
				expect(bytes.equals(fs.readFileSync(path.join(b, f))), `${f} differs between runs`).toBe(true);
				expect(bytes.equals(fs.readFileSync(path.join(DATA, f))), `data/${f} is stale: run npx tsx scripts/generate-data.ts`).toBe(true);
			}
		} finally {
			fs.rmSync(a, { recursive: true, force: true });
			fs.rmSync(b, { recursive: true, force: true });
		}
	});
});
