/** Reads a file out of a .docx (a zip) with @e965/xlsx's CFB reader, which understands zip too. */
import { CFB } from '@e965/xlsx';

export function zipEntries(bytes: Uint8Array): Map<string, Uint8Array> {
	const c = CFB.read(bytes, { type: 'buffer' });
	const out = new Map<string, Uint8Array>();
	c.FullPaths.forEach((p: string, i: number) => {
		const entry = c.FileIndex[i];
		if (entry.type === 2 && entry.content) out.set(p.replace(/^Root Entry\//, ''), entry.content as Uint8Array);
	});
	return out;
}

export function zipText(bytes: Uint8Array, name: string): string {
	const e = zipEntries(bytes).get(name);
	if (!e) throw new Error(`${name} is not in the zip`);
	return Buffer.from(e).toString('utf8');
}

/** The visible text of a WordprocessingML part: its <w:t> runs joined. */
export const wordText = (xml: string) =>
	[...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')).join('');
