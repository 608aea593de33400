/** The committed spreadsheets of tests/fixtures/spreadsheets, read as the page reads them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readSheets } from '../../src/lib/upload/sheets';

export const FIXTURES = path.resolve(__dirname, '../fixtures/spreadsheets');

export function fixtureBytes(name: string): Uint8Array {
	return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

export async function fixtureSheets(name: string) {
	return readSheets(fixtureBytes(name), name);
}

/** The provinces of the default data the fixtures name (as in data/units.csv). */
export const PROVINCES = [
	{ code: '22', name_vi: 'Quảng Ninh', name_en: 'Quang Ninh' },
	{ code: '48', name_vi: 'Đà Nẵng', name_en: 'Da Nang' },
	{ code: '56', name_vi: 'Khánh Hòa', name_en: 'Khanh Hoa' }
];
