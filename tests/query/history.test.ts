import { describe, expect, it } from 'vitest';
import { addEntry, HISTORY_KEY, HISTORY_MAX, loadHistory, saveHistory, type HistoryEntry } from '../../src/lib/query/history';

const entry = (i: number, sql = `SELECT ${i}`): HistoryEntry => ({
	sql,
	at: new Date(Date.UTC(2026, 10, 22, 8, 0, i)).toISOString(),
	rows: i,
	ms: 10,
	status: 'ok'
});

function memoryStore() {
	const data = new Map<string, string>();
	return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('query history', () => {
	it('keeps the newest first and at most 50', () => {
		let list: HistoryEntry[] = [];
		for (let i = 1; i <= 60; i++) list = addEntry(list, entry(i));
		expect(HISTORY_MAX).toBe(50);
		expect(list).toHaveLength(50);
		expect(list[0].sql).toBe('SELECT 60');
		expect(list.at(-1)!.sql).toBe('SELECT 11');
	});

	it('moves a query run again to the top instead of repeating it', () => {
		let list = [entry(3), entry(2), entry(1)];
		list = addEntry(list, { ...entry(9), sql: '  SELECT 1\n' });
		expect(list.map((e) => e.rows)).toEqual([9, 3, 2]);
	});

	it('saves and loads through storage, and survives junk or a refusing browser', () => {
		const store = memoryStore();
		const list = [entry(2), { ...entry(1), rows: null, ms: 5, status: 'cancelled' as const }];
		expect(saveHistory(store, list)).toBe(true);
		expect(loadHistory(store)).toEqual(list);
		store.data.set(HISTORY_KEY, '{not json');
		expect(loadHistory(store)).toEqual([]);
		store.data.set(HISTORY_KEY, JSON.stringify([entry(1), { sql: 1 }, null, 'x']));
		expect(loadHistory(store)).toEqual([entry(1)]);
		const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
		expect(saveHistory(full, list)).toBe(false);
		expect(loadHistory(null)).toEqual([]);
	});
});
