/**
 * Putting the published tables back: the build's Arrow files are fetched again and
 * swapped in inside one transaction, with the datasets table's description and the
 * KPI tables, so pages see the published numbers or the uploaded ones, never a mix.
 */
import type { Db } from '../db/types';
import { ident, literal } from '../db/sql';
import type { FetchLike } from '../db/load-static';
import type { Manifest } from '../data/manifest';
import { prepareKpiTables } from '../kpi/prepare';
import { transaction } from './pipeline';

export async function restorePublished(
	db: Db,
	dataUrl: string,
	datasets: string[],
	opts: { commit?: () => Promise<void>; fetchFn?: FetchLike } = {}
): Promise<void> {
	const fetchFn: FetchLike = opts.fetchFn ?? ((url, init) => fetch(url, init));
	const base = dataUrl.replace(/\/+$/, '');
	const get = async (url: string, init?: Parameters<FetchLike>[1]) => {
		const res = await fetchFn(url, init);
		if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
		return res;
	};
	const manifest = (await (await get(`${base}/manifest.json`, { cache: 'no-cache' })).json()) as Manifest;
	const names = [...new Set(datasets)];
	const wanted = [...names, 'datasets'];
	for (const name of wanted) {
		const entry = manifest.datasets.find((d) => d.name === name);
		if (!entry) throw new Error(`${name} is not in the published manifest`);
		const bytes = new Uint8Array(await (await get(`${base}/${entry.file}?v=${entry.sha256.slice(0, 16)}`)).arrayBuffer());
		await db.insertArrowIPC(`upl_pub_${name}`, bytes, { replace: true });
	}
	try {
		await transaction(db, async () => {
			for (const name of names) {
				await db.query(`CREATE OR REPLACE TABLE ${ident(name)} AS SELECT * FROM ${ident(`upl_pub_${name}`)}`);
			}
			const list = names.map(literal).join(', ');
			if (list) {
				await db.query(
					`UPDATE datasets SET provenance = p.provenance, as_of = p.as_of, description_vi = p.description_vi, description_en = p.description_en
					 FROM upl_pub_datasets p WHERE datasets.dataset = p.dataset AND datasets.dataset IN (${list})`
				);
			}
			await prepareKpiTables(db);
			await opts.commit?.();
		});
	} finally {
		for (const name of wanted) await db.query(`DROP TABLE IF EXISTS ${ident(`upl_pub_${name}`)}`);
	}
}
