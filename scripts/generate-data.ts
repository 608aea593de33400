/**
 * Generates the default data of Tiến độ into data/: seven pilot provinces of the
 * old system (vintage 2024, 2019 – 2025-06-30) that became four provinces of the new
 * system (vintage 2025) on 2025-07-01, with data up to AS_OF = 2026-10-31.
 *
 * Why generated: the departments' record lists are not public, but some totals are
 * (see shared/domain/published_figures.csv). The OCOP, startup and S&T-task
 * records are therefore generated *around* those totals: computed with the
 * dashboard's rules (see indicators.csv, `source_table` + definition), they equal the
 * published figures at the published dates. Everything else is illustrative, and every
 * row says which it is (`provenance`).
 *
 * Deterministic: one seeded PRNG stream per topic and province, no clock and no
 * Math.random, so the same bytes come out on every run and a diff of data/ is always a
 * real change.
 *
 * Run:  npx tsx scripts/generate-data.ts [outDir]
 *       SHARED_DIR=/path/to/shared/domain overrides the default ../shared/domain.
 * The build never runs this script; its output in data/ is committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DATASETS, OCOP_VALIDITY_MONTHS, type ColumnSpec, type DatasetSpec } from '../src/lib/data/schema.ts';

// ============================================================== constants

export const AS_OF = '2026-10-31';
/** First day of the 34-province system; records dated from here on use the new codes. */
export const MERGER = '2025-07-01';
const LAST_OLD_DAY = '2025-06-30';
const FIRST_YEAR = 2019;
const OLD_CODES = ['22', '33', '34', '48', '49', '56', '58'];
const NEW_CODES = ['22', '33', '48', '56'];
const OLD_PLAN = { name: '2021-2025', start: '2021-01-01', baselineYear: 2020, targetYear: 2025 };
const NEW_PLAN = { name: '2026-2030', start: '2026-01-01', baselineYear: 2025, targetYear: 2030 };
const ILLUSTRATIVE_DOC = 'Minh họa — chưa có chỉ tiêu công bố';
const ILLUSTRATIVE_SOURCE = 'Minh họa — sinh bởi scripts/generate-data.ts (không phải số liệu thật)';

type Row = Record<string, string | number | boolean | null | undefined>;
type Vintage = '2024' | '2025';
interface UnitRef {
	code: string;
	vintage: Vintage;
}

// ============================================================== seeded randomness

/** FNV-1a, to turn a stream name into a seed: each topic/province has its own stream,
 * so changing one part of the generator does not reshuffle every other table. */
function hashString(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class Rng {
	private next: () => number;
	constructor(name: string) {
		this.next = mulberry32(hashString('tien-do/' + name));
	}
	float(lo = 0, hi = 1): number {
		return lo + (hi - lo) * this.next();
	}
	/** Integer in [lo, hi], both included. */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(xs: readonly T[]): T {
		return xs[Math.floor(this.next() * xs.length)];
	}
	weighted<T>(xs: readonly T[], weights: readonly number[]): T {
		const total = weights.reduce((a, b) => a + b, 0);
		let r = this.next() * total;
		for (let i = 0; i < xs.length; i++) {
			r -= weights[i];
			if (r < 0) return xs[i];
		}
		return xs[xs.length - 1];
	}
	normal(): number {
		const u = Math.max(this.next(), 1e-12);
		const v = this.next();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
	/** Poisson draw (Knuth); small means only. */
	poisson(mean: number): number {
		const l = Math.exp(-mean);
		let k = 0;
		let p = 1;
		do {
			k++;
			p *= this.next();
		} while (p > l);
		return k - 1;
	}
	shuffle<T>(xs: readonly T[]): T[] {
		const a = xs.slice();
		for (let i = a.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[a[i], a[j]] = [a[j], a[i]];
		}
		return a;
	}
	sample<T>(xs: readonly T[], k: number): T[] {
		return this.shuffle(xs).slice(0, k);
	}
}

// ============================================================== dates (ISO strings compare correctly)

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const toDay = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
const fromDay = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => fromDay(toDay(iso) + n);
const yearOf = (iso: string) => +iso.slice(0, 4);
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const maxDate = (a: string, b: string) => (a > b ? a : b);

/** Calendar months later, clamped to the month's last day (2024-02-29 + 12 = 2025-02-28). */
export function addMonths(iso: string, months: number): string {
	const total = yearOf(iso) * 12 + (+iso.slice(5, 7) - 1) + months;
	const y = Math.floor(total / 12);
	const m = (total % 12) + 1;
	const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return ymd(y, m, Math.min(+iso.slice(8, 10), last));
}

/** Decisions are signed on working days: move Saturday back, Sunday forward. */
function workday(iso: string): string {
	const dow = new Date(toDay(iso) * DAY_MS).getUTCDay();
	return dow === 6 ? addDays(iso, -1) : dow === 0 ? addDays(iso, 1) : iso;
}

/** A random working day in [from, to]; never 29 February, so "+36 months" is unambiguous. */
function randomWorkday(rng: Rng, from: string, to: string): string {
	for (let i = 0; i < 20; i++) {
		const d = workday(fromDay(rng.int(toDay(from), toDay(to))));
		if (d >= from && d <= to && !d.endsWith('-02-29')) return d;
	}
	return from;
}

// ============================================================== CSV

export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows.filter((r) => r.length > 1 || r[0] !== '');
}

function readTable(file: string): Record<string, string>[] {
	const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Numbers are written without exponent and with at most three decimals (1 triệu đồng). */
function formatNumber(x: number): string {
	if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
	const r = Math.round(x * 1000) / 1000;
	return Object.is(r, -0) ? '0' : String(r);
}

function formatValue(v: Row[string]): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	if (typeof v === 'number') return formatNumber(v);
	return v;
}

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes exactly the spec's columns, in its order, and refuses rows that break it. */
function toCsv(spec: DatasetSpec, rows: Row[]): string {
	const names = spec.columns.map((c) => c.name);
	const lines = [names.join(',')];
	rows.forEach((row, i) => {
		for (const k of Object.keys(row)) if (!names.includes(k)) throw new Error(`${spec.name} row ${i}: unknown column ${k}`);
		const cells = spec.columns.map((c) => {
			const s = formatValue(row[c.name]);
			checkCell(spec, c, s, i);
			return csvField(s);
		});
		lines.push(cells.join(','));
	});
	return lines.join('\n') + '\n';
}

/** A cheap first line of defence; tests/data/calibration.test.ts checks the files in full. */
function checkCell(spec: DatasetSpec, c: ColumnSpec, s: string, i: number) {
	const where = `${spec.name} row ${i + 1} column ${c.name}`;
	if (s === '') {
		if (c.required) throw new Error(`${where}: required`);
		return;
	}
	if (c.values && !c.values.includes(s)) throw new Error(`${where}: ${s} not allowed`);
	if (c.pattern && !c.pattern.test(s)) throw new Error(`${where}: ${s} does not match ${c.pattern}`);
	if (c.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new Error(`${where}: bad date ${s}`);
	if (c.type === 'integer' && !/^-?\d+$/.test(s)) throw new Error(`${where}: not an integer ${s}`);
	if ((c.type === 'number' || c.type === 'integer') && c.min !== undefined && +s < c.min) throw new Error(`${where}: ${s} < ${c.min}`);
	if ((c.type === 'number' || c.type === 'integer') && c.max !== undefined && +s > c.max) throw new Error(`${where}: ${s} > ${c.max}`);
}

// ============================================================== shared domain files

interface Shared {
	provinces2024: Record<string, string>[];
	provinces2025: Record<string, string>[];
	merger: Record<string, string>[];
	districts: Record<string, string>[];
	indicators: Record<string, string>[];
	published: Record<string, string>[];
	provincialTargets: Record<string, string>[];
	nationalTargets: Record<string, string>[];
}

function loadShared(dir: string): Shared {
	const t = (f: string) => readTable(path.join(dir, f));
	return {
		provinces2024: t('provinces_2024.csv'),
		provinces2025: t('provinces_2025.csv'),
		merger: t('province_merger_2025.csv'),
		districts: t('districts_2024.csv'),
		indicators: t('indicators_proposed.csv'),
		published: t('published_figures.csv'),
		provincialTargets: t('provincial_targets.csv'),
		nationalTargets: t('national_targets.csv')
	};
}

/** Finds the shared row a calibrated figure comes from, so titles and URLs are never retyped. */
function publishedSource(sh: Shared, scope: string, value: string, indicatorHint = ''): Record<string, string> {
	const row = sh.published.find((r) => r.scope === scope && r.value === value && r.indicator.includes(indicatorHint));
	if (!row) throw new Error(`published_figures.csv has no row ${scope} ${value} ${indicatorHint}`);
	return row;
}

function targetSource(rows: Record<string, string>[], pred: (r: Record<string, string>) => boolean): Record<string, string> {
	const row = rows.find(pred);
	if (!row) throw new Error('target source row not found');
	return row;
}

// ============================================================== geography

interface District {
	code: string;
	name: string;
	kind: string;
	province: string;
	communes: number;
	validTo: string;
}

class Geo {
	successor = new Map<string, string>();
	oldName = new Map<string, string>();
	newName = new Map<string, string>();
	districts = new Map<string, District[]>();

	constructor(sh: Shared) {
		for (const r of sh.merger) this.successor.set(r.old_code, r.new_code);
		for (const r of sh.provinces2024) this.oldName.set(r.code, r.name_vi);
		for (const r of sh.provinces2025) this.newName.set(r.code, r.name_vi);
		for (const r of sh.districts) {
			const d: District = {
				code: r.code,
				name: r.name_vi,
				kind: r.kind,
				province: r.province_code,
				communes: +r.commune_units_2024_11,
				validTo: r.valid_to
			};
			this.districts.set(d.province, [...(this.districts.get(d.province) ?? []), d]);
		}
		for (const c of OLD_CODES) if (!this.districts.get(c)?.length) throw new Error(`no districts for ${c}`);
	}

	/** Province code a record dated `date` carries: the old unit before the merger, its successor after. */
	provinceAt(oldCode: string, date: string): string {
		if (date < MERGER) return oldCode;
		return this.successor.get(oldCode) ?? oldCode;
	}

	/** District code a record dated `date` carries: none after 2025-07-01 (districts were abolished);
	 * Nông Sơn (519) records from 2025 onwards belong to Quế Sơn (509), which absorbed it. */
	districtAt(district: string, date: string): string {
		if (!district || date >= MERGER) return '';
		const d = this.find(district);
		if (d && d.validTo && date > d.validTo) return district === '519' ? '509' : '';
		return district;
	}

	find(code: string): District | undefined {
		for (const ds of this.districts.values()) for (const d of ds) if (d.code === code) return d;
		return undefined;
	}

	/** Mainland districts, weighted by commune count; `urbanBias` favours cities (startups, firms). */
	randomDistrict(rng: Rng, oldCode: string, urbanBias = 1): District {
		const ds = (this.districts.get(oldCode) ?? []).filter((d) => d.communes > 0 && d.code !== '576');
		const w = ds.map((d) => (/thành phố|quận|thị xã/.test(d.kind) ? urbanBias * 10 : 0) + d.communes);
		return rng.weighted(ds, w);
	}

	/** Name of the unit a record dated `date` belongs to (old name before the merger). */
	provinceName(oldCode: string, date: string): string {
		return date < MERGER ? this.oldName.get(oldCode)! : this.newName.get(this.provinceAt(oldCode, date))!;
	}

	predecessors(newCode: string): string[] {
		return OLD_CODES.filter((c) => this.successor.get(c) === newCode);
	}
}

/** Does a record of province `code` dated `date` count for unit `u`? Old units see only their own
 * pre-merger records; new units see their own records and those of the old units they absorbed. */
function inUnit(geo: Geo, code: string, date: string, u: UnitRef): boolean {
	if (u.vintage === '2024') return date < MERGER && code === u.code;
	return (date < MERGER ? geo.successor.get(code) : code) === u.code;
}

// ============================================================== generic Vietnamese names

const BRAND_A = ['An', 'Bình', 'Minh', 'Phúc', 'Hưng', 'Thịnh', 'Tâm', 'Đức', 'Thành', 'Hòa', 'Lộc', 'Việt', 'Xuân', 'Hải', 'Long', 'Kim', 'Ngọc', 'Trường', 'Quang', 'Hồng', 'Gia', 'Bảo', 'Thiên', 'Hoàng', 'Tân', 'Phú', 'Đại', 'Hương', 'Sao', 'Mỹ'];
const BRAND_B = ['Phát', 'Thịnh', 'An', 'Lợi', 'Tín', 'Khang', 'Nguyên', 'Quê', 'Sơn', 'Hà', 'Lâm', 'Phong', 'Vượng', 'Mai', 'Đạt', 'Thuận', 'Xanh', 'Tiến', 'Hưng', 'Điền'];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Phan', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Thu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hạnh', 'Hòa', 'Hùng', 'Hương', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Thủy', 'Trang', 'Tuấn', 'Yến'];

function brand(rng: Rng): string {
	const a = rng.pick(BRAND_A);
	let b = rng.pick(BRAND_B);
	if (b === a) b = 'Phát';
	return `${a} ${b}`;
}
const personName = (rng: Rng) => `${rng.pick(SURNAMES)} ${rng.pick(MIDDLE)} ${rng.pick(GIVEN)}`;

type ProductGroup = 'food' | 'beverage' | 'herbal' | 'textile' | 'handicraft' | 'tourism';
type ProducerType = 'cooperative' | 'enterprise' | 'household' | 'cooperative_group';
const GROUPS: ProductGroup[] = ['food', 'beverage', 'herbal', 'textile', 'handicraft', 'tourism'];
const GROUP_WEIGHTS = [0.5, 0.15, 0.15, 0.04, 0.12, 0.04];
const ITEMS: Record<ProductGroup, string[]> = {
	food: ['Mắm tôm', 'Chả mực', 'Nước mắm', 'Bánh gai', 'Bánh đa', 'Giò chả', 'Mật ong', 'Gạo thơm', 'Miến dong', 'Tôm khô', 'Cá khô', 'Ruốc tôm', 'Nem chua', 'Lạc rang', 'Tương', 'Bánh tráng', 'Mứt gừng', 'Chuối sấy', 'Nho sấy', 'Yến sào', 'Hành tím', 'Tỏi', 'Dầu lạc', 'Xoài sấy', 'Trứng vịt muối'],
	beverage: ['Trà xanh', 'Trà hoa vàng', 'Rượu nếp', 'Rượu chuối hột', 'Trà túi lọc', 'Nước ép nho', 'Cà phê rang xay', 'Trà dây', 'Rượu ba kích', 'Nước cốt gừng'],
	herbal: ['Cao dược liệu', 'Tinh dầu quế', 'Ba kích tím', 'Cao atiso', 'Tinh bột nghệ', 'Cao xương khớp', 'Dầu tràm', 'Trà dược liệu', 'Nấm linh chi', 'Xà phòng thảo dược'],
	textile: ['Khăn thổ cẩm', 'Lụa tơ tằm', 'Túi dệt thổ cẩm', 'Khăn lụa', 'Vải dệt thủ công'],
	handicraft: ['Chiếu cói', 'Gốm mỹ nghệ', 'Mây tre đan', 'Tranh cát', 'Đồ sừng mỹ nghệ', 'Nón lá', 'Đồ gỗ mỹ nghệ', 'Đèn lồng', 'Trầm hương mỹ nghệ', 'Đá mỹ nghệ'],
	tourism: ['Điểm du lịch cộng đồng', 'Homestay', 'Làng nghề du lịch', 'Tour trải nghiệm nông nghiệp']
};

function producerName(rng: Rng, type: ProducerType, place: string): string {
	switch (type) {
		case 'cooperative':
			return `HTX ${rng.pick(['Nông nghiệp', 'Dịch vụ nông nghiệp', 'Nông sản', 'Thủy sản', 'Dược liệu', 'Chế biến nông sản'])} ${brand(rng)}`;
		case 'enterprise':
			return `Công ty ${rng.pick(['TNHH', 'CP'])} ${brand(rng)}`;
		case 'household':
			return `Hộ kinh doanh ${personName(rng)}`;
		case 'cooperative_group':
			return `Tổ hợp tác ${brand(rng)} ${place}`;
	}
}

// ============================================================== decision numbers

/** Decision numbers restart each year and grow with the day of the year, like real registers;
 * memoised per (issuer, date) so all certificates of one batch share one decision. */
class Decisions {
	private memo = new Map<string, string>();

	provincial(code: string, date: string): string {
		return this.get(`UBND|${code}|${date}`, date, 2400 + (hashString(code) % 1600), 'QĐ-UBND');
	}

	/** 5★ is rated nationally: MARD (Bộ NN&PTNT) until 2025-02-28, then the merged MAE (Bộ NN&MT). */
	national(date: string): string {
		if (date === '2025-01-17') return '377/QĐ-BNN-KTHT'; // published: Quảng Nam's first two 5★
		return this.get(`BNN|${date}`, date, 5200, date < '2025-03-01' ? 'QĐ-BNN-KTHT' : 'QĐ-BNNMT');
	}

	private get(key: string, date: string, perYear: number, suffix: string): string {
		let no = this.memo.get(key);
		if (!no) {
			const doy = toDay(date) - toDay(ymd(yearOf(date), 1, 1));
			const n = Math.floor((doy / 366) * perYear) + 1 + new Rng(key).int(0, 12);
			no = `${n}/${suffix}`;
			this.memo.set(key, no);
		}
		return no;
	}
}

// ============================================================== OCOP: world and in-force rule

type Stars = 3 | 4 | 5;
interface Producer {
	key: number;
	name: string;
	type: ProducerType;
	/** Code that created the producer: an old code, or a new code for producers created after the merger. */
	origin: string;
	district: string;
	products: number;
	id?: string;
}
interface Cert {
	product: Product;
	stars: Stars;
	date: string;
	no: string;
	province: string;
	district: string;
	revoked: string | null;
	id?: string;
}
interface Product {
	key: number;
	name: string;
	group: ProductGroup;
	producer: Producer;
	/** Old code for products first certified before the merger, else the new code. */
	origin: string;
	/** New (2025) province the product belongs to. */
	home: string;
	createdAfterMerger: boolean;
	certs: Cert[];
	/** Scripted (published) or 5★ products: only national events change them. */
	fixed: boolean;
	id?: string;
}

const expiry = (c: Cert) => addMonths(c.date, OCOP_VALIDITY_MONTHS);

function latestCert(p: Product, d: string): Cert | undefined {
	for (let i = p.certs.length - 1; i >= 0; i--) if (p.certs[i].date <= d) return p.certs[i];
	return undefined;
}

/** IN FORCE at D: the product's latest certificate dated ≤ D, D < date + 36 months, not revoked by D. */
function inForce(p: Product, d: string): Cert | undefined {
	const c = latestCert(p, d);
	if (!c || d >= expiry(c) || (c.revoked && d >= c.revoked)) return undefined;
	return c;
}

class OcopWorld {
	products: Product[] = [];
	producers: Producer[] = [];
	private productNames = new Set<string>();

	constructor(
		readonly geo: Geo,
		readonly decisions: Decisions
	) {}

	addProducer(rng: Rng, origin: string, district: string, type?: ProducerType, name?: string): Producer {
		type ??= rng.weighted<ProducerType>(['cooperative', 'enterprise', 'household', 'cooperative_group'], [0.38, 0.26, 0.31, 0.05]);
		const place = this.geo.find(district)?.name ?? this.geo.newName.get(origin) ?? '';
		const p: Producer = { key: this.producers.length, name: name ?? producerName(rng, type, place), type, origin, district, products: 0 };
		this.producers.push(p);
		return p;
	}

	addProduct(rng: Rng, producer: Producer, origin: string, home: string, after: boolean, name?: string, group?: ProductGroup): Product {
		group ??= rng.weighted(GROUPS, GROUP_WEIGHTS);
		if (!name) {
			const place = this.geo.find(producer.district)?.name ?? this.geo.newName.get(home)!;
			for (let i = 0; i < 8 && (!name || this.productNames.has(name)); i++) {
				const item = rng.pick(ITEMS[group]);
				name = group === 'tourism' ? `${item} ${brand(rng)} (${place})` : `${item} ${brand(rng)}`;
			}
		}
		this.productNames.add(name!);
		producer.products++;
		const p: Product = { key: this.products.length, name: name!, group, producer, origin, home, createdAfterMerger: after, certs: [], fixed: false };
		this.products.push(p);
		return p;
	}

	/** Issues a certificate dated `date`; province and district follow the unit valid on that date. */
	issue(p: Product, stars: Stars, date: string, no: string): Cert {
		const oldCode = p.createdAfterMerger ? p.home : p.origin;
		const c: Cert = {
			product: p,
			stars,
			date,
			no,
			province: date < MERGER ? oldCode : p.home,
			district: this.geo.districtAt(p.producer.district, date),
			revoked: null
		};
		const at = p.certs.findIndex((x) => x.date > date);
		if (at < 0) p.certs.push(c);
		else p.certs.splice(at, 0, c);
		return c;
	}
}

// ============================================================== OCOP: simulation of one unit

interface Checkpoint {
	date: string;
	total?: number;
	/** Exact in-force counts [3★, 4★, 5★]. */
	stars?: [number, number, number];
}
interface OcopPlan {
	unit: UnitRef;
	from: string;
	to: string;
	firstYear: number;
	/** Months of the routine provincial rating rounds. */
	months: (year: number) => number[];
	/** Illustrative in-force totals the routine rounds steer towards (absolute or × the level at the merger). */
	soft: { date: string; total?: number; factor?: number }[];
	/** Published figures: a corrective round dated exactly on the date makes the counts exact. */
	hard: Checkpoint[];
	/** National 5★ rounds in which this unit gets `upgrades` products promoted from 4★. */
	national: { date: string; upgrades: number }[];
	/** Share of new products rated 4★ at first rating. */
	p4New: number;
	/** Chance that a 3★ product is re-rated 4★ when renewed (default 0.12). */
	upAtRenewal?: number;
	/** Chance that a new product comes from an existing producer (default 0.42): sets producers per product. */
	reuse?: number;
	/** A round holding the only new products of its year (Ninh Thuận 2024: 84 new, 12 of them 4★). */
	fixedNew?: { date: string; n3: number; n4: number };
	/** Counts held constant over (from, to]: an undated figure valid over a window. */
	hold?: { from: string; to: string };
}

interface Round {
	date: string;
	no: string;
	touched: Set<Product>;
}

class OcopSim {
	private rng: Rng;
	private startLevel = 0;

	constructor(
		private world: OcopWorld,
		private plan: OcopPlan
	) {
		this.rng = new Rng(`ocop/${plan.unit.code}@${plan.unit.vintage}`);
	}

	private members(): Product[] {
		const u = this.plan.unit;
		return this.world.products.filter((p) =>
			u.vintage === '2024' ? !p.createdAfterMerger && p.origin === u.code : p.home === u.code
		);
	}

	counts(d: string): [number, number, number] {
		const n: [number, number, number] = [0, 0, 0];
		for (const p of this.members()) {
			const c = inForce(p, d);
			if (c) n[c.stars - 3]++;
		}
		return n;
	}

	run() {
		const { plan } = this;
		if (plan.unit.vintage === '2025') this.startLevel = sum(this.counts(plan.from));
		const events = this.schedule();
		const batchDates = events.filter((e) => e.kind !== 'national').map((e) => e.date);
		for (const e of events) {
			if (e.kind === 'national') this.nationalRound(e.date, e.upgrades!);
			else {
				const next = batchDates.find((d) => d > e.date) ?? addDays(plan.to, 90);
				this.provincialRound(e.date, next, e.kind === 'hard' ? e.checkpoint : undefined, e.kind === 'fixed');
			}
		}
	}

	/** Routine rounds on working days of the plan's months, plus the checkpoint, fixed and national
	 * rounds; a routine round close to a checkpoint is dropped (the checkpoint round replaces it). */
	private schedule() {
		const { plan, rng } = this;
		type Ev = { date: string; kind: 'national' | 'routine' | 'hard' | 'fixed'; upgrades?: number; checkpoint?: Checkpoint };
		const special: Ev[] = [
			...plan.hard.map((h) => ({ date: h.date, kind: 'hard' as const, checkpoint: h })),
			...(plan.fixedNew ? [{ date: plan.fixedNew.date, kind: 'fixed' as const }] : []),
			...plan.national.map((n) => ({ date: n.date, kind: 'national' as const, upgrades: n.upgrades }))
		];
		const routine: Ev[] = [];
		for (let y = plan.firstYear; y <= yearOf(plan.to); y++) {
			for (const m of plan.months(y)) {
				const d = workday(ymd(y, m, rng.int(6, 25)));
				if (d < plan.from || d > plan.to) continue;
				if (plan.hold && d > plan.hold.from && d <= plan.hold.to) continue;
				if (special.some((s) => s.kind !== 'national' && Math.abs(toDay(s.date) - toDay(d)) <= 12)) continue;
				routine.push({ date: d, kind: 'routine' });
			}
		}
		const order = { national: 0, routine: 1, fixed: 1, hard: 1 };
		return [...special, ...routine].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order[a.kind] - order[b.kind]));
	}

	private newAllowed(date: string): boolean {
		const f = this.plan.fixedNew;
		return !(f && yearOf(f.date) === yearOf(date) && date !== f.date);
	}

	private provincialRound(date: string, next: string, checkpoint: Checkpoint | undefined, fixed: boolean) {
		const round: Round = { date, no: this.world.decisions.provincial(this.plan.unit.code, date), touched: new Set() };
		this.renewals(round, next);
		if (!checkpoint && !fixed) {
			this.randomReratings(round);
			this.recertifySome(round);
		}
		if (fixed) {
			const f = this.plan.fixedNew!;
			for (let i = 0; i < f.n3; i++) this.newProduct(round, 3);
			for (let i = 0; i < f.n4; i++) this.newProduct(round, 4);
		} else if (checkpoint) this.correct(round, checkpoint);
		else this.steer(round);
	}

	/** Certificates expiring before the next round are re-rated now; most are renewed (some move a star
	 * up or down), the rest lapse at expiry. Inside a hold window every one is renewed unchanged. */
	private renewals(round: Round, next: string) {
		const { rng, plan } = this;
		for (const p of this.members()) {
			if (p.fixed || round.touched.has(p)) continue;
			const c = inForce(p, round.date);
			if (!c || expiry(c) > next) continue;
			if (plan.hold && round.date === plan.hold.from && expiry(c) <= plan.hold.to) {
				this.certify(round, p, c.stars);
				continue;
			}
			if (!rng.chance(c.stars === 4 ? 0.9 : 0.8)) continue;
			let stars: Stars = c.stars;
			if (stars === 3 && rng.chance(plan.upAtRenewal ?? 0.12)) stars = 4;
			else if (stars === 4 && rng.chance(0.05)) stars = 3;
			this.certify(round, p, stars);
		}
	}

	/** Between re-ratings a few products apply for a higher rating and a few lose their certificate. */
	private randomReratings(round: Round) {
		for (const p of this.members()) {
			if (p.fixed || round.touched.has(p)) continue;
			const c = inForce(p, round.date);
			if (!c) continue;
			if (c.stars === 3 && this.rng.chance(0.015)) this.certify(round, p, 4);
			else if (this.rng.chance(0.002)) this.revoke(round, p);
		}
	}

	private recertifySome(round: Round) {
		for (const p of this.lapsed(round)) if (this.rng.chance(0.05)) this.certify(round, p, 3);
	}

	/** Routine round: add products towards the illustrative path (never removes any). */
	private steer(round: Round) {
		const target = Math.round(this.softLevel(round.date) * (1 + 0.015 * this.rng.normal()));
		const missing = target - sum(this.counts(round.date));
		if (missing > 0) this.add(round, missing, undefined, false);
	}

	/** Checkpoint round: upgrades, downgrades, new products, re-certifications or revocations dated
	 * exactly on the checkpoint, so the in-force counts equal the published figure on that date. */
	private correct(round: Round, cp: Checkpoint) {
		const d = round.date;
		const label = `OCOP ${this.plan.unit.code}@${this.plan.unit.vintage} ${d}`;
		if (cp.stars) {
			const [t3, t4, t5] = cp.stars;
			let [c3, c4, c5] = this.counts(d);
			if (c5 !== t5) throw new Error(`${label}: ${c5} five-star in force, published ${t5} — fix the national rounds`);
			const d4 = t4 - c4;
			if (d4 > 0) {
				const eligible = this.rng.shuffle(this.inForceWith(round, 3));
				const ups = Math.min(d4, Math.round(d4 * this.rng.float(0.3, 0.6)), eligible.length);
				for (const p of eligible.slice(0, ups)) this.certify(round, p, 4);
				this.add(round, d4 - ups, 4, true);
			} else if (d4 < 0) {
				const oldest = this.oldestFirst(round, this.inForceWith(round, 4));
				if (oldest.length < -d4) throw new Error(`${label}: cannot remove ${-d4} four-star`);
				for (const p of oldest.slice(0, -d4)) this.certify(round, p, 3);
			}
			[c3, c4, c5] = this.counts(d);
			const d3 = t3 - c3;
			if (d3 > 0) this.add(round, d3, 3, true);
			else if (d3 < 0) this.revokeOldest(round, -d3, 3, label);
			const got = this.counts(d);
			if (got.join() !== cp.stars.join()) throw new Error(`${label}: got ${got} want ${cp.stars}`);
		} else {
			const delta = cp.total! - sum(this.counts(d));
			if (delta > 0) this.add(round, delta, undefined, true);
			else if (delta < 0) this.revokeOldest(round, -delta, 3, label);
			const got = sum(this.counts(d));
			if (got !== cp.total) throw new Error(`${label}: got ${got} want ${cp.total}`);
		}
	}

	/** Adds products: mostly new ones, some re-certified after a lapse (only those when new ones are not allowed). */
	private add(round: Round, n: number, stars: Stars | undefined, must: boolean) {
		const pool = this.rng.shuffle(this.lapsed(round));
		const allowNew = this.newAllowed(round.date);
		for (let i = 0; i < n; i++) {
			const s: Stars = stars ?? (this.rng.chance(this.plan.p4New) ? 4 : 3);
			if (pool.length && (!allowNew || this.rng.chance(0.15))) this.certify(round, pool.pop()!, s);
			else if (allowNew) this.newProduct(round, s);
			else if (!must) return;
			else if (s === 4 && this.inForceWith(round, 3).length) this.certify(round, this.rng.pick(this.inForceWith(round, 3)), 4);
			else throw new Error(`OCOP ${this.plan.unit.code} ${round.date}: cannot add products (no new allowed, none lapsed)`);
		}
	}

	private newProduct(round: Round, stars: Stars) {
		const { rng, plan, world } = this;
		const after = round.date >= MERGER;
		const reuse = world.producers.filter(
			(pr) => pr.products < 5 && (after ? world.geo.provinceAt(pr.origin, MERGER) === plan.unit.code : pr.origin === plan.unit.code)
		);
		let producer: Producer;
		if (reuse.length && rng.chance(plan.reuse ?? 0.42)) producer = rng.pick(reuse);
		else {
			const district = after ? '' : world.geo.randomDistrict(rng, plan.unit.code).code;
			producer = world.addProducer(rng, plan.unit.code, district);
		}
		const home = world.geo.provinceAt(plan.unit.code, MERGER);
		const p = world.addProduct(rng, producer, after ? home : plan.unit.code, home, after);
		this.certify(round, p, stars);
	}

	private certify(round: Round, p: Product, stars: Stars) {
		this.world.issue(p, stars, round.date, round.no);
		round.touched.add(p);
	}

	private revoke(round: Round, p: Product) {
		inForce(p, round.date)!.revoked = round.date;
		round.touched.add(p);
	}

	private revokeOldest(round: Round, n: number, stars: Stars, label: string) {
		const oldest = this.oldestFirst(round, this.inForceWith(round, stars));
		if (oldest.length < n) throw new Error(`${label}: cannot revoke ${n}`);
		for (const p of oldest.slice(0, n)) this.revoke(round, p);
	}

	private inForceWith(round: Round, stars: Stars): Product[] {
		return this.members().filter((p) => !p.fixed && !round.touched.has(p) && inForce(p, round.date)?.stars === stars);
	}

	private oldestFirst(round: Round, ps: Product[]): Product[] {
		return ps.slice().sort((a, b) => (latestCert(a, round.date)!.date < latestCert(b, round.date)!.date ? -1 : 1));
	}

	/** Products whose certificate ran out (not revoked) in the last two years: candidates for re-rating. */
	private lapsed(round: Round): Product[] {
		return this.members().filter((p) => {
			if (p.fixed || round.touched.has(p)) return false;
			const c = latestCert(p, round.date);
			return !!c && !c.revoked && expiry(c) <= round.date && expiry(c) > addDays(round.date, -730);
		});
	}

	/** National round: 5★ products about to expire are re-rated, and some 4★ products are promoted. */
	private nationalRound(date: string, upgrades: number) {
		const round: Round = { date, no: this.world.decisions.national(date), touched: new Set() };
		for (const p of this.members()) {
			const c = inForce(p, date);
			if (c?.stars === 5 && expiry(c) <= addDays(date, 365)) this.certify(round, p, 5);
		}
		const candidates = this.rng.shuffle(
			this.members().filter((p) => !p.fixed && inForce(p, date)?.stars === 4 && p.producer.type !== 'household')
		);
		if (candidates.length < upgrades) throw new Error(`national round ${date}: not enough 4★ in ${this.plan.unit.code}`);
		for (const p of candidates.slice(0, upgrades)) {
			this.certify(round, p, 5);
			p.fixed = true;
		}
	}

	/** Illustrative path: straight lines between the soft levels and the published checkpoints. */
	private softLevel(d: string): number {
		const { plan } = this;
		const pts: [number, number][] = [[toDay(plan.from), plan.unit.vintage === '2024' ? 0 : this.startLevel]];
		for (const s of plan.soft) pts.push([toDay(s.date), s.total ?? Math.round(this.startLevel * s.factor!)]);
		for (const h of plan.hard) pts.push([toDay(h.date), h.total ?? sum(h.stars!)]);
		pts.sort((a, b) => a[0] - b[0]);
		const x = toDay(d);
		if (x <= pts[0][0]) return pts[0][1];
		for (let i = 1; i < pts.length; i++) {
			if (x <= pts[i][0]) {
				const [x0, y0] = pts[i - 1];
				const [x1, y1] = pts[i];
				return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
			}
		}
		return pts[pts.length - 1][1];
	}
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// ============================================================== OCOP: the seven provinces

/** Products the published figures name; their histories are fixed, not simulated. */
function scriptedOcopProducts(world: OcopWorld) {
	const rng = new Rng('ocop/scripted');
	const d = world.decisions;
	const halong = world.addProducer(rng, '22', '193', 'enterprise', 'Công ty CP Ngọc trai Hạ Long');
	for (const name of ['Ngọc trai Akoya', 'Ngọc trai Tahiti', 'Ngọc trai Southsea']) {
		const p = world.addProduct(rng, halong, '22', '22', false, name, 'handicraft');
		p.fixed = true;
		world.issue(p, 4, '2019-06-14', d.provincial('22', '2019-06-14'));
		world.issue(p, 5, '2021-12-20', d.national('2021-12-20'));
	}
	const quyHoa = world.addProducer(rng, '22', '202', 'enterprise', 'Doanh nghiệp sản xuất trà hoa vàng Quy Hoa');
	const tea = world.addProduct(rng, quyHoa, '22', '22', false, 'Trà hoa vàng Quy Hoa', 'beverage');
	tea.fixed = true;
	world.issue(tea, 4, '2020-07-17', d.provincial('22', '2020-07-17'));
	world.issue(tea, 5, '2022-10-25', d.national('2022-10-25'));

	// Quảng Nam's first 5★ (QĐ 377, 17/01/2025) were upgrades of products already rated 4★.
	const quyThu = world.addProducer(rng, '49', '509', 'household', 'Cơ sở sản xuất bánh dừa Quý Thu');
	const cake = world.addProduct(rng, quyThu, '49', '48', false, 'Bánh dừa Quý Thu', 'food');
	cake.fixed = true;
	world.issue(cake, 3, '2020-08-20', d.provincial('49', '2020-08-20'));
	world.issue(cake, 4, '2022-09-23', d.provincial('49', '2022-09-23'));
	world.issue(cake, 5, '2025-01-17', d.national('2025-01-17'));
	const saph = world.addProducer(rng, '49', '516', 'enterprise', 'Doanh nghiệp sản xuất SAPHRATON');
	const supp = world.addProduct(rng, saph, '49', '48', false, 'Thực phẩm bảo vệ sức khỏe SAPHRATON', 'herbal');
	supp.fixed = true;
	world.issue(supp, 4, '2022-12-16', d.provincial('49', '2022-12-16'));
	world.issue(supp, 5, '2025-01-17', d.national('2025-01-17'));
}

const every = (ms: number[]) => () => ms;

/** The OCOP programme of each unit: published checkpoints (hard) and an illustrative path (soft). */
function ocopPlans(): OcopPlan[] {
	const old = (code: string): UnitRef => ({ code, vintage: '2024' });
	const neu = (code: string): UnitRef => ({ code, vintage: '2025' });
	const oldSpan = { from: '2019-01-01', to: LAST_OLD_DAY, firstYear: 2019 };
	const newSpan = { from: MERGER, to: AS_OF, firstYear: 2025, months: (y: number) => (y === 2025 ? [9, 12] : [3, 6, 9]) };
	return [
		{
			unit: old('22'), ...oldSpan, months: (y) => (y === 2025 ? [3, 6] : [4, 8, 12]), p4New: 0.22,
			soft: [{ date: '2019-12-31', total: 140 }, { date: '2020-12-31', total: 215 }, { date: '2021-12-31', total: 275 }, { date: '2022-12-31', total: 318 }, { date: '2024-12-31', total: 392 }, { date: '2025-06-30', total: 418 }],
			hard: [{ date: '2023-10-25', total: 336 }, { date: '2023-12-31', stars: [256, 86, 4] }],
			national: [{ date: '2021-12-20', upgrades: 0 }, { date: '2022-10-25', upgrades: 0 }, { date: '2024-11-22', upgrades: 2 }, { date: '2025-05-20', upgrades: 2 }]
		},
		{
			unit: old('33'), ...oldSpan, months: every([6, 11]), p4New: 0.12, upAtRenewal: 0.1,
			soft: [{ date: '2019-12-31', total: 30 }, { date: '2020-12-31', total: 85 }, { date: '2021-12-31', total: 140 }, { date: '2022-12-31', total: 190 }, { date: '2023-12-31', total: 236 }, { date: '2025-06-30', total: 292 }],
			hard: [{ date: '2024-11-30', stars: [225, 46, 0] }],
			national: []
		},
		{
			unit: old('34'), ...oldSpan, months: every([5, 10, 12]), p4New: 0.13, upAtRenewal: 0.1, reuse: 0.32,
			soft: [{ date: '2019-12-31', total: 20 }, { date: '2020-12-31', total: 55 }, { date: '2021-12-31', total: 95 }, { date: '2022-12-31', total: 132 }, { date: '2023-12-31', total: 165 }, { date: '2024-12-31', total: 186 }],
			hard: [{ date: '2025-01-31', stars: [146, 48, 0] }],
			hold: { from: '2025-01-31', to: LAST_OLD_DAY },
			national: []
		},
		{
			unit: old('48'), ...oldSpan, firstYear: 2020, months: every([6, 10]), p4New: 0.38, reuse: 0.45,
			soft: [{ date: '2020-01-01', total: 0 }, { date: '2020-12-31', total: 12 }, { date: '2022-12-31', total: 58 }, { date: '2024-12-31', total: 118 }, { date: '2025-06-30', total: 128 }],
			hard: [{ date: '2021-11-06', total: 26 }, { date: '2023-02-28', total: 64 }, { date: '2023-12-31', stars: [54, 43, 1] }],
			national: [{ date: '2023-11-15', upgrades: 1 }]
		},
		{
			unit: old('49'), ...oldSpan, months: every([5, 9, 12]), p4New: 0.07, upAtRenewal: 0.04, reuse: 0.22,
			soft: [{ date: '2019-12-31', total: 95 }, { date: '2020-12-31', total: 170 }, { date: '2021-12-31', total: 240 }, { date: '2022-12-31', total: 300 }, { date: '2023-12-31', total: 356 }, { date: '2025-06-30', total: 494 }],
			hard: [{ date: '2024-08-31', total: 407 }, { date: '2024-12-26', stars: [422, 60, 0] }],
			national: [{ date: '2025-01-17', upgrades: 0 }]
		},
		{
			unit: old('56'), ...oldSpan, months: every([6, 11]), p4New: 0.1, upAtRenewal: 0.08,
			soft: [{ date: '2019-12-31', total: 18 }, { date: '2020-12-31', total: 55 }, { date: '2021-12-31', total: 105 }, { date: '2022-12-31', total: 160 }, { date: '2023-12-31', total: 215 }, { date: '2024-12-31', total: 272 }],
			hard: [{ date: LAST_OLD_DAY, stars: [263, 45, 1] }],
			national: [{ date: '2023-11-15', upgrades: 1 }]
		},
		{
			unit: old('58'), ...oldSpan, months: (y) => (y === 2025 ? [6] : [7, 12]), p4New: 0.12, upAtRenewal: 0.08, reuse: 0.6,
			soft: [{ date: '2019-12-31', total: 12 }, { date: '2020-12-31', total: 45 }, { date: '2021-12-31', total: 92 }, { date: '2022-12-31', total: 142 }, { date: '2023-12-31', total: 196 }, { date: '2025-06-30', total: 292 }],
			hard: [{ date: '2024-11-30', stars: [152, 30, 0] }, { date: '2025-03-31', stars: [228, 42, 0] }],
			fixedNew: { date: '2024-12-27', n3: 72, n4: 12 },
			national: []
		},
		{
			unit: neu('22'), ...newSpan, p4New: 0.22,
			soft: [{ date: AS_OF, total: 462 }],
			hard: [{ date: '2025-11-03', stars: [326, 103, 8] }],
			national: [{ date: '2026-06-18', upgrades: 1 }]
		},
		{ unit: neu('33'), ...newSpan, p4New: 0.14, soft: [{ date: '2025-12-31', factor: 1.03 }, { date: AS_OF, factor: 1.1 }], hard: [], national: [{ date: '2026-06-18', upgrades: 1 }] },
		{ unit: neu('48'), ...newSpan, p4New: 0.12, reuse: 0.3, soft: [{ date: '2025-12-31', factor: 1.03 }, { date: AS_OF, factor: 1.08 }], hard: [], national: [{ date: '2026-06-18', upgrades: 1 }] },
		{ unit: neu('56'), ...newSpan, p4New: 0.12, reuse: 0.5, soft: [{ date: '2025-12-31', factor: 1.04 }, { date: AS_OF, factor: 1.1 }], hard: [], national: [{ date: '2026-06-18', upgrades: 1 }] }
	];
}

/** Last published checkpoint per unit: certificates up to it are `calibrated`, later ones `illustrative`. */
const OCOP_CALIBRATED_UNTIL: Record<string, string> = {
	'22@2024': LAST_OLD_DAY,
	'33@2024': '2024-11-30',
	'34@2024': LAST_OLD_DAY,
	'48@2024': '2023-12-31',
	'49@2024': '2025-01-17',
	'56@2024': LAST_OLD_DAY,
	'58@2024': '2025-03-31',
	'22@2025': '2025-11-03'
};

function simulateOcop(geo: Geo, decisions: Decisions): OcopWorld {
	const world = new OcopWorld(geo, decisions);
	scriptedOcopProducts(world);
	for (const plan of ocopPlans()) new OcopSim(world, plan).run();
	assignOcopIds(world);
	return world;
}

/** Ids are given after the simulation, in order of first certification, so they read chronologically. */
function assignOcopIds(world: OcopWorld) {
	const first = (p: Product) => p.certs[0].date;
	const products = world.products.filter((p) => p.certs.length).sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : a.key - b.key));
	const seq = new Map<string, number>();
	const next = (k: string) => {
		const n = (seq.get(k) ?? 0) + 1;
		seq.set(k, n);
		return n;
	};
	for (const p of products) {
		if (!p.producer.id) p.producer.id = `CT${p.producer.origin}-${pad(next('CT' + p.producer.origin), 4)}`;
		p.id = `SP${p.origin}-${pad(next('SP' + p.origin), 4)}`;
	}
	const certs = products.flatMap((p) => p.certs).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.product.key - b.product.key));
	for (const c of certs) c.id = `OCOP-${c.province}-${yearOf(c.date)}-${pad(next(`C${c.province}${yearOf(c.date)}`), 4)}`;
}

function ocopRows(world: OcopWorld): Row[] {
	const certs = world.products.flatMap((p) => p.certs).sort((a, b) => (a.id! < b.id! ? -1 : 1));
	return certs.map((c) => {
		const vintage = c.date < MERGER ? '2024' : '2025';
		const until = OCOP_CALIBRATED_UNTIL[`${c.province}@${vintage}`];
		return {
			certificate_id: c.id,
			product_id: c.product.id,
			product_name: c.product.name,
			product_group: c.product.group,
			producer_id: c.product.producer.id,
			producer_name: c.product.producer.name,
			producer_type: c.product.producer.type,
			province_code: c.province,
			district_code: c.district,
			stars: c.stars,
			decision_no: c.no,
			decision_date: c.date,
			revoked_date: c.revoked,
			provenance: until && c.date <= until ? 'calibrated' : 'illustrative'
		};
	});
}

/** In-force counts [3★, 4★, 5★] of a unit at a date, with the dashboard's rule (used for targets). */
function ocopCounts(world: OcopWorld, u: UnitRef, d: string): [number, number, number] {
	const n: [number, number, number] = [0, 0, 0];
	for (const p of world.products) {
		const c = inForce(p, d);
		if (c && inUnit(world.geo, c.province, c.date, u)) n[c.stars - 3]++;
	}
	return n;
}

// ============================================================== innovation centres (TT01, TT02)

/** Opening dates of the provincial Innovation Centres: all illustrative except that Quảng Ninh's was
 * still being planned on 2023-03-20 (published) and Đà Nẵng's support centre existed before 2025. */
const CENTRE_OPENED: Record<string, string | null> = {
	'22': '2024-09-16',
	'33': null,
	'34': null,
	'48': '2018-06-01',
	'49': '2021-03-26',
	'56': '2022-06-15',
	'58': null
};

/** A new province has a centre if one of the provinces it absorbed had one. */
function centreOpen(geo: Geo, code: string, vintage: Vintage, d: string): boolean {
	const olds = vintage === '2024' ? [code] : geo.predecessors(code);
	return olds.some((c) => CENTRE_OPENED[c] !== null && CENTRE_OPENED[c]! <= d);
}

function centreName(geo: Geo, oldCode: string, d: string): string {
	const unit = geo.provinceAt(oldCode, d);
	if (unit === '48') return 'Trung tâm Hỗ trợ khởi nghiệp đổi mới sáng tạo Đà Nẵng';
	return `Trung tâm Đổi mới sáng tạo tỉnh ${geo.provinceName(oldCode, d)}`;
}

// ============================================================== startups

interface Startup {
	origin: string;
	name: string;
	province: string;
	district: string;
	sector: string;
	org: string;
	supported: string;
	incubated: boolean;
	founded: string | null;
	raised: string | null;
	amount: number | null;
	provenance: 'calibrated' | 'illustrative';
	id?: string;
}

const SECTORS: Record<string, string[]> = {
	'Nông nghiệp công nghệ cao': ['Mô hình trồng rau thủy canh', 'Hệ thống tưới tự động', 'Nhà màng trồng dưa lưới', 'Chế phẩm vi sinh'],
	'Du lịch - dịch vụ': ['Nền tảng đặt tour trải nghiệm', 'Ứng dụng hướng dẫn du lịch', 'Chuỗi homestay sinh thái'],
	'Công nghệ thông tin': ['Phần mềm quản lý bán hàng', 'Nền tảng kết nối nông sản', 'Ứng dụng đặt lịch khám', 'Giải pháp chuyển đổi số cho HTX'],
	'Giáo dục': ['Nền tảng học trực tuyến', 'Bộ học liệu STEM', 'Ứng dụng luyện ngoại ngữ'],
	'Y tế - chăm sóc sức khỏe': ['Thiết bị theo dõi sức khỏe', 'Sản phẩm dược liệu', 'Ứng dụng chăm sóc người cao tuổi'],
	'Thủy sản': ['Mô hình nuôi tôm tuần hoàn', 'Chế biến sâu hải sản', 'Thức ăn thủy sản hữu cơ'],
	'Chế biến thực phẩm': ['Đồ ăn vặt từ nông sản', 'Nước giải khát thảo mộc', 'Bánh truyền thống đóng gói'],
	'Môi trường - năng lượng': ['Xử lý rác hữu cơ thành phân bón', 'Vật liệu thay thế nhựa', 'Điện mặt trời áp mái'],
	Logistics: ['Nền tảng giao nhận nội tỉnh', 'Kho lạnh thông minh']
};

/** Startup projects supported per year (illustrative), by old province; new provinces take the sum. */
const STARTUPS_PER_YEAR: Record<string, number> = { '22': 22, '33': 9, '34': 8, '48': 0, '49': 18, '56': 14, '58': 5 };

/** Đà Nẵng under NQ 328/2020/NQ-HĐND (S = 2021-01-01): 189 projects and 83 firms by 2025-05-16,
 * 19 projects and 11 firms in 2024 alone (VnEconomy). Other years are illustrative. */
const DANANG_PROJECTS: Record<number, number> = { 2019: 28, 2020: 35, 2021: 55, 2022: 60, 2023: 51, 2024: 19, 2025: 4 };
const DANANG_FIRMS: Record<number, number> = { 2019: 8, 2020: 12, 2021: 20, 2022: 24, 2023: 25, 2024: 11, 2025: 3 };
const DANANG_REPORT = '2025-05-16';
/** Nothing is recorded for Đà Nẵng between the report and the merger. */
const DANANG_QUIET = { from: '2025-05-17', to: LAST_OLD_DAY };

function generateStartups(geo: Geo): Startup[] {
	const out: Startup[] = [];
	for (const code of OLD_CODES) {
		const rng = new Rng(`startups/${code}`);
		for (let y = FIRST_YEAR; y <= 2025; y++) {
			const to = y === 2025 ? (code === '48' ? DANANG_REPORT : LAST_OLD_DAY) : ymd(y, 12, 31);
			const n = code === '48' ? DANANG_PROJECTS[y] : yearly(rng, STARTUPS_PER_YEAR[code], y, y === 2025 ? 0.5 : 1);
			for (let i = 0; i < n; i++) out.push(newStartup(rng, geo, code, randomWorkday(rng, ymd(y, 1, 2), to)));
		}
	}
	for (const code of NEW_CODES) {
		const rng = new Rng(`startups/new/${code}`);
		const base = sum(geo.predecessors(code).map((c) => (c === '48' ? 30 : STARTUPS_PER_YEAR[c])));
		const spans: [string, string, number][] = [
			['2025-07-07', '2025-12-31', 0.5],
			['2026-01-05', AS_OF, 10 / 12]
		];
		for (const [from, to, share] of spans) {
			const n = yearly(rng, base, yearOf(from), share);
			for (let i = 0; i < n; i++) out.push(newStartup(rng, geo, code, randomWorkday(rng, from, to)));
		}
	}
	out.sort((a, b) => (a.supported < b.supported ? -1 : a.supported > b.supported ? 1 : a.name < b.name ? -1 : 1));
	foundFirms(out);
	foundDanangFirms(out.filter((s) => s.origin === '48' && s.supported < MERGER));
	raiseCapital(out);
	const seq = new Map<string, number>();
	for (const s of out) {
		const k = `${s.province}-${yearOf(s.supported)}`;
		seq.set(k, (seq.get(k) ?? 0) + 1);
		s.id = `KN-${k}-${pad(seq.get(k)!, 3)}`;
	}
	return out;
}

/** Illustrative yearly count: grows ~6 %/yr from 2019, with noise; `share` for part-years. */
function yearly(rng: Rng, base: number, y: number, share: number): number {
	return Math.max(0, Math.round(base * share * Math.pow(1.06, y - FIRST_YEAR) * (1 + 0.15 * rng.normal())));
}

function newStartup(rng: Rng, geo: Geo, code: string, supported: string): Startup {
	const sector = rng.pick(Object.keys(SECTORS));
	const after = supported >= MERGER;
	const oldCode = after ? rng.pick(geo.predecessors(code)) : code;
	const vintage: Vintage = after ? '2025' : '2024';
	const incubated = centreOpen(geo, after ? code : oldCode, vintage, supported) && rng.chance(0.35);
	const pname = geo.provinceName(oldCode, supported);
	const org = incubated
		? centreName(geo, oldCode, supported)
		: rng.pick([`Sở Khoa học và Công nghệ ${pname}`, `Vườn ươm doanh nghiệp ${brand(rng)}`, `Không gian làm việc chung ${brand(rng)}`, `Tỉnh đoàn ${pname}`, `Hiệp hội Doanh nghiệp ${pname}`]);
	const calibrated = code === '48' && !after && supported >= OLD_PLAN.start && supported <= DANANG_REPORT;
	return {
		origin: after ? code : oldCode,
		name: `${rng.pick(SECTORS[sector])} ${brand(rng)}`,
		province: geo.provinceAt(oldCode, supported),
		district: geo.districtAt(geo.randomDistrict(rng, oldCode, 3).code, supported),
		sector,
		org,
		supported,
		incubated,
		founded: null,
		raised: null,
		amount: null,
		provenance: calibrated ? 'calibrated' : 'illustrative'
	};
}

/** About 40 % of projects become a firm 1–18 months after support (Đà Nẵng is exact, below). */
function foundFirms(all: Startup[]) {
	const rng = new Rng('startups/firms');
	for (const s of all) {
		if (s.origin === '48' && s.supported < MERGER) continue;
		if (!rng.chance(0.4)) continue;
		const d = addDays(s.supported, rng.int(30, 540));
		if (d <= AS_OF) s.founded = d;
	}
}

/** Đà Nẵng: exactly DANANG_FIRMS[y] firms founded in each year, from projects of that year or the year
 * before, never inside the quiet window; a few later ones after the merger. */
function foundDanangFirms(dn: Startup[]) {
	const rng = new Rng('startups/danang-firms');
	for (let y = FIRST_YEAR; y <= 2025; y++) {
		const end = y === 2025 ? DANANG_REPORT : ymd(y, 12, 31);
		const pool = dn.filter((s) => !s.founded && yearOf(s.supported) >= y - 1 && addDays(s.supported, 20) <= end);
		if (pool.length < DANANG_FIRMS[y]) throw new Error(`Đà Nẵng ${y}: only ${pool.length} projects can found firms`);
		for (const s of rng.sample(pool, DANANG_FIRMS[y])) s.founded = randomWorkday(rng, maxDate(addDays(s.supported, 20), ymd(y, 1, 2)), end);
	}
	for (const s of dn) if (!s.founded && s.supported >= '2024-01-01' && rng.chance(0.3)) s.founded = randomWorkday(rng, '2025-07-07', '2026-06-30');
}

/** About one firm in six raises capital (0.3–60 tỷ đồng), 2–24 months after founding. */
function raiseCapital(all: Startup[]) {
	const rng = new Rng('startups/capital');
	for (const s of all) {
		if (!s.founded || !rng.chance(0.18)) continue;
		let d = addDays(s.founded, rng.int(60, 720));
		if (s.origin === '48' && d >= DANANG_QUIET.from && d <= DANANG_QUIET.to) d = addDays(d, 50);
		if (d > AS_OF) continue;
		s.raised = d;
		s.amount = Math.round(Math.min(60, Math.max(0.3, Math.exp(Math.log(3) + 0.9 * rng.normal()))) * 100) / 100;
	}
}

function startupRows(all: Startup[]): Row[] {
	return all.map((s) => ({
		project_id: s.id,
		project_name: s.name,
		province_code: s.province,
		district_code: s.district,
		sector: s.sector,
		support_org: s.org,
		supported_date: s.supported,
		incubated_at_centre: s.incubated,
		firm_founded_date: s.founded,
		capital_raised_date: s.raised,
		capital_raised_bn: s.amount,
		provenance: s.provenance
	}));
}

// ============================================================== S&T enterprises

const ST_FIELDS = ['Công nghệ thông tin', 'Công nghệ sinh học', 'Nông nghiệp công nghệ cao', 'Tự động hóa', 'Vật liệu mới', 'Công nghệ môi trường', 'Y dược', 'Chế biến thực phẩm', 'Năng lượng'];
/** New S&T-enterprise certificates per year (illustrative: a few to ~30 firms per province). */
const FIRMS_PER_YEAR: Record<string, number> = { '22': 2.6, '33': 1.6, '34': 1.1, '48': 3.8, '49': 1.5, '56': 2, '58': 0.7 };

interface Firm {
	origin: string;
	name: string;
	field: string;
	province: string;
	district: string;
	date: string;
	revoked: string | null;
	id?: string;
	firmId?: string;
}

function generateFirms(geo: Geo): Firm[] {
	const out: Firm[] = [];
	const spans = (vintage: Vintage): [string, string, number][] =>
		vintage === '2024'
			? [...range(FIRST_YEAR, 2024).map((y): [string, string, number] => [ymd(y, 1, 2), ymd(y, 12, 31), 1]), ['2025-01-02', LAST_OLD_DAY, 0.5]]
			: [['2025-07-07', '2025-12-31', 0.5], ['2026-01-05', AS_OF, 10 / 12]];
	const add = (code: string, vintage: Vintage, rate: number) => {
		const rng = new Rng(`st_firms/${code}@${vintage}`);
		for (const [from, to, share] of spans(vintage)) {
			const n = rng.poisson(rate * share * Math.pow(1.08, yearOf(from) - FIRST_YEAR));
			for (let i = 0; i < n; i++) {
				const date = randomWorkday(rng, from, to);
				const oldCode = vintage === '2024' ? code : rng.pick(geo.predecessors(code));
				const field = rng.pick(ST_FIELDS);
				const lapse = rng.chance(0.12) ? addDays(date, rng.int(400, 1800)) : null;
				out.push({
					origin: code,
					name: `Công ty ${rng.pick(['TNHH', 'CP'])} ${rng.pick(['Công nghệ', 'Giải pháp', 'Khoa học', 'Phát triển'])} ${brand(rng)}`,
					field,
					province: geo.provinceAt(oldCode, date),
					district: geo.districtAt(geo.randomDistrict(rng, oldCode, 3).code, date),
					date,
					revoked: lapse && lapse <= AS_OF ? lapse : null
				});
			}
		}
	};
	for (const c of OLD_CODES) add(c, '2024', FIRMS_PER_YEAR[c]);
	for (const c of NEW_CODES) add(c, '2025', sum(geo.predecessors(c).map((o) => FIRMS_PER_YEAR[o])));
	out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : 1));
	const seq = new Map<string, number>();
	const next = (k: string) => (seq.set(k, (seq.get(k) ?? 0) + 1), seq.get(k)!);
	for (const f of out) {
		f.id = `DNKHCN-${f.province}-${yearOf(f.date)}-${pad(next(`${f.province}${yearOf(f.date)}`), 3)}`;
		f.firmId = `DN${f.origin}-${pad(next('F' + f.origin), 4)}`;
	}
	return out;
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

function firmRows(all: Firm[]): Row[] {
	return all.map((f) => ({
		certificate_id: f.id,
		firm_id: f.firmId,
		firm_name: f.name,
		province_code: f.province,
		district_code: f.district,
		field: f.field,
		certificate_date: f.date,
		revoked_date: f.revoked,
		provenance: 'illustrative'
	}));
}

// ============================================================== budget

/** State S&T budget of each old province in 2019, tỷ đồng (illustrative), and non-state as a multiple. */
const BUDGET_2019: Record<string, number> = { '22': 150, '33': 48, '34': 52, '48': 135, '49': 85, '56': 68, '58': 36 };
const NON_STATE_MULT: Record<string, number> = { '22': 0.8, '33': 1.2, '34': 0.5, '48': 1.0, '49': 0.6, '56': 0.6, '58': 0.4 };
type Source = 'central' | 'provincial' | 'non_state';
type Category = 'recurrent' | 'investment';
const LINES: { source: Source; category: Category; share: number }[] = [
	{ source: 'provincial', category: 'recurrent', share: 0.62 },
	{ source: 'provincial', category: 'investment', share: 0.2 },
	{ source: 'central', category: 'recurrent', share: 0.1 },
	{ source: 'central', category: 'investment', share: 0.08 }
];
/** Allocation is front-loaded (the annual estimate is given in Q1), disbursement back-loaded. In 2025
 * the old provinces spent H1 and the new ones H2, so 2025 is split about half and half. */
const ALLOC_SHARES = { recurrent: [0.7, 0.1, 0.12, 0.08], investment: [0.55, 0.2, 0.15, 0.1], non_state: [0.25, 0.25, 0.25, 0.25], y2025: [0.35, 0.15, 0.3, 0.2] };
const DISB_SHARES = [0.12, 0.22, 0.26, 0.4];
const DISB_SHARES_2025 = [0.14, 0.26, 0.25, 0.35];

/** Last day of a quarter: the date that decides which unit (old or new code) a budget line belongs to. */
const quarterDate = (y: number, q: number) => addDays(addMonths(ymd(y, 3 * q - 2, 1), 3), -1);

interface BudgetLine {
	province: string;
	year: number;
	quarter: number;
	source: Source;
	category: Category;
	allocated: number;
	disbursed: number;
}

function generateBudget(geo: Geo): BudgetLine[] {
	const lines: BudgetLine[] = [];
	// Each old province's annual amounts and rates; 2025 H2 and 2026 belong to the successor.
	const annual = new Map<string, { alloc: number; rate: number }>();
	for (const code of OLD_CODES) {
		const rng = new Rng(`budget/${code}`);
		let level = BUDGET_2019[code];
		for (let y = FIRST_YEAR; y <= 2026; y++) {
			if (y > FIRST_YEAR) level *= y === 2020 ? 0.95 : 1 + rng.float(0.03, 0.1);
			for (const l of [...LINES, { source: 'non_state' as Source, category: 'recurrent' as Category, share: 0.6 * NON_STATE_MULT[code] }, { source: 'non_state' as Source, category: 'investment' as Category, share: 0.4 * NON_STATE_MULT[code] }]) {
				const lo = l.category === 'investment' ? 0.55 : 0.75;
				const hi = y === 2025 ? 0.8 : l.category === 'investment' ? 0.85 : 0.95;
				const rate = y === 2020 ? rng.float(lo - 0.05, hi - 0.1) : rng.float(lo, hi);
				annual.set(`${code}|${y}|${l.source}|${l.category}`, { alloc: level * l.share * rng.float(0.9, 1.1), rate: Math.min(rate, 1) });
			}
		}
	}
	const rng = new Rng('budget/quarters');
	const keys = [...annual.keys()].sort();
	for (const key of keys) {
		const [code, ys, source, category] = key.split('|') as [string, string, Source, Category];
		const y = +ys;
		const { alloc, rate } = annual.get(key)!;
		const aShares = y === 2025 ? ALLOC_SHARES.y2025 : source === 'non_state' ? ALLOC_SHARES.non_state : ALLOC_SHARES[category];
		const dShares = y === 2025 ? DISB_SHARES_2025 : DISB_SHARES;
		for (let q = 1; q <= 4; q++) {
			if (y === 2026 && q === 4) continue; // AS_OF is in 2026-Q4
			const province = geo.provinceAt(code, quarterDate(y, q));
			const a = alloc * aShares[q - 1] * rng.float(0.95, 1.05);
			const d = alloc * rate * dShares[q - 1] * rng.float(0.93, 1.07);
			const line = lines.find((l) => l.province === province && l.year === y && l.quarter === q && l.source === source && l.category === category);
			if (line) {
				line.allocated += a;
				line.disbursed += d;
			} else lines.push({ province, year: y, quarter: q, source, category, allocated: a, disbursed: d });
		}
	}
	for (const l of lines) {
		l.allocated = Math.round(l.allocated * 1000) / 1000;
		l.disbursed = Math.round(l.disbursed * 1000) / 1000;
	}
	const srcOrder = { central: 0, provincial: 1, non_state: 2 };
	return lines.sort((a, b) => a.year - b.year || a.quarter - b.quarter || (a.province < b.province ? -1 : a.province > b.province ? 1 : 0) || srcOrder[a.source] - srcOrder[b.source] || (a.category < b.category ? -1 : 1));
}

function budgetRows(lines: BudgetLine[]): Row[] {
	return lines.map((l) => ({
		province_code: l.province,
		year: l.year,
		quarter: l.quarter,
		source: l.source,
		category: l.category,
		allocated_bn: l.allocated,
		disbursed_bn: l.disbursed,
		provenance: 'illustrative'
	}));
}

// ============================================================== S&T tasks

const TASK_FIELDS: Record<string, string[]> = {
	'Nông nghiệp': ['giống cây trồng chịu hạn', 'quy trình canh tác hữu cơ', 'chuỗi giá trị nông sản chủ lực'],
	'Y dược': ['bảo tồn nguồn gen dược liệu', 'quy trình chẩn đoán sớm', 'sản phẩm từ dược liệu bản địa'],
	'Công nghệ thông tin': ['hệ thống thông tin quản lý', 'cơ sở dữ liệu chuyên ngành', 'nền tảng dịch vụ công số'],
	'Khoa học xã hội và nhân văn': ['giá trị văn hóa truyền thống', 'chính sách phát triển nguồn nhân lực', 'mô hình quản trị cộng đồng'],
	'Môi trường': ['xử lý nước thải làng nghề', 'quan trắc chất lượng không khí', 'thích ứng biến đổi khí hậu'],
	'Công nghiệp': ['tự động hóa dây chuyền sản xuất', 'tiết kiệm năng lượng', 'vật liệu xây dựng không nung'],
	'Thủy sản': ['nuôi trồng thủy sản bền vững', 'bảo quản sau thu hoạch', 'giống thủy sản chất lượng cao'],
	'Du lịch': ['sản phẩm du lịch đặc thù', 'du lịch cộng đồng', 'quảng bá điểm đến']
};
const TASKS_PER_YEAR: Record<string, number> = { '22': 30, '33': 15, '34': 18, '48': 40, '49': 25, '56': 20, '58': 12 };
/** Đà Nẵng: 196 tasks started 2021-01-01 … 2025-06-30 with total funding just over 288 tỷ đồng (Viettimes). */
const DANANG_TASKS: Record<number, number> = { 2019: 38, 2020: 40, 2021: 42, 2022: 44, 2023: 43, 2024: 45, 2025: 22 };
const DANANG_TASK_FUNDING_MILLION = 288_412; // triệu đồng = 288.412 tỷ đồng

interface Task {
	origin: string;
	title: string;
	province: string;
	level: 'national' | 'provincial' | 'grassroots';
	field: string;
	start: string;
	plannedEnd: string;
	accepted: string | null;
	cancelled: string | null;
	applied: boolean | null;
	budgetMillion: number;
	provenance: 'calibrated' | 'illustrative';
	id?: string;
}

function generateTasks(geo: Geo): Task[] {
	const out: Task[] = [];
	for (const code of OLD_CODES) {
		const rng = new Rng(`st_tasks/${code}`);
		for (let y = FIRST_YEAR; y <= 2025; y++) {
			const n = code === '48' ? DANANG_TASKS[y] : Math.round(TASKS_PER_YEAR[code] * (y === 2025 ? 0.5 : 1) * (1 + 0.15 * rng.normal()));
			for (let i = 0; i < n; i++) out.push(newTask(rng, geo, code, code, randomWorkday(rng, ymd(y, 1, 2), y === 2025 ? LAST_OLD_DAY : ymd(y, 12, 31))));
		}
	}
	for (const code of NEW_CODES) {
		const rng = new Rng(`st_tasks/new/${code}`);
		const base = sum(geo.predecessors(code).map((c) => TASKS_PER_YEAR[c]));
		for (const [from, to, share] of [['2025-07-07', '2025-12-31', 0.5], ['2026-01-05', AS_OF, 0.8]] as const) {
			const n = Math.round(base * share * (1 + 0.1 * rng.normal()));
			for (let i = 0; i < n; i++) out.push(newTask(rng, geo, code, rng.pick(geo.predecessors(code)), randomWorkday(rng, from, to)));
		}
	}
	calibrateDanangFunding(out.filter((t) => t.provenance === 'calibrated'));
	out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.title < b.title ? -1 : 1));
	const seq = new Map<string, number>();
	for (const t of out) {
		const k = `${t.province}-${yearOf(t.start)}`;
		seq.set(k, (seq.get(k) ?? 0) + 1);
		t.id = `NV-${k}-${pad(seq.get(k)!, 3)}`;
	}
	return out;
}

function newTask(rng: Rng, geo: Geo, unitCode: string, oldCode: string, start: string): Task {
	const field = rng.pick(Object.keys(TASK_FIELDS));
	const level = rng.weighted(['provincial', 'grassroots', 'national'] as const, [0.7, 0.22, 0.08]);
	const plannedEnd = addDays(addMonths(start, rng.int(12, 36)), -1);
	let accepted: string | null = null;
	let cancelled: string | null = null;
	if (rng.chance(0.03)) cancelled = addDays(start, rng.int(90, 500));
	else {
		const lateness = rng.weighted([0, 1, 2], [0.6, 0.3, 0.1]);
		const delay = lateness === 0 ? rng.int(-30, 60) : lateness === 1 ? rng.int(61, 240) : rng.int(241, 540);
		accepted = addDays(plannedEnd, delay);
	}
	if (accepted && accepted > AS_OF) accepted = null;
	if (cancelled && cancelled > AS_OF) cancelled = null;
	const budget = level === 'grassroots' ? rng.int(80, 600) : level === 'provincial' ? rng.int(400, 3500) : rng.int(3000, 10000);
	const place = geo.provinceName(oldCode, start);
	const title = `${rng.pick(['Nghiên cứu', 'Ứng dụng', 'Xây dựng mô hình', 'Phát triển', 'Đánh giá'])} ${rng.pick(TASK_FIELDS[field])} ${rng.pick([`tại tỉnh ${place}`, `trên địa bàn ${place}`, 'phục vụ phát triển kinh tế - xã hội', 'giai đoạn mới'])}`;
	const calibrated = unitCode === '48' && start >= OLD_PLAN.start && start < MERGER;
	return {
		origin: unitCode,
		title: title.replace('tại tỉnh Đà Nẵng', 'tại thành phố Đà Nẵng'),
		province: geo.provinceAt(oldCode, start),
		level,
		field,
		start,
		plannedEnd,
		accepted,
		cancelled,
		applied: accepted ? rng.chance(0.65) : null,
		budgetMillion: budget,
		provenance: calibrated ? 'calibrated' : 'illustrative'
	};
}

/** Scales Đà Nẵng's 2021–2025H1 task budgets so they add up to exactly 288.412 tỷ đồng. */
function calibrateDanangFunding(tasks: Task[]) {
	if (tasks.length !== 196) throw new Error(`Đà Nẵng tasks 2021–2025H1: ${tasks.length}, want 196`);
	const total = sum(tasks.map((t) => t.budgetMillion));
	for (const t of tasks) t.budgetMillion = Math.max(50, Math.round((t.budgetMillion * DANANG_TASK_FUNDING_MILLION) / total));
	tasks[0].budgetMillion += DANANG_TASK_FUNDING_MILLION - sum(tasks.map((t) => t.budgetMillion));
}

function taskRows(all: Task[]): Row[] {
	return all.map((t) => ({
		task_id: t.id,
		title: t.title,
		province_code: t.province,
		level: t.level,
		field: t.field,
		start_date: t.start,
		planned_end_date: t.plannedEnd,
		accepted_date: t.accepted,
		cancelled_date: t.cancelled,
		applied: t.applied,
		budget_bn: t.budgetMillion / 1000,
		provenance: t.provenance
	}));
}

// ============================================================== IP titles

const MARK_ITEMS = ['Mật ong', 'Gạo thơm', 'Nước mắm', 'Chả mực', 'Hải sản', 'Chè', 'Nhãn', 'Vải', 'Nho', 'Tỏi', 'Yến sào', 'Dừa', 'Quế', 'Bưởi', 'Rau an toàn', 'Gà đồi'];
/** Marks filed per year, patent + utility-solution filings per year (illustrative). */
const IP_PER_YEAR: Record<string, [number, number]> = { '22': [5, 8], '33': [4, 10], '34': [4, 3], '48': [3, 20], '49': [6, 5], '56': [5, 8], '58': [3, 2] };
/** Geographical indications: [old province, filing date, product]; rare, one or two per province. */
const GI_FILINGS: [string, string, string][] = [
	['22', '2019-09-12', 'Ba kích'],
	['33', '2020-05-14', 'Nhãn lồng'],
	['34', '2022-03-10', 'Gạo nếp'],
	['49', '2019-11-07', 'Quế'],
	['49', '2023-04-20', 'Sâm'],
	['56', '2021-08-19', 'Yến sào'],
	['58', '2020-10-22', 'Nho'],
	['58', '2024-06-13', 'Tỏi']
];

interface IpTitle {
	province: string;
	type: string;
	name: string;
	owner: string;
	filing: string;
	grant: string | null;
	id?: string;
}

function generateIp(geo: Geo): IpTitle[] {
	const out: IpTitle[] = [];
	const spans = (vintage: Vintage): [string, string, number][] =>
		vintage === '2024'
			? [...range(FIRST_YEAR, 2024).map((y): [string, string, number] => [ymd(y, 1, 2), ymd(y, 12, 31), 1]), ['2025-01-02', LAST_OLD_DAY, 0.5]]
			: [['2025-07-07', '2025-12-31', 0.5], ['2026-01-05', AS_OF, 10 / 12]];
	const add = (code: string, vintage: Vintage, [marks, patents]: [number, number]) => {
		const rng = new Rng(`ip/${code}@${vintage}`);
		for (const [from, to, share] of spans(vintage)) {
			const grow = Math.pow(1.07, yearOf(from) - FIRST_YEAR);
			for (let i = rng.poisson(marks * share); i > 0; i--) out.push(markFiling(rng, geo, code, vintage, randomWorkday(rng, from, to)));
			for (let i = rng.poisson(patents * share * grow); i > 0; i--) out.push(patentFiling(rng, geo, code, vintage, randomWorkday(rng, from, to)));
		}
	};
	for (const c of OLD_CODES) add(c, '2024', IP_PER_YEAR[c]);
	for (const c of NEW_CODES) {
		const parts = geo.predecessors(c).map((o) => IP_PER_YEAR[o]);
		add(c, '2025', [sum(parts.map((p) => p[0])), sum(parts.map((p) => p[1]))]);
	}
	const rng = new Rng('ip/gi');
	for (const [code, filing, item] of GI_FILINGS) {
		const grant = addDays(filing, rng.int(540, 900));
		const place = geo.randomDistrict(rng, code).name;
		out.push({ province: code, type: 'geographical_indication', name: `Chỉ dẫn địa lý “${place}” cho sản phẩm ${item.toLowerCase()}`, owner: `UBND tỉnh ${geo.oldName.get(code)}`, filing, grant: grant <= AS_OF ? grant : null });
	}
	out.sort((a, b) => (a.filing < b.filing ? -1 : a.filing > b.filing ? 1 : a.name < b.name ? -1 : 1));
	const seq = new Map<string, number>();
	for (const t of out) {
		const k = `${t.province}-${yearOf(t.filing)}`;
		seq.set(k, (seq.get(k) ?? 0) + 1);
		t.id = `SHTT-${k}-${pad(seq.get(k)!, 3)}`;
	}
	return out;
}

function markFiling(rng: Rng, geo: Geo, code: string, vintage: Vintage, filing: string): IpTitle {
	const oldCode = vintage === '2024' ? code : rng.pick(geo.predecessors(code));
	const place = vintage === '2024' ? geo.randomDistrict(rng, oldCode).name : geo.newName.get(code)!;
	const item = rng.pick(MARK_ITEMS);
	const type = rng.chance(0.45) ? 'certification_mark' : 'collective_mark';
	const owner = type === 'certification_mark' ? (vintage === '2024' ? `UBND huyện ${place}` : `Sở Khoa học và Công nghệ ${place}`) : `Hội ${item.toLowerCase()} ${place}`;
	const grant = rng.chance(0.85) ? addDays(filing, rng.int(300, 790)) : null;
	return { province: geo.provinceAt(oldCode, filing), type, name: `${item} ${place}`, owner, filing, grant: grant && grant <= AS_OF ? grant : null };
}

function patentFiling(rng: Rng, geo: Geo, code: string, vintage: Vintage, filing: string): IpTitle {
	const oldCode = vintage === '2024' ? code : rng.pick(geo.predecessors(code));
	const type = rng.chance(0.45) ? 'patent' : 'utility_solution';
	const what = rng.pick(['Quy trình sản xuất', 'Thiết bị', 'Hệ thống', 'Phương pháp', 'Chế phẩm']);
	const obj = rng.pick(['xử lý nước thải', 'sấy nông sản', 'nuôi cấy mô', 'giám sát nuôi trồng thủy sản', 'chiết xuất tinh dầu', 'bảo quản hải sản', 'phân loại rác', 'tưới nhỏ giọt']);
	const owner = rng.weighted([`Công ty TNHH ${brand(rng)}`, `Trường Đại học ${brand(rng)}`, personName(rng)], [0.5, 0.25, 0.25]);
	const grant = rng.chance(0.55) ? addDays(filing, rng.int(700, 1500)) : null;
	return { province: geo.provinceAt(oldCode, filing), type, name: `${what} ${obj}`, owner, filing, grant: grant && grant <= AS_OF ? grant : null };
}

function ipRows(all: IpTitle[]): Row[] {
	return all.map((t) => ({ ip_id: t.id, province_code: t.province, ip_type: t.type, name: t.name, owner: t.owner, filing_date: t.filing, grant_date: t.grant, provenance: 'illustrative' }));
}

// ============================================================== KPI rules (for baselines and targets)

/** Everything the generated records say, with the same rules as indicators.csv. */
class Actuals {
	constructor(
		readonly geo: Geo,
		readonly ocop: OcopWorld,
		readonly startups: Startup[],
		readonly firms: Firm[],
		readonly budget: BudgetLine[],
		readonly tasks: Task[],
		readonly ip: IpTitle[]
	) {}

	private in(code: string, date: string, u: UnitRef) {
		return inUnit(this.geo, code, date, u);
	}
	planStart(u: UnitRef) {
		return u.vintage === '2024' ? OLD_PLAN.start : NEW_PLAN.start;
	}

	/** Value of a record-based indicator for unit u at date d (flows: the year of d up to d). */
	value(ind: string, u: UnitRef, d: string): number {
		const S = this.planStart(u);
		const y0 = ymd(yearOf(d), 1, 1);
		const cum = (date: string | null) => !!date && date >= S && date <= d;
		const flow = (date: string | null) => !!date && date >= y0 && date <= d;
		const st = this.startups.filter((s) => this.in(s.province, s.supported, u));
		const tk = this.tasks.filter((t) => this.in(t.province, t.start, u));
		switch (ind) {
			case 'OC01':
				return sum(ocopCounts(this.ocop, u, d));
			case 'OC04':
				return ocopCounts(this.ocop, u, d)[2];
			case 'KN01':
				return st.filter((s) => cum(s.supported)).length;
			case 'KN02':
				return st.filter((s) => cum(s.founded)).length;
			case 'KN04':
				return Math.round(sum(st.filter((s) => cum(s.raised)).map((s) => s.amount!)) * 100) / 100;
			case 'DN01':
				return this.firms.filter((f) => this.in(f.province, f.date, u) && f.date <= d && (!f.revoked || f.revoked > d)).length;
			case 'SH02':
				return this.ip.filter((t) => this.in(t.province, t.filing, u) && /mark/.test(t.type) && cum(t.grant)).length;
			case 'NV02':
				return tk.filter((t) => flow(t.accepted)).length;
			case 'NV04':
				return tk.filter((t) => t.start <= d && (!t.accepted || t.accepted > d) && (!t.cancelled || t.cancelled > d) && t.plannedEnd < d).length;
			case 'NS03': {
				const [a, b] = this.stateBudget(u, yearOf(d), d);
				return Math.round((1000 * b) / a) / 10;
			}
		}
		throw new Error(`no rule for ${ind}`);
	}

	/** [allocated, disbursed] of the state budget (central + provincial) in year y up to date d. */
	stateBudget(u: UnitRef, y: number, d = ymd(y, 12, 31)): [number, number] {
		const ls = this.budget.filter((l) => l.year === y && l.source !== 'non_state' && quarterDate(y, l.quarter) <= d && this.in(l.province, quarterDate(y, l.quarter), u));
		return [sum(ls.map((l) => l.allocated)), sum(ls.map((l) => l.disbursed))];
	}
}

// ============================================================== indicators.csv

const UNIT_EN: Record<string, string> = {
	'dự án': 'projects',
	'doanh nghiệp': 'enterprises',
	'tỷ đồng': 'billion VND',
	'tổ chức': 'organisations',
	'sự kiện': 'events',
	'lượt người': 'person-times',
	'mốc': 'milestone (1 = reached)',
	'%': '%',
	'sản phẩm': 'products',
	'chủ thể': 'producers',
	'văn bằng': 'titles',
	'chỉ dẫn địa lý': 'geographical indications',
	'đơn': 'filings',
	'nhiệm vụ': 'tasks'
};

const IN_FORCE_VI = 'Sản phẩm còn hiệu lực tại ngày D: lấy giấy chứng nhận mới nhất của sản phẩm (product_id) có decision_date ≤ D; giấy còn hiệu lực nếu D < decision_date + 36 tháng và (revoked_date trống hoặc D < revoked_date).';
const IN_FORCE_EN = 'A product is in force at date D when its latest certificate with decision_date ≤ D satisfies D < decision_date + 36 months and (revoked_date empty or D < revoked_date).';
const CUM_VI = 'S = ngày bắt đầu kế hoạch (1/1/2021 cho kế hoạch 2021–2025, 1/1/2026 cho 2026–2030).';
const CUM_EN = 'S = plan start (2021-01-01 for the 2021–2025 plan, 2026-01-01 for 2026–2030).';
const OBS_VI = 'Nhập theo kỳ trong bảng observations.';
const OBS_EN = 'Entered per period in the observations table.';
const STATE_VI = 'Ngân sách nhà nước = nguồn central + provincial.';
const STATE_EN = 'State budget = sources central + provincial.';

/** source_table, kind override and definition of every indicator: these are the rules the KPI SQL uses. */
const INDICATOR_RULES: Record<string, { table: string; kind?: string; vi: string; en: string }> = {
	KN01: { table: 'startups', vi: `Số dự án có supported_date trong [S, D]. ${CUM_VI}`, en: `Projects with supported_date in [S, D]. ${CUM_EN}` },
	KN02: { table: 'startups', vi: `Số dự án có firm_founded_date trong [S, D] (đã hình thành doanh nghiệp khởi nghiệp). ${CUM_VI}`, en: `Projects with firm_founded_date in [S, D] (the startup firm was founded). ${CUM_EN}` },
	KN03: { table: 'startups', vi: `Số dự án có capital_raised_date trong [S, D] (lần gọi vốn thành công đầu tiên). ${CUM_VI}`, en: `Projects with capital_raised_date in [S, D] (first capital raised). ${CUM_EN}` },
	KN04: { table: 'startups', vi: `Tổng capital_raised_bn (tỷ đồng) của các dự án có capital_raised_date trong [S, D]. ${CUM_VI}`, en: `Sum of capital_raised_bn (billion VND) over projects with capital_raised_date in [S, D]. ${CUM_EN}` },
	KN05: { table: 'observations', vi: `Số tổ chức hỗ trợ khởi nghiệp (vườn ươm, tổ chức thúc đẩy kinh doanh, không gian làm việc chung) đang hoạt động cuối kỳ. ${OBS_VI}`, en: `Startup support organisations (incubators, accelerators, co-working spaces) operating at the end of the period. ${OBS_EN}` },
	KN06: { table: 'observations', vi: `Số sự kiện, cuộc thi, Techfest về khởi nghiệp tổ chức trong kỳ. ${OBS_VI}`, en: `Startup events, competitions and Techfests held in the period. ${OBS_EN}` },
	KN07: { table: 'observations', vi: `Số lượt người được đào tạo, tập huấn về khởi nghiệp trong kỳ. ${OBS_VI}`, en: `Person-times trained in entrepreneurship in the period. ${OBS_EN}` },
	TT01: { table: 'observations', vi: `Trung tâm ĐMST cấp tỉnh đã đi vào hoạt động cuối kỳ: 1 = đã hoạt động, 0 = chưa. ${OBS_VI}`, en: `Provincial Innovation Centre operating at the end of the period: 1 = yes, 0 = not yet. ${OBS_EN}` },
	TT02: { table: 'startups', vi: 'Số dự án có incubated_at_centre = true và supported_date trong năm Y (đến ngày D).', en: 'Projects with incubated_at_centre = true and supported_date in year Y (up to D).' },
	DN01: { table: 'st_firms', vi: 'Số giấy chứng nhận doanh nghiệp KH&CN có certificate_date ≤ D và (revoked_date trống hoặc revoked_date > D).', en: 'S&T enterprise certificates with certificate_date ≤ D and (revoked_date empty or revoked_date > D).' },
	DN02: { table: 'st_firms', vi: 'Số giấy chứng nhận có certificate_date trong năm Y (đến ngày D).', en: 'Certificates with certificate_date in year Y (up to D).' },
	DN03: { table: 'observations', vi: `Doanh thu từ sản phẩm hình thành từ kết quả KH&CN của doanh nghiệp KH&CN trong kỳ (tỷ đồng). ${OBS_VI}`, en: `Revenue of S&T enterprises from products based on S&T results in the period (billion VND). ${OBS_EN}` },
	DN04: { table: 'observations', vi: `Số doanh nghiệp được hỗ trợ đổi mới công nghệ, cộng dồn từ đầu kế hoạch; observations ghi số phát sinh trong từng kỳ. ${CUM_VI}`, en: `Firms supported to upgrade technology, cumulative since the plan start; observations hold the flow of each period. ${CUM_EN}` },
	DN05: { table: 'observations', vi: `Tỷ lệ (%) = 100 × tử số (doanh nghiệp có hoạt động ĐMST) / mẫu số (doanh nghiệp được khảo sát). ${OBS_VI}`, en: `Share (%) = 100 × numerator (firms with innovation activity) / denominator (firms surveyed). ${OBS_EN}` },
	OC01: { table: 'ocop_products', vi: `Số sản phẩm còn hiệu lực 3–5 sao tại ngày D. ${IN_FORCE_VI}`, en: `Products in force (3–5 stars) at date D. ${IN_FORCE_EN}` },
	OC02: { table: 'ocop_products', vi: `Số sản phẩm còn hiệu lực có giấy mới nhất 3 sao tại ngày D. ${IN_FORCE_VI}`, en: `Products in force whose latest certificate has 3 stars at D. ${IN_FORCE_EN}` },
	OC03: { table: 'ocop_products', vi: `Số sản phẩm còn hiệu lực có giấy mới nhất 4 sao tại ngày D. ${IN_FORCE_VI}`, en: `Products in force whose latest certificate has 4 stars at D. ${IN_FORCE_EN}` },
	OC04: { table: 'ocop_products', vi: `Số sản phẩm còn hiệu lực có giấy mới nhất 5 sao (cấp quốc gia) tại ngày D. ${IN_FORCE_VI}`, en: `Products in force whose latest certificate has 5 stars (national rating) at D. ${IN_FORCE_EN}` },
	OC05: { table: 'ocop_products', vi: 'Số giấy chứng nhận có decision_date trong năm Y (đến D) mà product_id chưa có giấy nào trước đó (sản phẩm được công nhận lần đầu).', en: 'Certificates with decision_date in year Y (up to D) whose product_id has no earlier certificate (first recognition).' },
	OC06: { table: 'ocop_products', vi: 'Số giấy chứng nhận có decision_date trong năm Y (đến D) có số sao cao hơn giấy liền trước của cùng sản phẩm.', en: 'Certificates with decision_date in year Y (up to D) with more stars than the same product’s previous certificate.' },
	OC07: { table: 'ocop_products', vi: 'Số giấy chứng nhận thôi hiệu lực trong năm Y (đến D) — ngày thôi hiệu lực = decision_date + 36 tháng hoặc revoked_date nếu sớm hơn — mà sản phẩm không có giấy mới hơn cấp trước ngày đó (hết hạn không được đánh giá lại, hoặc bị thu hồi).', en: 'Certificates that stopped being in force during year Y (up to D) — end = decision_date + 36 months, or revoked_date if earlier — without a newer certificate of the product issued by then (expired and not re-rated, or revoked).' },
	OC08: { table: 'ocop_products', vi: `Tỷ lệ (%) = 100 × số sản phẩm còn hiệu lực 4–5 sao / số sản phẩm còn hiệu lực 3–5 sao tại ngày D. ${IN_FORCE_VI}`, en: `Share (%) = 100 × products in force at 4–5 stars / products in force at 3–5 stars at D. ${IN_FORCE_EN}` },
	OC09: { table: 'ocop_products', vi: `Số chủ thể (producer_id khác nhau) có ít nhất một sản phẩm còn hiệu lực tại ngày D. ${IN_FORCE_VI}`, en: `Distinct producer_id with at least one product in force at D. ${IN_FORCE_EN}` },
	OC10: { table: 'ocop_products', vi: 'Tỷ lệ (%) = 100 × số chủ thể ở OC09 có producer_type là cooperative hoặc enterprise / tổng số chủ thể ở OC09.', en: 'Share (%) = 100 × OC09 producers whose producer_type is cooperative or enterprise / all OC09 producers.' },
	OC11: { table: 'observations', vi: `Tỷ lệ (%) = 100 × số xã có ít nhất một sản phẩm OCOP còn hiệu lực / tổng số đơn vị cấp xã. ${OBS_VI}`, en: `Share (%) = 100 × communes with at least one OCOP product in force / all commune-level units. ${OBS_EN}` },
	SH01: { table: 'observations', vi: `Số sản phẩm chủ lực, đặc thù cấp tỉnh được công nhận, cuối kỳ. ${OBS_VI}`, en: `Recognised provincial key/specialty products at the end of the period. ${OBS_EN}` },
	SH02: { table: 'ip_titles', vi: `Số văn bằng nhãn hiệu chứng nhận (certification_mark) hoặc nhãn hiệu tập thể (collective_mark) có grant_date trong [S, D]. ${CUM_VI}`, en: `Certification or collective marks with grant_date in [S, D]. ${CUM_EN}` },
	SH03: { table: 'ip_titles', vi: `Số chỉ dẫn địa lý (geographical_indication) có grant_date trong [S, D]. ${CUM_VI}`, en: `Geographical indications with grant_date in [S, D]. ${CUM_EN}` },
	SH04: { table: 'observations', vi: `Tỷ lệ (%) = 100 × số sản phẩm OCOP còn hiệu lực được bảo hộ sở hữu trí tuệ / số sản phẩm OCOP còn hiệu lực, cuối kỳ. ${OBS_VI}`, en: `Share (%) = 100 × OCOP products in force with IP protection / OCOP products in force, end of period. ${OBS_EN}` },
	SH05: { table: 'ip_titles', vi: 'Số đơn sáng chế (patent) hoặc giải pháp hữu ích (utility_solution) có filing_date trong năm Y (đến D).', en: 'Patent or utility-solution filings with filing_date in year Y (up to D).' },
	NV01: { table: 'st_tasks', vi: 'Số nhiệm vụ có start_date ≤ D và (accepted_date trống hoặc > D) và (cancelled_date trống hoặc > D).', en: 'Tasks with start_date ≤ D and (accepted_date empty or > D) and (cancelled_date empty or > D).' },
	NV02: { table: 'st_tasks', vi: 'Số nhiệm vụ có accepted_date trong năm Y (đến D).', en: 'Tasks with accepted_date in year Y (up to D).' },
	NV03: { table: 'st_tasks', vi: 'Tỷ lệ (%) = 100 × số nhiệm vụ nghiệm thu trong năm Y có applied = true / số nhiệm vụ nghiệm thu trong năm Y.', en: 'Share (%) = 100 × tasks accepted in year Y with applied = true / tasks accepted in year Y.' },
	NV04: { table: 'st_tasks', vi: 'Số nhiệm vụ đang thực hiện tại ngày D (như NV01) có planned_end_date < D.', en: 'Tasks ongoing at D (as NV01) with planned_end_date < D.' },
	NV05: { table: 'st_tasks', vi: `Số nhiệm vụ có start_date trong [S, D]. ${CUM_VI}`, en: `Tasks with start_date in [S, D]. ${CUM_EN}` },
	NS01: { table: 'budget', vi: `Tổng allocated_bn (tỷ đồng) của ngân sách nhà nước trong năm Y, các quý đã kết thúc đến ngày D. ${STATE_VI}`, en: `Sum of allocated_bn (billion VND) of the state budget in year Y, quarters up to D. ${STATE_EN}` },
	NS02: { table: 'budget', kind: 'flow', vi: `Tổng disbursed_bn (tỷ đồng) của ngân sách nhà nước trong năm Y, lũy kế từ đầu năm đến ngày D. ${STATE_VI}`, en: `Sum of disbursed_bn (billion VND) of the state budget in year Y, year to date D. ${STATE_EN}` },
	NS03: { table: 'budget', vi: `Tỷ lệ (%) = 100 × disbursed_bn / allocated_bn của ngân sách nhà nước trong năm Y đến ngày D. ${STATE_VI}`, en: `Share (%) = 100 × disbursed_bn / allocated_bn of the state budget in year Y up to D. ${STATE_EN}` },
	NS04: { table: 'observations', vi: `Tỷ lệ (%) = 100 × tử số (chi KH&CN, tỷ đồng) / mẫu số (tổng chi ngân sách địa phương, tỷ đồng). ${OBS_VI}`, en: `Share (%) = 100 × numerator (S&T spending, billion VND) / denominator (total local budget spending, billion VND). ${OBS_EN}` },
	NS05: { table: 'budget', vi: 'Tổng disbursed_bn (tỷ đồng) của nguồn non_state (ngoài ngân sách) trong năm Y đến ngày D.', en: 'Sum of disbursed_bn (billion VND) of source non_state in year Y up to D.' }
};

function indicatorRows(sh: Shared): Row[] {
	const rows: Row[] = sh.indicators.map((r) => {
		const rule = INDICATOR_RULES[r.code];
		if (!rule) throw new Error(`no rule for indicator ${r.code}`);
		if (!UNIT_EN[r.unit]) throw new Error(`no English unit for ${r.unit}`);
		return {
			code: r.code,
			domain: r.domain,
			name_vi: r.name_vi,
			name_en: r.name_en,
			unit_vi: r.unit,
			unit_en: UNIT_EN[r.unit],
			direction: r.direction,
			kind: rule.kind ?? r.kind,
			source_table: rule.table,
			definition_vi: rule.vi,
			definition_en: rule.en
		};
	});
	const nv04 = rows.findIndex((r) => r.code === 'NV04');
	rows.splice(nv04 + 1, 0, {
		code: 'NV05',
		domain: 'st_tasks',
		name_vi: 'Nhiệm vụ KH&CN được triển khai (lũy kế từ đầu kỳ)',
		name_en: 'S&T tasks started since the plan began',
		unit_vi: 'nhiệm vụ',
		unit_en: 'tasks',
		direction: 'up',
		kind: 'cumulative',
		source_table: 'st_tasks',
		definition_vi: INDICATOR_RULES.NV05.vi,
		definition_en: INDICATOR_RULES.NV05.en
	});
	return rows;
}

// ============================================================== units.csv

function unitRows(sh: Shared, geo: Geo): Row[] {
	const rows: Row[] = [
		{ code: 'VN', vintage: '2024', level: 'country', name_vi: 'Việt Nam', name_en: 'Viet Nam', source: 'Mã quốc gia ISO 3166-1 alpha-2' }
	];
	const communes = new Map<string, number>();
	for (const d of sh.districts) communes.set(d.province_code, (communes.get(d.province_code) ?? 0) + +d.commune_units_2024_11);
	for (const r of sh.provinces2024) {
		rows.push({
			code: r.code,
			vintage: '2024',
			level: 'province',
			name_vi: r.name_vi,
			name_en: r.name_en,
			parent_code: 'VN',
			valid_from: null,
			// The 2021–2025 plans belong to the old system, so every old unit ends with it.
			valid_to: LAST_OLD_DAY,
			successor_code: r.new_code_2025,
			communes: communes.get(r.code) ?? null,
			source: r.source
		});
	}
	// Khánh Hòa's commune count after the merger is published (VOV4: 65 units, NQ 1667/NQ-UBTVQH15).
	const newCommunes: Record<string, number> = { '56': 65 };
	for (const r of sh.provinces2025) {
		rows.push({
			code: r.code,
			vintage: '2025',
			level: 'province',
			name_vi: r.name_vi,
			name_en: r.name_en,
			parent_code: 'VN',
			valid_from: r.valid_from,
			valid_to: null,
			successor_code: null,
			communes: newCommunes[r.code] ?? null,
			source: newCommunes[r.code] ? `${r.source}; communes: ${publishedSource(sh, '56', '8555.9').source_url}` : r.source
		});
	}
	for (const r of sh.districts) {
		rows.push({
			code: r.code,
			vintage: '2024',
			level: 'district',
			name_vi: r.name_vi,
			name_en: r.name_en,
			parent_code: r.province_code,
			valid_from: null,
			valid_to: r.valid_to,
			successor_code: geo.successor.get(r.province_code),
			communes: +r.commune_units_2024_11,
			source: r.source
		});
	}
	return rows;
}

// ============================================================== published_figures.csv

interface Published {
	indicator: string;
	unit: UnitRef;
	as_of: string;
	value: number;
	src: Record<string, string>;
	note: string;
}

/** The published figures the records reproduce (tests/data/calibration.test.ts checks every one). */
function publishedFigures(sh: Shared): Published[] {
	const u = (code: string, vintage: Vintage = '2024'): UnitRef => ({ code, vintage });
	const out: Published[] = [];
	const add = (indicator: string, unit: UnitRef, as_of: string, value: number, src: Record<string, string>, note: string) =>
		out.push({ indicator, unit, as_of, value, src, note });
	const split = (unit: UnitRef, as_of: string, [s3, s4, s5]: (number | null)[], src: Record<string, string>, note: string) => {
		if (s3 !== null) add('OC02', unit, as_of, s3, src, note);
		if (s4 !== null) add('OC03', unit, as_of, s4, src, note);
		if (s5 !== null) add('OC04', unit, as_of, s5, src, note);
	};

	const qn336 = publishedSource(sh, '22', '336');
	add('OC01', u('22'), '2023-10-25', 336, qn336, 'Ngày ghi trên infographic TTXVN (25/10/2023): chắc chắn.');
	const qn346 = publishedSource(sh, '22', '346');
	const yearEnd = 'Nguồn ghi "năm 2023"; lấy ngày 31/12/2023 (ngày không chắc chắn).';
	add('OC01', u('22'), '2023-12-31', 346, qn346, yearEnd);
	split(u('22'), '2023-12-31', [256, 86, 4], qn346, `${yearEnd} 4 sản phẩm 5 sao: ngọc trai Akoya, Tahiti, Southsea (2021) và trà hoa vàng Quy Hoa (2022).`);
	const qn437 = publishedSource(sh, '22', '437');
	const nov = 'Bài báo ngày 3/11/2025 (sau sáp nhập; Quảng Ninh giữ nguyên địa giới): ngày chắc chắn.';
	add('OC01', u('22', '2025'), '2025-11-03', 437, qn437, nov);
	split(u('22', '2025'), '2025-11-03', [326, 103, 8], qn437, nov);

	const tb = publishedSource(sh, '34', '194');
	const tbNote = 'Bài báo không ghi ngày ("2024/đầu 2025"); dữ liệu giữ đúng các số này suốt từ 31/1/2025 đến 30/6/2025 (ngày không chắc chắn).';
	add('OC01', u('34'), LAST_OLD_DAY, 194, tb, tbNote);
	split(u('34'), LAST_OLD_DAY, [146, 48, null], tb, tbNote);

	const nt182 = publishedSource(sh, '58', '182');
	const ntBefore = 'Số "trước đợt công nhận tháng 12/2024"; lấy ngày 30/11/2024 (ngày không chắc chắn).';
	add('OC01', u('58'), '2024-11-30', 182, nt182, ntBefore);
	split(u('58'), '2024-11-30', [152, 30, null], nt182, ntBefore);
	add('OC05', u('58'), '2024-12-31', 84, publishedSource(sh, '58', '84'), 'Số công nhận mới trong năm 2024 (tất cả trong đợt tháng 12/2024; 12 sản phẩm 4 sao), bài báo 2/1/2025.');
	const nt270 = publishedSource(sh, '58', '270');
	const ntEarly = 'Bài báo về kế hoạch 2025 không ghi ngày ("đầu 2025"); lấy ngày 31/3/2025 (ngày không chắc chắn).';
	add('OC01', u('58'), '2025-03-31', 270, nt270, ntEarly);
	split(u('58'), '2025-03-31', [228, 42, null], nt270, ntEarly);

	const kh = publishedSource(sh, '56', '309');
	const khNote = 'Bài báo không ghi ngày (2025, trước sáp nhập); lấy ngày 30/6/2025 (ngày không chắc chắn). Nguồn in 263 + 43 + 1 = 307 ≠ 309; dữ liệu dùng 45 sản phẩm 4 sao để khớp tổng 309.';
	add('OC01', u('56'), LAST_OLD_DAY, 309, kh, khNote);
	split(u('56'), LAST_OLD_DAY, [263, 45, 1], kh, khNote);

	add('OC01', u('49'), '2024-08-31', 407, publishedSource(sh, '49', '407'), 'Nguồn ghi "tháng 8/2024"; lấy ngày 31/8/2024 (ngày không chắc chắn trong tháng).');
	const qnam = publishedSource(sh, '49', '482');
	const qnamNote = 'Bài báo ngày 26/12/2024: ngày chắc chắn. (Công Thương 27/12/2024 ghi 479 = 419/60.)';
	add('OC01', u('49'), '2024-12-26', 482, qnam, qnamNote);
	split(u('49'), '2024-12-26', [422, 60, 0], qnam, qnamNote);
	add('OC04', u('49'), '2025-01-17', 2, publishedSource(sh, '49', '2', 'five-star'), 'QĐ 377/QĐ-BNN-KTHT ngày 17/01/2025: bánh dừa Quý Thu (Quế Sơn) và SAPHRATON (Nam Trà My), nâng hạng từ 4 sao; ngày chắc chắn.');

	const hy = publishedSource(sh, '33', '271');
	const hyNote = 'Nguồn ghi "tháng 11/2024"; lấy ngày 30/11/2024 (ngày không chắc chắn trong tháng). Hưng Yên cũ, chưa gồm Thái Bình.';
	add('OC01', u('33'), '2024-11-30', 271, hy, hyNote);
	split(u('33'), '2024-11-30', [225, 46, null], hy, hyNote);

	add('OC01', u('48'), '2021-11-06', 26, publishedSource(sh, '48', '26'), 'Bài báo ngày 6/11/2021: ngày chắc chắn.');
	add('OC01', u('48'), '2023-02-28', 64, publishedSource(sh, '48', '64'), 'Nguồn ghi "tháng 2/2023"; lấy ngày 28/2/2023 (Công Thương 7/2/2023 ghi 63).');
	const dn98 = publishedSource(sh, '48', '98');
	const dnNote = 'Số cuối năm 2023 (31/12/2023), Đà Nẵng cũ.';
	add('OC01', u('48'), '2023-12-31', 98, dn98, dnNote);
	split(u('48'), '2023-12-31', [54, 43, 1], dn98, dnNote);

	const dnStart = publishedSource(sh, '48', '189');
	const startNote = 'NQ 328/2020/NQ-HĐND, tính từ 1/1/2021; bài báo ngày 16/5/2025. Cùng bài: riêng năm 2024 có 19 dự án được ươm tạo và 11 doanh nghiệp hình thành (dữ liệu cũng khớp hai số này).';
	add('KN01', u('48'), DANANG_REPORT, 189, dnStart, startNote);
	add('KN02', u('48'), DANANG_REPORT, 83, publishedSource(sh, '48', '83'), startNote);
	add('NV05', u('48'), LAST_OLD_DAY, 196, publishedSource(sh, '48', '196'), 'Giai đoạn 2021–2025 (Đà Nẵng cũ, đến 30/6/2025); tổng kinh phí "hơn 288 tỷ đồng" — dữ liệu: 288,412 tỷ đồng.');
	return out;
}

function publishedRows(list: Published[]): Row[] {
	return list.map((p) => ({
		indicator: p.indicator,
		unit_code: p.unit.code,
		unit_vintage: p.unit.vintage,
		as_of: p.as_of,
		value: p.value,
		source_title: p.src.source_title,
		source_url: p.src.source_url,
		note: p.note
	}));
}

// ============================================================== observations.csv

interface ObsProfile {
	kn05: number;
	kn06: number;
	kn07: number;
	dn03PerFirm: number;
	dn04: number;
	dn05Survey: number;
	sh01: number;
	totalSpending2019: number;
	oc11Start: number;
}
/** Sizes of each old province for the illustrative observation series. */
const OBS_PROFILE: Record<string, ObsProfile> = {
	'22': { kn05: 3, kn06: 8, kn07: 900, dn03PerFirm: 18, dn04: 12, dn05Survey: 320, sh01: 14, totalSpending2019: 36000, oc11Start: 0.45 },
	'33': { kn05: 3, kn06: 4, kn07: 450, dn03PerFirm: 14, dn04: 8, dn05Survey: 260, sh01: 8, totalSpending2019: 15000, oc11Start: 0.25 },
	'34': { kn05: 2, kn06: 4, kn07: 400, dn03PerFirm: 10, dn04: 6, dn05Survey: 220, sh01: 7, totalSpending2019: 14500, oc11Start: 0.15 },
	'48': { kn05: 8, kn06: 14, kn07: 1600, dn03PerFirm: 22, dn04: 10, dn05Survey: 400, sh01: 10, totalSpending2019: 26000, oc11Start: 0.2 },
	'49': { kn05: 12, kn06: 7, kn07: 700, dn03PerFirm: 12, dn04: 9, dn05Survey: 280, sh01: 16, totalSpending2019: 24000, oc11Start: 0.3 },
	'56': { kn05: 5, kn06: 7, kn07: 650, dn03PerFirm: 15, dn04: 8, dn05Survey: 260, sh01: 10, totalSpending2019: 16000, oc11Start: 0.2 },
	'58': { kn05: 2, kn06: 3, kn07: 300, dn03PerFirm: 8, dn04: 4, dn05Survey: 150, sh01: 6, totalSpending2019: 8000, oc11Start: 0.15 }
};
/** Commune-level units after 2025-07-01: Khánh Hòa published (65); others approximate (illustrative). */
const NEW_COMMUNES: Record<string, number> = { '22': 54, '33': 104, '48': 94, '56': 65 };
/** Quảng Nam startup-support units (published 18, c. 2022); other years illustrative around it. */
const QUANG_NAM_KN05: Record<number, number> = { 2019: 12, 2020: 14, 2021: 16, 2022: 18, 2023: 19, 2024: 20, 2025: 21 };
/** Đà Nẵng: 43 firm technology-innovation supports 2021–2024 (Viettimes); split by year illustratively. */
const DANANG_DN04: Record<number, number> = { 2021: 9, 2022: 11, 2023: 12, 2024: 11 };

interface Period {
	unit: UnitRef;
	year: number;
	asOf: string;
	/** Share of the year covered (old units stop at 2025-06-30; 2026 is cut at AS_OF). */
	share: number;
	/** Old provinces whose territory this observation covers (new units: all predecessors). */
	olds: string[];
}

function observationPeriods(geo: Geo): Period[] {
	const ps: Period[] = [];
	for (const code of OLD_CODES)
		for (let y = FIRST_YEAR; y <= 2025; y++)
			ps.push({ unit: { code, vintage: '2024' }, year: y, asOf: y === 2025 ? LAST_OLD_DAY : ymd(y, 12, 31), share: y === 2025 ? 0.5 : 1, olds: [code] });
	for (const code of NEW_CODES)
		for (const y of [2025, 2026])
			ps.push({ unit: { code, vintage: '2025' }, year: y, asOf: y === 2026 ? AS_OF : ymd(y, 12, 31), share: y === 2026 ? 10 / 12 : 1, olds: geo.predecessors(code) });
	return ps;
}

function observationRows(sh: Shared, geo: Geo, act: Actuals): Row[] {
	const rows: Row[] = [];
	const rng = new Rng('observations');
	const base = (p: Period, f: (o: ObsProfile) => number) => sum(p.olds.map((c) => f(OBS_PROFILE[c])));
	const grow = (y: number, g: number) => Math.pow(1 + g, y - FIRST_YEAR);
	const noise = () => 1 + 0.08 * rng.normal();
	const push = (ind: string, p: Period, r: { value?: number | null; numerator?: number; denominator?: number; source?: string; source_url?: string; provenance?: string; note?: string }) => {
		const partial = p.asOf !== ymd(p.year, 12, 31);
		rows.push({
			indicator: ind,
			unit_code: p.unit.code,
			unit_vintage: p.unit.vintage,
			period: String(p.year),
			as_of: partial ? p.asOf : null,
			value: r.value ?? null,
			numerator: r.numerator ?? null,
			denominator: r.denominator ?? null,
			status: partial ? 'estimated' : 'final',
			source: r.source ?? ILLUSTRATIVE_SOURCE,
			source_url: r.source_url ?? null,
			provenance: r.provenance ?? 'illustrative',
			note: r.note ?? (p.unit.vintage === '2025' && p.year === 2025 ? 'Cả năm 2025 trên địa bàn tỉnh mới (gồm các tỉnh cũ đã hợp nhất).' : null)
		});
	};
	const kn05Src = publishedSource(sh, '49', '18');
	const centre = publishedSource(sh, '22', 'planned');
	for (const p of observationPeriods(geo)) {
		const y = p.year;
		// KN05 level
		if (p.unit.vintage === '2024' && p.unit.code === '49') {
			const pub = y === 2022;
			push('KN05', p, {
				value: QUANG_NAM_KN05[y],
				...(pub ? { source: kn05Src.source_title, source_url: kn05Src.source_url, provenance: 'published', note: 'Bài viết không ghi ngày (khoảng 2022); gán cho năm 2022.' } : {})
			});
		} else {
			const q = (c: string) => (c === '49' ? QUANG_NAM_KN05[Math.min(y, 2025)] : Math.round(OBS_PROFILE[c].kn05 * grow(y, 0.08)));
			push('KN05', p, { value: sum(p.olds.map(q)) + (p.unit.vintage === '2025' && y === 2026 ? 1 : 0) });
		}
		push('KN06', p, { value: Math.max(1, Math.round(base(p, (o) => o.kn06) * grow(y, 0.06) * p.share * noise() * (y === 2020 ? 0.6 : 1))) });
		push('KN07', p, { value: Math.round(base(p, (o) => o.kn07) * grow(y, 0.07) * p.share * noise() * (y === 2020 ? 0.6 : 1)) });
		// TT01 milestone
		const open = centreOpen(geo, p.unit.code, p.unit.vintage, p.asOf) ? 1 : 0;
		if (p.unit.vintage === '2024' && p.unit.code === '22' && y === 2023)
			push('TT01', p, { value: 0, source: centre.source_title, source_url: centre.source_url, provenance: 'published', note: 'Ngày 20/3/2023 tỉnh còn đang nghiên cứu thành lập Trung tâm ĐMST; chưa tìm thấy ngày thành lập (các năm khác là minh họa).' });
		else
			push('TT01', p, {
				value: open,
				note: p.unit.code === '48' && p.unit.vintage === '2025' ? 'Trung tâm Hỗ trợ khởi nghiệp ĐMST Đà Nẵng được tổ chức lại từ 1/10/2025 (đã công bố); ngày thành lập ban đầu là minh họa.' : undefined
			});
		// DN03, DN04, DN05
		const firmsInForce = Math.max(1, act.value('DN01', p.unit, p.asOf));
		push('DN03', p, { value: Math.round(firmsInForce * base(p, (o) => o.dn03PerFirm) / p.olds.length * p.share * noise() * 10) / 10 });
		if (p.unit.vintage === '2024' && p.unit.code === '48' && DANANG_DN04[y] !== undefined)
			push('DN04', p, { value: DANANG_DN04[y], note: 'Tổng 2021–2024 = 43 lượt doanh nghiệp theo Viettimes; chia theo năm là minh họa.' });
		else push('DN04', p, { value: Math.max(0, Math.round(base(p, (o) => o.dn04) * p.share * noise())) });
		const surveyed = Math.round(base(p, (o) => o.dn05Survey) * (0.95 + 0.1 * rng.float()));
		push('DN05', p, { numerator: Math.round(surveyed * Math.min(0.6, 0.18 + 0.025 * (y - FIRST_YEAR) + 0.03 * rng.normal())), denominator: surveyed });
		// OC11: communes with an OCOP product — never more than the products in force.
		const ocop = act.value('OC01', p.unit, p.asOf);
		const communes = p.unit.vintage === '2024' ? sum((geo.districts.get(p.unit.code) ?? []).map((d) => d.communes)) : NEW_COMMUNES[p.unit.code];
		const share = Math.min(0.92, base(p, (o) => o.oc11Start) / p.olds.length + 0.07 * (y - FIRST_YEAR) + (p.unit.vintage === '2025' ? 0.12 : 0));
		push('OC11', p, {
			numerator: Math.min(ocop, Math.round(communes * share)),
			denominator: communes,
			note: p.unit.vintage === '2025' ? `Mẫu số: số đơn vị cấp xã sau sắp xếp${p.unit.code === '56' ? ' (65, đã công bố)' : ' (ước, minh họa)'}.` : undefined
		});
		push('SH01', p, { value: Math.round(base(p, (o) => o.sh01) * grow(y, 0.05)) });
		// A ratio with nothing to divide by is left out (no OCOP products yet: Đà Nẵng 2019).
		if (ocop > 0) push('SH04', p, { numerator: Math.round(ocop * Math.min(0.95, 0.35 + 0.07 * (y - FIRST_YEAR) + 0.04 * rng.normal())), denominator: ocop });
		// NS04: numerator = state S&T disbursement in the budget table, so the two never disagree.
		const [, disbursed] = act.stateBudget(p.unit, y, p.asOf);
		const spending = base(p, (o) => o.totalSpending2019) * grow(y, 0.06) * (p.asOf === LAST_OLD_DAY ? 0.45 : p.asOf === AS_OF ? 0.72 : 1) * (1 + 0.03 * rng.normal());
		push('NS04', p, { numerator: Math.round(disbursed * 1000) / 1000, denominator: Math.round(spending), note: 'Tử số = giải ngân KH&CN từ ngân sách nhà nước trong bảng budget.' });
	}
	rows.push(...nationalObservations(sh));
	return rows.sort((a, b) => cmp(a.indicator, b.indicator) || cmp(a.unit_code, b.unit_code) || cmp(a.unit_vintage, b.unit_vintage) || cmp(a.period, b.period));
}

const cmp = (a: unknown, b: unknown) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0);

/** Published national figures (unit VN): OCOP totals and the NA-committee series of the S&T budget share. */
function nationalObservations(sh: Shared): Row[] {
	const find = (value: string, hint: string) => {
		const r = sh.published.find((x) => x.scope === 'national' && x.value === value && x.indicator.includes(hint));
		if (!r) throw new Error(`national figure ${value} ${hint} not found`);
		return r;
	};
	const vn = (indicator: string, period: string, as_of: string | null, value: number, src: Record<string, string>, note: string): Row => ({
		indicator,
		unit_code: 'VN',
		unit_vintage: '2024',
		period,
		as_of,
		value,
		numerator: null,
		denominator: null,
		status: 'final',
		source: src.source_title,
		source_url: src.source_url,
		provenance: 'published',
		note
	});
	const oc = 'OCOP products rated 3 stars or above';
	const na = 'Chuỗi số của Ủy ban KH, CN&MT Quốc hội ("khoảng"); không trộn với chuỗi của Bộ Tài chính (1,01% năm 2022; 0,82% năm 2023). Chỉ có tỷ lệ %, không có tử số/mẫu số.';
	return [
		vn('OC01', '2021', '2021-12-31', 5401, find('5401', oc), 'Số năm 2021, công bố đầu 2022; lấy ngày 31/12/2021.'),
		vn('OC01', '2023', '2023-12-06', 10322, find('10322', oc), 'Công bố 6/12/2023.'),
		vn('OC01', '2024', '2024-12-31', 15590, find('15590', oc), 'Nguồn ghi "tháng 12/2024"; lấy ngày 31/12/2024.'),
		vn('OC01', '2025', '2025-12-20', 18243, find('18243', oc), 'Phát biểu tại Festival OCOP 2025 (20/12/2025).'),
		vn('OC04', '2023', '2023-12-06', 42, find('42', 'five-star'), 'Công bố 6/12/2023.'),
		vn('OC04', '2024', '2024-12-31', 79, find('79', 'five-star'), 'Nguồn ghi "tháng 12/2024"; lấy ngày 31/12/2024.'),
		vn('OC09', '2023', '2023-12-06', 5361, find('5361', 'producers'), 'Công bố 6/12/2023.'),
		vn('OC09', '2024', '2024-12-31', 8476, find('8476', 'producers'), 'Nguồn ghi "tháng 12/2024"; lấy ngày 31/12/2024.'),
		vn('NS04', '2022', null, 0.93, find('0.93', 'State budget'), na),
		vn('NS04', '2023', null, 0.73, find('0.73', 'State budget'), na),
		vn('NS04', '2024', null, 0.65, find('0.65', 'State budget'), na)
	];
}

// ============================================================== targets.csv

type Outcome = 'exceeded' | 'met' | 'not_met' | 'on_track' | 'at_risk' | 'off_track';

interface TargetRow {
	indicator: string;
	unit: UnitRef;
	plan: string;
	basis: 'provincial' | 'central';
	baseline_year?: number | null;
	baseline_value?: number | null;
	target_year: number;
	target_min: number;
	target_max?: number | null;
	document: string;
	source_url?: string | null;
	provenance: 'published' | 'illustrative';
	note?: string | null;
}

function publishedTargets(sh: Shared): TargetRow[] {
	const pt = (code: string, hint: string) => targetSource(sh.provincialTargets, (r) => r.province_code === code && r.indicator.includes(hint));
	const nt = (hint: string, year = '2025') => targetSource(sh.nationalTargets, (r) => r.indicator.includes(hint) && r.target_year === year);
	const old = (code: string): UnitRef => ({ code, vintage: '2024' });
	const vn: UnitRef = { code: 'VN', vintage: '2024' };
	const rows: TargetRow[] = [
		{ indicator: 'OC01', unit: old('34'), plan: '2021-2025', basis: 'provincial', target_year: 2025, target_min: 150, document: 'Kế hoạch phát triển sản phẩm OCOP tỉnh Thái Bình giai đoạn 2021–2025 (theo báo chí)', source_url: pt('34', 'OCOP products rated').source_url, provenance: 'published', note: 'Nguồn báo cáo đạt 194 sản phẩm (129,67% kế hoạch; tính lại 194/150 = 129,3%).' },
		{ indicator: 'OC01', unit: old('58'), plan: '2021-2025', basis: 'provincial', target_year: 2025, target_min: 120, target_max: 140, document: 'KH 4056/KH-UBND 17/09/2022', source_url: pt('58', 'OCOP products rated').source_url, provenance: 'published', note: 'Kế hoạch OCOP tỉnh Ninh Thuận đến năm 2025 (theo TTXVN).' },
		{ indicator: 'OC05', unit: old('58'), plan: '2021-2025', basis: 'provincial', target_year: 2025, target_min: 20, target_max: 30, document: 'Kế hoạch OCOP tỉnh Ninh Thuận năm 2025 (theo Kinh tế & Đô thị)', source_url: pt('58', 'New OCOP products').source_url, provenance: 'published', note: 'Thêm 20–30 sản phẩm OCOP trong năm 2025.' },
		{ indicator: 'OC04', unit: old('22'), plan: '2021-2025', basis: 'provincial', baseline_year: 2023, baseline_value: 4, target_year: 2025, target_min: 8, target_max: 10, document: 'Định hướng OCOP tỉnh Quảng Ninh (infographic TTXVN 25/10/2023)', source_url: pt('22', 'five-star').source_url, provenance: 'published', note: null },
		{ indicator: 'OC01', unit: old('56'), plan: '2021-2025', basis: 'provincial', target_year: 2025, target_min: 200, document: 'Kế hoạch OCOP tỉnh Khánh Hòa đến năm 2025 (theo báo chí)', source_url: pt('56', 'OCOP products rated 3 stars').source_url, provenance: 'published', note: 'Ít nhất 200 sản phẩm đạt 3 sao cấp tỉnh.' },
		{ indicator: 'OC04', unit: old('56'), plan: '2021-2025', basis: 'provincial', target_year: 2025, target_min: 3, document: 'Kế hoạch OCOP tỉnh Khánh Hòa đến năm 2025 (theo báo chí)', source_url: pt('56', 'five-star').source_url, provenance: 'published', note: null },
		{ indicator: 'OC04', unit: old('49'), plan: '2018-2020', basis: 'provincial', target_year: 2020, target_min: 1, document: 'Đề án OCOP tỉnh Quảng Nam giai đoạn 2018–2020', source_url: pt('49', 'five-star').source_url, provenance: 'published', note: 'Sản phẩm 5 sao đầu tiên thực tế đạt ngày 17/01/2025 (2 sản phẩm).' },
		{ indicator: 'KN01', unit: old('48'), plan: '2021-2025', basis: 'provincial', baseline_year: 2020, baseline_value: 0, target_year: 2025, target_min: 200, document: 'NQ 328/2020/NQ-HĐND', source_url: pt('48', 'startup projects').source_url, provenance: 'published', note: 'Đạt 189 dự án (94,5%) đến 16/5/2025.' },
		{ indicator: 'KN02', unit: old('48'), plan: '2021-2025', basis: 'provincial', baseline_year: 2020, baseline_value: 0, target_year: 2025, target_min: 100, document: 'NQ 328/2020/NQ-HĐND', source_url: pt('48', 'startups established').source_url, provenance: 'published', note: 'Đạt 83 doanh nghiệp (83%) đến 16/5/2025.' },
		{ indicator: 'OC01', unit: vn, plan: '2021-2025', basis: 'central', baseline_year: 2021, baseline_value: 5401, target_year: 2025, target_min: 10000, document: 'QĐ 919/QĐ-TTg', source_url: nt('OCOP products rated').source_url, provenance: 'published', note: 'Chương trình OCOP 2021–2025 (01/08/2022).' },
		{ indicator: 'OC04', unit: vn, plan: '2021-2025', basis: 'central', baseline_year: 2020, baseline_value: 20, target_year: 2025, target_min: 400, target_max: 500, document: 'QĐ 919/QĐ-TTg', source_url: nt('five-star').source_url, provenance: 'published', note: null }
	];
	for (const [ind, value, hint] of [['KN01', 2000, 'Startup projects'], ['KN02', 600, 'Startup enterprises'], ['KN03', 100, 'raising VC'], ['KN04', 2000, 'capital raised']] as const)
		rows.push({ indicator: ind, unit: vn, plan: '2016-2025', basis: 'central', target_year: 2025, target_min: value, document: 'QĐ 844/QĐ-TTg', source_url: nt(hint).source_url, provenance: 'published', note: 'Đề án hỗ trợ hệ sinh thái khởi nghiệp ĐMST quốc gia đến năm 2025 (18/05/2016).' });
	const law = targetSource(sh.nationalTargets, (r) => r.document.includes('29/2013/QH13'));
	const nq57 = targetSource(sh.nationalTargets, (r) => r.document.includes('NQ 57') && r.indicator.startsWith('State budget'));
	for (const code of OLD_CODES)
		rows.push({ indicator: 'NS04', unit: old(code), plan: '2021-2025', basis: 'central', target_year: 2025, target_min: 2, document: 'Luật KH&CN 2013 (29/2013/QH13), Điều 49', source_url: law.source_url, provenance: 'published', note: 'Luật quy định mức chi tối thiểu 2% tổng chi NSNN cho cả nước; áp dụng mức sàn này cho từng tỉnh là cách đọc của bảng điều khiển.' });
	for (const code of NEW_CODES)
		rows.push({ indicator: 'NS04', unit: { code, vintage: '2025' }, plan: '2026-2030', basis: 'central', target_year: 2030, target_min: 3, document: 'NQ 57-NQ/TW (22/12/2024)', source_url: nq57.source_url, provenance: 'published', note: 'NQ 57: ít nhất 3% tổng chi NSNN hằng năm cho KH, CN, ĐMST và chuyển đổi số; áp dụng cho từng tỉnh là cách đọc của bảng điều khiển.' });
	return rows;
}

const OLD_ILLUSTRATIVE = ['OC01', 'OC04', 'KN01', 'KN02', 'KN04', 'TT01', 'DN01', 'SH02', 'NV02', 'NS03'];
const NEW_ILLUSTRATIVE = ['OC01', 'OC04', 'KN01', 'KN02', 'DN01', 'TT01', 'SH02', 'NV02', 'NS03'];
const KIND: Record<string, 'level' | 'cumulative' | 'flow' | 'ratio' | 'milestone'> = {
	OC01: 'level', OC04: 'level', DN01: 'level', NV04: 'level', KN01: 'cumulative', KN02: 'cumulative', KN04: 'cumulative', SH02: 'cumulative', NV02: 'flow', NS03: 'ratio', TT01: 'milestone'
};

/** Illustrative targets, chosen from the generated actuals so the scorecard shows every status:
 * old-plan targets rotate exceeded / met / not met, 2030 targets on track / at risk / off track. */
function illustrativeTargets(act: Actuals, observations: Row[], published: TargetRow[]): TargetRow[] {
	const rows: TargetRow[] = [];
	const has = (ind: string, u: UnitRef) => published.some((t) => t.indicator === ind && t.unit.code === u.code && t.unit.vintage === u.vintage && t.plan !== '2018-2020');
	const milestone = (u: UnitRef, y: number) => Number(observations.find((o) => o.indicator === 'TT01' && o.unit_code === u.code && o.unit_vintage === u.vintage && o.period === String(y))?.value ?? 0);
	const note = 'Chỉ tiêu minh họa để trình diễn bảng điều khiển; thay bằng chỉ tiêu thật của tỉnh.';
	const outcomesOld: Outcome[] = ['exceeded', 'met', 'not_met'];
	const outcomesNew: Outcome[] = ['on_track', 'at_risk', 'off_track'];

	OLD_CODES.forEach((code, i) => {
		const u: UnitRef = { code, vintage: '2024' };
		OLD_ILLUSTRATIVE.filter((ind) => !has(ind, u)).forEach((ind, j) => {
			const kind = KIND[ind];
			// A flow or ratio target is set for 2024, the last full year of the old provinces.
			const ty = kind === 'flow' || kind === 'ratio' ? 2024 : OLD_PLAN.targetYear;
			const at = ty === 2024 ? '2024-12-31' : LAST_OLD_DAY;
			const actual = kind === 'milestone' ? milestone(u, 2025) : act.value(ind, u, at);
			const baseline = kind === 'cumulative' ? 0 : kind === 'milestone' ? milestone(u, 2020) : act.value(ind, u, '2020-12-31');
			const outcome = outcomesOld[(i + j) % 3];
			rows.push({
				indicator: ind, unit: u, plan: OLD_PLAN.name, basis: 'provincial', baseline_year: OLD_PLAN.baselineYear, baseline_value: baseline,
				target_year: ty, target_min: finalTarget(kind, actual, outcome), document: ILLUSTRATIVE_DOC, provenance: 'illustrative',
				note: ty === 2024 ? `${note} Đặt cho năm 2024 vì năm 2025 tỉnh cũ chỉ có 6 tháng.` : note
			});
		});
	});
	NEW_CODES.forEach((code, i) => {
		const u: UnitRef = { code, vintage: '2025' };
		NEW_ILLUSTRATIVE.forEach((ind, j) => {
			const kind = KIND[ind];
			const actual = kind === 'milestone' ? milestone(u, 2026) : act.value(ind, u, AS_OF);
			const baseline = kind === 'cumulative' ? 0 : kind === 'milestone' ? milestone(u, 2025) : act.value(ind, u, '2025-12-31');
			const outcome = outcomesNew[(i + j) % 3];
			rows.push({
				indicator: ind, unit: u, plan: NEW_PLAN.name, basis: 'provincial', baseline_year: NEW_PLAN.baselineYear, baseline_value: baseline,
				target_year: NEW_PLAN.targetYear, target_min: pathTarget(kind, baseline, actual, outcome), document: ILLUSTRATIVE_DOC, provenance: 'illustrative', note
			});
		});
	});
	// Direction-down targets: overdue S&T tasks (NV04) must fall.
	for (const [code, vintage, outcome] of [['48', '2024', 'met'], ['49', '2024', 'not_met'], ['48', '2025', 'on_track']] as const) {
		const u: UnitRef = { code, vintage };
		const old = vintage === '2024';
		const at = old ? LAST_OLD_DAY : AS_OF;
		const baseline = act.value('NV04', u, old ? '2020-12-31' : '2025-12-31');
		const actual = act.value('NV04', u, at);
		const target = outcome === 'met' ? actual : outcome === 'not_met' ? Math.max(0, Math.floor(actual * 0.6)) : Math.max(0, Math.round(actual * 0.5));
		rows.push({
			indicator: 'NV04', unit: u, plan: old ? OLD_PLAN.name : NEW_PLAN.name, basis: 'provincial', baseline_year: old ? OLD_PLAN.baselineYear : NEW_PLAN.baselineYear, baseline_value: baseline,
			target_year: old ? OLD_PLAN.targetYear : NEW_PLAN.targetYear, target_min: target, document: ILLUSTRATIVE_DOC, provenance: 'illustrative', note: `${note} Chiều giảm: càng ít nhiệm vụ chậm tiến độ càng tốt.`
		});
	}
	return rows;
}

/** Target for a plan that has ended: below, equal to or above what was reached. */
function finalTarget(kind: string, actual: number, outcome: Outcome): number {
	if (kind === 'milestone') return 1;
	if (kind === 'ratio') return outcome === 'not_met' ? Math.min(98, Math.ceil(actual) + 6) : Math.max(50, Math.floor(actual) - 6);
	if (actual === 0) return 1; // nothing reached yet: a target of 0 would be meaningless
	// Sums of amounts are not compared for equality (floating point), so amounts are never exactly "met".
	if (outcome === 'met' && !Number.isInteger(actual)) return Math.floor(actual);
	if (outcome === 'met') return actual;
	if (outcome === 'exceeded') return actual > 1 ? Math.max(1, Math.floor(actual * 0.85)) : actual;
	return Math.max(actual + 1, Math.ceil(actual * 1.2));
}

/** Target for 2030 from baseline b (2025) and actual a (2026): the straight path expected(2026) =
 * b + (t − b)/5 lands below a (on track), just above a (at risk) or well above a (off track). */
function pathTarget(kind: string, b: number, a: number, outcome: Outcome): number {
	if (kind === 'milestone') return 1;
	// Ratios in 2026 are year-to-date (Q4 disburses most), so the 2030 rate targets are plain policy levels.
	if (kind === 'ratio') return outcome === 'on_track' ? 85 : outcome === 'at_risk' ? 90 : 95;
	const growth = Math.max(a - b, Math.max(1, b * 0.04));
	const expected = outcome === 'on_track' ? b + growth * 0.8 : outcome === 'at_risk' ? b + growth / 0.95 : b + growth * 1.6;
	const t = b + 5 * (expected - b);
	return kind === 'cumulative' || kind === 'flow' || Number.isInteger(a) ? Math.max(1, Math.round(t)) : Math.round(t * 10) / 10;
}

function targetRows(list: TargetRow[]): Row[] {
	return list.map((t) => ({
		indicator: t.indicator,
		unit_code: t.unit.code,
		unit_vintage: t.unit.vintage,
		plan: t.plan,
		basis: t.basis,
		baseline_year: t.baseline_year ?? null,
		baseline_value: t.baseline_value ?? null,
		target_year: t.target_year,
		target_min: t.target_min,
		target_max: t.target_max ?? null,
		document: t.document,
		source_url: t.source_url ?? null,
		provenance: t.provenance,
		note: t.note ?? null
	}));
}

// ============================================================== datasets.csv

function datasetRows(): Row[] {
	// access: see DEFAULT_ACCESS in src/lib/data/manifest.ts and "Public and internal data" below.
	const d = (dataset: string, provenance: string, vi: string, en: string): Row => ({
		dataset,
		provenance,
		as_of: AS_OF,
		description_vi: vi,
		description_en: en,
		access: dataset === 'budget' || dataset === 'st_tasks' ? 'internal' : 'public'
	});
	return [
		d('indicators', 'published', 'Danh mục 40 chỉ tiêu: mã, tên, đơn vị theo danh mục đề xuất; định nghĩa và bảng dữ liệu tính ra chỉ tiêu là quy tắc tính của bảng điều khiển.', 'Catalogue of 40 indicators: codes, names and units from the proposed list; definitions and source tables are the dashboard’s computation rules.'),
		d('units', 'published', '63 tỉnh cũ, 73 huyện của 7 tỉnh thí điểm (GSO, qua dvhcvn), 34 tỉnh mới từ 1/7/2025 (NQ 202/2025/QH15, CV 915/CTK-CSCL) và cả nước.', '63 old provinces, 73 districts of the 7 pilot provinces (GSO via dvhcvn), the 34 provinces from 2025-07-01 (NQ 202/2025/QH15, GSO letter 915/CTK-CSCL) and the country.'),
		d('targets', 'illustrative', 'Đã công bố và minh họa, theo từng dòng (cột provenance): chỉ tiêu công bố của Thái Bình, Ninh Thuận, Quảng Ninh, Khánh Hòa, Quảng Nam, Đà Nẵng và trung ương (QĐ 919, QĐ 844, Luật KH&CN 2013, NQ 57); các chỉ tiêu còn lại là minh họa.', 'Published and illustrative, per row (provenance column): published targets of Thái Bình, Ninh Thuận, Quảng Ninh, Khánh Hòa, Quảng Nam, Đà Nẵng and the centre (QĐ 919, QĐ 844, 2013 S&T Law, NQ 57); all others illustrative.'),
		d('observations', 'illustrative', 'Đã công bố và minh họa, theo từng dòng: số liệu OCOP cả nước, tỷ trọng chi KH&CN cả nước 2022–2024, số tổ chức hỗ trợ khởi nghiệp của Quảng Nam và trạng thái Trung tâm ĐMST Quảng Ninh năm 2023 là số đã công bố; còn lại là minh họa.', 'Published and illustrative, per row: national OCOP figures, the national S&T budget share 2022–2024, Quảng Nam’s startup-support units and Quảng Ninh’s Innovation Centre status in 2023 are published; the rest is illustrative.'),
		d('published_figures', 'published', 'Các số liệu đã công bố mà dữ liệu bản ghi tái tạo đúng tại ngày công bố, kèm nguồn và độ chắc chắn của ngày.', 'The published figures the record tables reproduce exactly at their dates, with source and how certain the date is.'),
		d('ocop_products', 'calibrated', 'Giấy chứng nhận OCOP được sinh ra và hiệu chỉnh: số sản phẩm còn hiệu lực theo hạng sao khớp số đã công bố của 7 tỉnh tại các ngày công bố; tên 4 sản phẩm 5 sao của Quảng Ninh và 2 sản phẩm 5 sao đầu tiên của Quảng Nam là thật, các tên khác là tên chung chung; giữa và sau các mốc công bố là minh họa (cột provenance theo từng dòng).', 'Generated OCOP certificates, calibrated: products in force by stars equal the published figures of the 7 provinces at their dates; the names of Quảng Ninh’s four 5★ products and Quảng Nam’s first two 5★ products are real, all other names generic; between and after the published dates the data is illustrative (provenance per row).'),
		d('startups', 'calibrated', 'Dự án khởi nghiệp được sinh ra; dự án của Đà Nẵng 2021 – 16/5/2025 được hiệu chỉnh khớp 189 dự án, 83 doanh nghiệp (và 19/11 riêng năm 2024) theo NQ 328/2020/NQ-HĐND; các tỉnh, năm khác là minh họa.', 'Generated startup projects; Đà Nẵng 2021 – 2025-05-16 is calibrated to 189 projects and 83 firms (19/11 in 2024 alone) under NQ 328/2020/NQ-HĐND; other provinces and years are illustrative.'),
		d('st_firms', 'illustrative', 'Giấy chứng nhận doanh nghiệp KH&CN minh họa (không tìm thấy số liệu công bố cho 7 tỉnh).', 'Illustrative S&T enterprise certificates (no published counts were found for the 7 provinces).'),
		d('budget', 'illustrative', 'Dự toán và giải ngân chi KH&CN theo quý 2019 – quý 3/2026, minh họa.', 'Illustrative S&T budget allocation and disbursement by quarter, 2019 – 2026-Q3.'),
		d('st_tasks', 'illustrative', 'Nhiệm vụ KH&CN minh họa; riêng Đà Nẵng 2021 – 30/6/2025 khớp 196 nhiệm vụ với tổng kinh phí hơn 288 tỷ đồng (Viettimes).', 'Illustrative S&T tasks; Đà Nẵng 2021 – 2025-06-30 matches 196 tasks with just over 288 billion VND in total (Viettimes).'),
		d('ip_titles', 'illustrative', 'Đơn và văn bằng sở hữu trí tuệ minh họa.', 'Illustrative IP filings and titles.'),
		d('datasets', 'published', 'Bảng này: nguồn gốc từng tập dữ liệu.', 'This table: provenance of each dataset.')
	];
}

// ============================================================== data/README.md

function readme(counts: Record<string, number>): string {
	const esc = (s: string) => s.replace(/\|/g, '\\|');
	const constraint = (c: ColumnSpec) => {
		const parts: string[] = [];
		if (c.values) parts.push(c.values.map((v) => `\`${v}\``).join(', '));
		if (c.pattern) parts.push(`\`${esc(c.pattern.source)}\``);
		if (c.min !== undefined) parts.push(`≥ ${c.min}`);
		if (c.max !== undefined) parts.push(`≤ ${c.max}`);
		if (c.ref) parts.push(`→ ${c.ref}`);
		return parts.join('; ');
	};
	const sections = DATASETS.map((d) => {
		const head = `### \`${d.name}\` — ${d.title_en} (${d.title_vi})\n\n${d.required ? 'Required' : 'Optional'}; key: ${d.key.map((k) => `\`${k}\``).join(' + ')}; default file: \`${d.name}.csv\` (${counts[d.name] ?? 0} rows).\n`;
		const table = [
			'| column | type | required | allowed / format | mô tả (vi) | description (en) |',
			'|---|---|---|---|---|---|',
			...d.columns.map((c) => `| \`${c.name}\` | ${c.type} | ${c.required ? 'yes' : ''} | ${constraint(c)} | ${esc(c.description_vi)} | ${esc(c.description_en)} |`)
		].join('\n');
		return `${head}\n${table}\n`;
	}).join('\n');
	return `# data/ — the data Tiến độ shows

<!-- Generated by scripts/generate-data.ts from src/lib/data/schema.ts. Do not edit by hand. -->

Every table the dashboard reads lives here as one file per dataset. The build
(\`npm run data:build\`) validates the files against \`src/lib/data/schema.ts\` and
turns them into what the browser loads; the same schema generates the tables below,
so this page and the validator never disagree.

## Files

| file | what it holds | rows |
|---|---|---|
${DATASETS.map((d) => `| \`${d.name}.csv\` | ${d.title_en} — ${d.title_vi} | ${counts[d.name] ?? 0} |`).join('\n')}

## Format

- UTF-8, comma-separated, one header row with exactly the columns below (in any order
  for your own files; the defaults use the order below), RFC 4180 quoting.
- Dates \`YYYY-MM-DD\`; booleans \`true\`/\`false\`; an empty cell is a missing value.
- Amounts are in **tỷ đồng** (billion VND) with a dot as decimal separator.
- Ratios (%, e.g. DN05, OC11, NS04 in \`observations\`) keep numerator and denominator
  apart: leave \`value\` empty and the dashboard computes 100 × numerator / denominator
  and re-aggregates as sum / sum. Only where a source publishes a percentage without its
  parts (e.g. the national S&T budget share) is \`value\` the percentage itself.
- For cumulative indicators, \`observations\` hold the flow of each period; the dashboard
  adds them up from the plan's start.

## Units and vintages

Vietnam merged its 63 provinces into 34 and abolished districts on **2025-07-01**
(NQ 202/2025/QH15). A unit is therefore identified by \`(code, vintage)\`:

- vintage \`2024\`: the 63 old provinces and their districts, valid until 2025-06-30;
  the 2021–2025 plans belong to these units, so every old province ends on 2025-06-30 —
  also the 11 that continue unchanged — and \`successor_code\` names the new province;
- vintage \`2025\`: the 34 new provinces from 2025-07-01; the 2026–2030 plans belong to them.

Some codes exist in both vintages with different territory (33 = old Hưng Yên, and new
Hưng Yên = old 33 + old 34). Tables that name a unit without a date (\`targets\`,
\`observations\`, \`published_figures\`) therefore carry \`unit_vintage\`.
Record tables carry a date instead:

- a record dated **before 2025-07-01** uses the **old** province code and, where the table
  has one, the district code of that province valid on that date (Nông Sơn, 519, was
  merged into Quế Sơn, 509, on 2025-01-01);
- a record dated **on or after 2025-07-01** uses the **new** province code and leaves
  \`district_code\` empty.

The record's date is \`decision_date\` (OCOP), \`supported_date\` (startups),
\`certificate_date\` (S&T firms), the quarter (budget), \`start_date\` (S&T tasks) and
\`filing_date\` (IP). A new province's figures include the records of the old provinces it
absorbed (via \`successor_code\`); an old province's figures stop on 2025-06-30.
\`observations\` of a new province for the year 2025 cover the whole year on its territory.

## Replacing the default data with your own

1. Export your list with the columns of the matching table below (optional columns may
   be left empty or left out; columns the contract does not know are reported and ignored).
2. Save it in \`data/\` under the **same base name** as CSV, Excel or Parquet:
   \`ocop_products.csv\`, \`ocop_products.xlsx\` (the sheet named \`ocop_products\`, else the
   first sheet) or \`ocop_products.parquet\`. Keep one file per dataset — remove the default
   \`.csv\` when you add an \`.xlsx\`.
3. Set \`provenance\` to \`published\` for official figures, and update the row of
   \`datasets.csv\` (provenance, as_of, description).
4. Run \`npm run data:build\`: it reports every row that breaks a rule, with the
   file, row and column. Fix, re-run, then build or deploy the site as usual.

The data page of the dashboard accepts the same files in the browser to check them
before publishing; nothing leaves your computer.

## Provenance of the default data

The default data is a demonstration for seven provinces of the old system — Quảng Ninh
(22), Hưng Yên (33), Thái Bình (34), Đà Nẵng (48), Quảng Nam (49), Khánh Hòa (56), Ninh
Thuận (58) — from 2019 to 2025-06-30, and the four provinces they became on 2025-07-01 —
Quảng Ninh (22), Hưng Yên (33 = 33 + 34), Đà Nẵng (48 = 48 + 49), Khánh Hòa (56 = 56 + 58)
— up to **${AS_OF}**. Every row has a \`provenance\`:

- **published** — typed from a public source named in the row (\`source\`,
  \`source_url\`, \`document\`): the administrative units (GSO via github.com/daohoangson/dvhcvn,
  GSO letter 915/CTK-CSCL, NQ 202/2025/QH15), national OCOP totals, the national S&T
  budget share, and the published targets.
- **calibrated** — generated records whose totals, computed with the dashboard's own rules,
  equal the published figures in \`published_figures.csv\` at the published dates: OCOP
  certificates of all seven provinces, Đà Nẵng's startup projects (NQ 328/2020/NQ-HĐND) and
  Đà Nẵng's S&T tasks 2021–2025. Individual records are not real, except the names of
  Quảng Ninh's four 5★ products (Akoya, Tahiti and Southsea pearls of Công ty CP Ngọc trai
  Hạ Long, 2021; trà hoa vàng Quy Hoa, 2022) and Quảng Nam's first two 5★ products
  (bánh dừa Quý Thu, SAPHRATON; QĐ 377/QĐ-BNN-KTHT of 17/01/2025). All other names and all
  decision numbers except QĐ 377 are generated and deliberately generic.
- **illustrative** — plausible but invented: S&T firms, budget, IP titles, most startup and
  task records, illustrative observations and targets (document "${ILLUSTRATIVE_DOC}").

Where a source gives no exact date, \`published_figures.note\` says which date was used
and how certain it is. Known inconsistencies between sources are noted there too
(e.g. Khánh Hòa's parts 263 + 43 + 1 ≠ 309; Quảng Nam 482 vs 479).

The data is regenerated, byte for byte, by \`npx tsx scripts/generate-data.ts\` from the
reference files in \`shared/domain\` (\`SHARED_DIR\` overrides the location), and checked by
\`npx vitest run tests/data/calibration.test.ts\`.

## Public and internal data

Every dataset is **public** or **internal** (\`datasets.csv\`, column \`access\`; an empty cell
means the default of \`src/lib/data/manifest.ts\`, \`DEFAULT_ACCESS\`). The normal build
(\`npm run build\`) shows everything, for the department's own network. \`npm run build:public\`
builds the site for the provincial portal into \`build-public/\` (from a copy of \`static/\` in
\`.public/static\`): internal datasets are left out of the data files (their Arrow file keeps the
columns and no row; \`manifest.json\` marks them \`"access": "internal", "withheld": true\`), the
observations, published figures and targets of indicators computed from them are left out too,
and the first screen (\`prebaked.json\`) is computed from the public data only, so no internal
figure reaches a page, a data file or the JavaScript (\`tests/security/public-build.test.ts\`
searches every byte of the result).

| dataset | access | why |
|---|---|---|
| \`budget\` | internal | Quarterly allocation and disbursement are working figures until the People's Council approves the year's accounts. |
| \`st_tasks\` | internal | The task list carries each task's funding and acceptance before the department publishes them. |
| all others | public | Published catalogues, targets and figures, or records already announced (OCOP decisions, certificates, IP titles). |

Indicators computed from an internal table (NS01–NS03, NS05, NV01–NV05) are therefore not on
the public scorecard; NS04 (S&T share of provincial spending) comes from published statistics
(\`observations\`) and stays.

## Tables and columns

${sections}`;
}

// ============================================================== main

export interface GenerateResult {
	files: Record<string, number>;
}

/** Writes every dataset and README.md into outDir. Pure function of the shared files. */
export function generate(outDir: string, sharedDir: string): GenerateResult {
	const sh = loadShared(sharedDir);
	const geo = new Geo(sh);
	const decisions = new Decisions();
	const ocop = simulateOcop(geo, decisions);
	const startups = generateStartups(geo);
	const firms = generateFirms(geo);
	const budget = generateBudget(geo);
	const tasks = generateTasks(geo);
	const ip = generateIp(geo);
	const act = new Actuals(geo, ocop, startups, firms, budget, tasks, ip);
	const published = publishedFigures(sh);
	const observations = observationRows(sh, geo, act);
	const pubTargets = publishedTargets(sh);
	const targets = [...pubTargets, ...illustrativeTargets(act, observations, pubTargets)];

	const tables: Record<string, Row[]> = {
		indicators: indicatorRows(sh),
		units: unitRows(sh, geo),
		targets: targetRows(targets),
		observations,
		published_figures: publishedRows(published),
		ocop_products: ocopRows(ocop),
		startups: startupRows(startups),
		st_firms: firmRows(firms),
		budget: budgetRows(budget),
		st_tasks: taskRows(tasks),
		ip_titles: ipRows(ip),
		datasets: datasetRows()
	};
	fs.mkdirSync(outDir, { recursive: true });
	const files: Record<string, number> = {};
	for (const d of DATASETS) {
		const rows = tables[d.name];
		if (!rows) throw new Error(`no generator for dataset ${d.name}`);
		fs.writeFileSync(path.join(outDir, `${d.name}.csv`), toCsv(d, rows));
		files[d.name] = rows.length;
	}
	fs.writeFileSync(path.join(outDir, 'README.md'), readme(files));
	return { files };
}

export const defaultSharedDir = () => process.env.SHARED_DIR ?? path.resolve('../shared/domain');

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const out = path.resolve(process.argv[2] ?? 'data');
	const { files } = generate(out, defaultSharedDir());
	for (const [name, n] of Object.entries(files)) console.log(`${name.padEnd(18)} ${String(n).padStart(6)} rows`);
	console.log(`written to ${out}`);
}
