// POST /api/import reads the file from the raw body, which the server only passes on with a Content-Type:
// an upload without one (or as a form) is answered 415 naming the accepted types, never "is empty".
import { describe, expect, it } from 'vitest';
import { POST } from '../../src/routes/api/import/+server';

const csv = new TextEncoder().encode('event_date,event_type,latitude,longitude,location\n2021-05-12,Protests,53.9,27.5,Minsk\n');

async function importWith(headers: Record<string, string>): Promise<{ status: number; error?: string }> {
	const url = new URL('http://localhost/api/import?name=a.csv&mode=preview');
	const res = await POST({ request: new Request(url, { method: 'POST', headers, body: csv }), url } as never);
	return { status: res.status, error: ((await res.json()) as { error?: string }).error };
}

describe('POST /api/import content types', () => {
	it('answers 415 naming the accepted content types when the upload has no Content-Type', async () => {
		const r = await importWith({});
		expect(r.status).toBe(415);
		expect(r.error).toMatch(/no Content-Type/);
		expect(r.error).toMatch(/application\/octet-stream/);
		expect(r.error).not.toMatch(/is empty/);
	});

	it('answers 415 for a form upload, whose body is not the file itself', async () => {
		const r = await importWith({ 'content-type': 'multipart/form-data; boundary=x' });
		expect(r.status).toBe(415);
		expect(r.error).toMatch(/multipart\/form-data is not accepted/);
	});
});
