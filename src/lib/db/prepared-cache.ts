/**
 * Prepared statements kept by their text, for statements run again and again with other
 * parameters (a filter change sends the same KPI statement with another province and
 * year): DuckDB plans them once. The least recently used are closed beyond a bound. A
 * kept statement that fails is prepared afresh and tried once more, so one made stale by
 * a replaced table costs a retry, not an error.
 */
export class PreparedCache<S> {
	private readonly kept = new Map<string, S>();

	constructor(
		private readonly close: (stmt: S) => unknown,
		private readonly max = 32
	) {}

	async run<T>(sql: string, prepare: () => S | Promise<S>, exec: (stmt: S) => T | Promise<T>): Promise<T> {
		const old = this.kept.get(sql);
		if (old !== undefined) {
			this.kept.delete(sql);
			try {
				const out = await exec(old);
				await this.keep(sql, old);
				return out;
			} catch {
				await this.close(old);
			}
		}
		const stmt = await prepare();
		let out: T;
		try {
			out = await exec(stmt);
		} catch (e) {
			await this.close(stmt);
			throw e;
		}
		await this.keep(sql, stmt);
		return out;
	}

	/** Two runs of one text at once each prepare their own: keep one, close the other. */
	private async keep(sql: string, stmt: S): Promise<void> {
		const other = this.kept.get(sql);
		if (other !== undefined) {
			this.kept.delete(sql);
			await this.close(other);
		}
		this.kept.set(sql, stmt);
		while (this.kept.size > this.max) {
			const [oldest, s] = this.kept.entries().next().value as [string, S];
			this.kept.delete(oldest);
			await this.close(s);
		}
	}

	async clear(): Promise<void> {
		for (const s of this.kept.values()) await this.close(s);
		this.kept.clear();
	}

	get size(): number {
		return this.kept.size;
	}
}
