/**
 * Waits for a freshly launched Chromium to finish starting before a cold load is timed.
 * Even once it has shown about:blank, a new browser spends another 0.7–0.9 s of CPU over
 * the next second on its own start (profile, services; measured from /proc on the
 * 2-core bench machine), then goes quiet. A load timed then shares the cores with that,
 * which a user's browser, already open, does not: the page's caches are empty either
 * way (a fresh profile).
 */
import { readFileSync, readdirSync } from 'node:fs';

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux
const SAMPLE_MS = 100;

/** CPU milliseconds used so far by every process whose command line contains `marker` (the profile folder); null without /proc. */
export function cpuMsOf(marker: string): number | null {
	let pids: string[];
	try {
		pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
	} catch {
		return null;
	}
	let ticks = 0;
	for (const pid of pids) {
		try {
			if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
			// Fields after the command name: utime and stime are the 12th and 13th.
			const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
			ticks += Number(fields[11]) + Number(fields[12]);
		} catch {
			/* the process ended meanwhile */
		}
	}
	return ticks * TICK_MS;
}

/**
 * Resolves once the browser using the profile folder `profile` (every one of its processes
 * is started with --user-data-dir=<profile>) has used less than `busyShare` of one core over `quietMs`,
 * or after `maxMs`; returns how long it waited. Without /proc it waits `fallbackMs`.
 */
export async function browserSettled(
	profile: string,
	{ quietMs = 500, busyShare = 0.1, maxMs = 5000, fallbackMs = 1500 } = {}
): Promise<number> {
	const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
	const started = Date.now();
	const samples: number[] = [];
	for (;;) {
		const used = cpuMsOf(profile);
		if (used === null) {
			await sleep(fallbackMs);
			return Date.now() - started;
		}
		samples.push(used);
		const window = quietMs / SAMPLE_MS;
		if (samples.length > window && used - samples[samples.length - 1 - window] < busyShare * quietMs) return Date.now() - started;
		if (Date.now() - started >= maxMs) return Date.now() - started;
		await sleep(SAMPLE_MS);
	}
}
