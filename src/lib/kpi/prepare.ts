/**
 * Derived tables the KPI SQL reads: certificate sequences and the units each record
 * counts towards. Run once after the datasets are loaded, and again after a dataset
 * is replaced, so that the browser, the CLI and the tests read the same structures.
 */
import type { Db } from '../db/types';
import { OCOP_SEQ_VIEW } from './sql/record-indicators';
import { viewStatements } from './sql/views';

export async function prepareKpiTables(db: Db): Promise<void> {
	await db.query(OCOP_SEQ_VIEW);
	for (const sql of viewStatements()) await db.query(sql);
}
