/**
 * The last queries run in this browser (localStorage, never sent anywhere): text, when,
 * how many rows and how long. Pure list operations plus a load/save pair that survive
 * a missing, full or corrupted storage.
 */

export const HISTORY_KEY = 'tiendo.query.history';
export const HISTORY_MAX = 50;

export interface HistoryEntry {
	sql: string;
	/** ISO timestamp of the run. */
	at: string;
	/** Rows returned; null when the query failed or was cancelled. */
	rows: number | null;
	ms: number | null;
	status: 'ok' | 'error' | 'cancelled';
}

/** Newest first; running the same text again moves it to the top instead of repeating it. */
export function addEntry(list: readonly HistoryEntry[], entry: HistoryEntry, max = HISTORY_MAX): HistoryEntry[] {
	const key = entry.sql.trim();
	return [entry, ...list.filter((e) => e.sql.trim() !== key)].slice(0, max);
}

export function removeEntry(list: readonly HistoryEntry[], at: string): HistoryEntry[] {
	return list.filter((e) => e.at !== at);
}

function isEntry(x: unknown): x is HistoryEntry {
	if (!x || typeof x !== 'object') return false;
	const e = x as Record<string, unknown>;
	return (
		typeof e.sql === 'string' &&
		typeof e.at === 'string' &&
		(e.rows === null || typeof e.rows === 'number') &&
		(e.ms === null || typeof e.ms === 'number') &&
		(e.status === 'ok' || e.status === 'error' || e.status === 'cancelled')
	);
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export function loadHistory(store: Store | null | undefined): HistoryEntry[] {
	try {
		const parsed: unknown = JSON.parse(store?.getItem(HISTORY_KEY) ?? '[]');
		return Array.isArray(parsed) ? parsed.filter(isEntry).slice(0, HISTORY_MAX) : [];
	} catch {
		return [];
	}
}

/** False when the browser refused (private mode, quota): the page still works without it. */
export function saveHistory(store: Store | null | undefined, list: readonly HistoryEntry[]): boolean {
	try {
		store?.setItem(HISTORY_KEY, JSON.stringify(list.slice(0, HISTORY_MAX)));
		return !!store;
	} catch {
		return false;
	}
}
