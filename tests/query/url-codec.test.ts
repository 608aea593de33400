import { describe, expect, it } from 'vitest';
import { decodeQuery, encodeQuery } from '../../src/lib/query/url-codec';
import { EXAMPLES, exampleSql } from '../../src/lib/query/examples';

describe('query in the URL', () => {
	it('round-trips Vietnamese text, quotes and newlines', async () => {
		const sql = `-- Sản phẩm OCOP của Thái Bình\nSELECT 'Đà Nẵng' AS "tỉnh", 'a''b' AS q, 1 + 2 AS n;\n`;
		const enc = await encodeQuery(sql);
		expect(enc).toMatch(/^[A-Za-z0-9_-]+$/); // URL-safe without escaping
		expect(await decodeQuery(enc)).toEqual({ ok: true, sql });
	});

	it('compresses: every example is shorter in the URL than as text', async () => {
		for (const ex of EXAMPLES) {
			const sql = exampleSql(ex, 'vi');
			const enc = await encodeQuery(sql);
			expect(enc.length, ex.id).toBeLessThan(encodeURIComponent(sql).length * 0.7);
			expect(await decodeQuery(enc)).toEqual({ ok: true, sql });
		}
	});

	it('reports a damaged link instead of throwing', async () => {
		const enc = await encodeQuery('SELECT * FROM ocop_products WHERE stars >= 4 ORDER BY decision_date');
		expect(await decodeQuery(enc.slice(0, Math.floor(enc.length / 2)))).toEqual({ ok: false, reason: 'deflate' });
		expect(await decodeQuery('abc$%^')).toEqual({ ok: false, reason: 'base64' });
		expect(await decodeQuery('A')).toEqual({ ok: false, reason: 'base64' }); // one char cannot be base64
		expect(await decodeQuery('SGVsbG8gd29ybGQ')).toMatchObject({ ok: false }); // base64 of plain "Hello world"
		expect(await decodeQuery('')).toMatchObject({ ok: false });
	});

	it('rejects bytes that are not UTF-8', async () => {
		// Raw DEFLATE of the bytes FF FE, made with CompressionStream.
		const cs = new CompressionStream('deflate-raw');
		const w = cs.writable.getWriter();
		void w.write(new Uint8Array([0xff, 0xfe]));
		void w.close();
		const packed = new Uint8Array(await new Response(cs.readable).arrayBuffer());
		const b64 = btoa(String.fromCharCode(...packed)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
		expect(await decodeQuery(b64)).toEqual({ ok: false, reason: 'utf8' });
	});
});
