// Files in the personakt and letters from templates, over real HTTP against real PostgreSQL:
// upload with the type decided from the bytes, the list, the bytes with safe headers, the size
// limit, access by unit, the append-only table, the audit log, and a letter PDF from a template.
import { crc32, deflateSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import pg from 'pg';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, Browser, type TestServer } from './helpers.ts';
import type { Problem } from '../../src/shared/api.ts';
import type { CaseFileList, CaseFileView, LetterPreview, LetterTemplateList, LetterTemplateView } from '../../src/shared/files-api.ts';
import { demoLetterTemplates } from '../../src/server/dev/demo-letter-templates.ts';
import { formatDateSv } from '../../src/domain/format.ts';
import { dateInSweden } from '../../src/domain/deadlines.ts';

let s: TestServer;
const q = <T extends object>(sql: string, params: unknown[] = []) => s.db.owner.query<T>(sql, params).then((r) => r.rows);

async function as(key: string): Promise<Browser> {
  const b = new Browser(s.baseUrl);
  await b.login(`demo:${key}`);
  return b;
}

function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text(text);
    doc.end();
  });
}

function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0); ihdr.writeUInt32BE(1, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x33, 0x66, 0xcc]))), chunk('IEND', Buffer.alloc(0))]);
}

/** Sends the raw file like the web does: the bytes as the body, the name in the query. */
async function upload(b: Browser, caseId: string, bytes: Uint8Array | ReadableStream, name: string, type: string, extra: Record<string, string> = {}) {
  const qs = new URLSearchParams({ name, ...extra });
  const init: RequestInit & { duplex?: 'half' } = {
    method: 'POST', body: bytes as BodyInit, headers: { 'content-type': type, 'x-csrf-token': b.csrf ?? '' },
  };
  if (bytes instanceof ReadableStream) init.duplex = 'half';
  const res = await b.fetch(`/api/staff/cases/${caseId}/files?${qs}`, init);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), body: (text ? JSON.parse(text) : null) as CaseFileView & Problem };
}

let caseId: string; // an äldreomsorg case (Eva's unit)
let personId: string;
let pdfFile: CaseFileView;
let pdfBytes: Buffer;

beforeAll(async () => {
  s = await startServer();
  const [c] = await q<{ id: string; person_id: string }>(
    `SELECT c.id, c.person_id FROM cases c JOIN staff_users su ON su.municipality_id = c.municipality_id AND su.unit_id = c.unit_id
     JOIN persons p ON p.municipality_id = c.municipality_id AND p.id = c.person_id
     WHERE su.oidc_subject = 'demo:eva' AND p.protection = 'ingen' ORDER BY c.case_number LIMIT 1`);
  caseId = c!.id;
  personId = c!.person_id;
  pdfBytes = await pdf('Läkarintyg för Eva');
});
afterAll(() => s.close());

describe('upload', () => {
  it('stores a PDF with its SHA-256, size, sniffed type and a safe name, and audits the upload', async () => {
    const eva = await as('eva');
    const r = await upload(eva, caseId, pdfBytes, 'C:\\Dokument\\Läkarintyg "kopia".pdf', 'application/pdf', { description: 'Från vårdcentralen' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    pdfFile = r.body;
    expect(pdfFile).toMatchObject({
      caseId, kind: 'upload', name: 'Läkarintyg _kopia_.pdf', contentType: 'application/pdf', typeLabel: 'PDF', size: pdfBytes.length,
      sha256: createHash('sha256').update(pdfBytes).digest('hex'), uploadedBy: 'Eva Lindqvist', description: 'Från vårdcentralen', preview: 'pdf',
    });
    const [row] = await q<{ content: Buffer; size_bytes: number; uploaded_by: string }>('SELECT content, size_bytes, uploaded_by FROM case_files WHERE id = $1', [pdfFile.id]);
    expect(Buffer.compare(row!.content, pdfBytes)).toBe(0);
    const audit = await q<{ action: string; resource: string; subject_person_id: string; details: { fileId?: string } }>(
      `SELECT action, resource, subject_person_id, details FROM audit_log WHERE municipality_id = 1 AND actor_name = 'Eva Lindqvist'
       AND resource IN ('case.file.upload', 'case.file') ORDER BY seq`);
    expect(audit.map((a) => `${a.action} ${a.resource}`)).toEqual(['update case.file.upload', 'create case.file']);
    expect(audit.every((a) => a.subject_person_id === personId)).toBe(true);
    expect(audit[1]!.details.fileId).toBe(pdfFile.id);
  });

  it('stores a PNG sent as application/octet-stream as image/png (the bytes decide)', async () => {
    const r = await upload(await as('eva'), caseId, png(), 'foto', 'application/octet-stream');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ name: 'foto.png', contentType: 'image/png', preview: 'image' });
  });

  it('accepts a file above the app-wide 1 MB limit (5 MB)', async () => {
    const big = Buffer.concat([pdfBytes, Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    const r = await upload(await as('eva'), caseId, big, 'stor.pdf', 'application/pdf');
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.size).toBe(big.length);
  });

  it('refuses HTML disguised as a PDF with 415 problem+json naming the allowed types', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/staff/my-cases")</script></body></html>');
    const r = await upload(await as('eva'), caseId, html, 'faktura.pdf', 'application/pdf');
    expect(r.status).toBe(415);
    expect(r.type).toMatch(/application\/problem\+json/);
    expect(r.body.detail).toMatch(/HTML/);
    expect(r.body.detail).toMatch(/Tillåtna filtyper är PDF, bilder/);
  });

  it('refuses a PNG declared as a PDF, and a program, with 415', async () => {
    const eva = await as('eva');
    const mismatch = await upload(eva, caseId, png(), 'bild.pdf', 'application/pdf');
    expect(mismatch.status).toBe(415);
    expect(mismatch.body.detail).toMatch(/PNG-bild men den skickades som application\/pdf/);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
    const program = await upload(eva, caseId, elf, 'intyg.pdf', 'application/octet-stream');
    expect(program.status).toBe(415);
    expect(program.body.detail).toMatch(/program/);
  });

  it('refuses an empty file with 400', async () => {
    const r = await upload(await as('eva'), caseId, new Uint8Array(0), 'tom.pdf', 'application/pdf');
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/tom/);
  });

  it('refuses a file over 20 MB with 413 problem+json, by declared length and when streamed without one', async () => {
    const eva = await as('eva');
    const tooBig = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    tooBig.write('%PDF-1.7\n');
    const declared = await upload(eva, caseId, tooBig, 'stor.pdf', 'application/pdf');
    expect(declared.status).toBe(413);
    expect(declared.type).toMatch(/application\/problem\+json/);
    expect(declared.body.detail).toMatch(/större än 20 MB/);

    // Chunked: no Content-Length, so the limit is found while reading.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 21 * 1024 * 1024) { controller.close(); return; }
        const chunk = new Uint8Array(1024 * 1024).fill(0x20);
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await upload(eva, caseId, stream, 'stor.pdf', 'application/pdf').catch((e: Error) => ({ status: -1, type: null, body: { detail: e.message } as Problem }));
    expect(streamed.status).toBe(413);
    expect(streamed.body.detail).toMatch(/större än 20 MB/);
  });

  it('refuses a case worker of another unit with 403, and writes nothing', async () => {
    const ahmed = await as('ahmed'); // barn och unga
    const r = await upload(ahmed, caseId, pdfBytes, 'x.pdf', 'application/pdf');
    expect(r.status).toBe(403);
    const [{ n }] = await q<{ n: string }>(`SELECT count(*) AS n FROM case_files f JOIN staff_users su ON su.id = f.uploaded_by WHERE su.oidc_subject = 'demo:ahmed'`) as [{ n: string }];
    expect(Number(n)).toBe(0);
  });

  it('refuses without a session (401) and without the CSRF token (403)', async () => {
    const anon = await upload(new Browser(s.baseUrl), caseId, pdfBytes, 'x.pdf', 'application/pdf');
    expect(anon.status).toBe(401);
    const eva = await as('eva');
    const res = await eva.fetch(`/api/staff/cases/${caseId}/files?name=x.pdf`, { method: 'POST', body: new Uint8Array(pdfBytes), headers: { 'content-type': 'application/pdf' } });
    expect(res.status).toBe(403);
  });
});

describe('list and content', () => {
  it('lists the files of the case, newest first, and audits the read', async () => {
    const eva = await as('eva');
    const r = await eva.getJson<CaseFileList>(`/api/staff/cases/${caseId}/files`);
    expect(r.status).toBe(200);
    const names = r.body.items.map((f) => f.name);
    expect(names).toContain('Läkarintyg _kopia_.pdf');
    expect(names).toContain('foto.png');
    const times = r.body.items.map((f) => f.uploadedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const audit = await q(`SELECT 1 FROM audit_log WHERE municipality_id = 1 AND actor_name = 'Eva Lindqvist' AND action = 'read' AND resource = 'case.file.list' AND subject_person_id = $1`, [personId]);
    expect(audit.length).toBeGreaterThan(0);
  });

  it('serves a PDF inline with exact type, safe headers and framing by Lots only, and audits the read', async () => {
    const karin = await as('karin'); // same unit as Eva
    const res = await karin.fetch(pdfFile.contentUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="Lakarintyg _kopia_.pdf"; filename*=UTF-8''L%C3%A4karintyg%20_kopia_.pdf`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none';.*frame-ancestors 'self'$/);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), pdfBytes)).toBe(0);
    const audit = await q<{ resource: string; details: { fileId?: string } }>(
      `SELECT resource, details FROM audit_log WHERE municipality_id = 1 AND actor_name = 'Karin Holm' AND action = 'read'
       AND resource IN ('case.file.read', 'case.file.content') AND subject_person_id = $1 ORDER BY seq`, [personId]);
    expect(audit.map((a) => a.resource)).toEqual(['case.file.read', 'case.file.content']);
    expect(audit[1]!.details.fileId).toBe(pdfFile.id);
  });

  it('serves an image inline and a text file as a download', async () => {
    const eva = await as('eva');
    const list = (await eva.getJson<CaseFileList>(`/api/staff/cases/${caseId}/files`)).body.items;
    const image = await eva.fetch(list.find((f) => f.name === 'foto.png')!.contentUrl);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-disposition')).toMatch(/^inline; /);
    const text = await upload(eva, caseId, Buffer.from('Anteckning: Åsa ringde.\n'), 'samtal.txt', 'text/plain');
    expect(text.body.contentType).toBe('text/plain; charset=utf-8');
    const res = await eva.fetch(text.body.contentUrl);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="samtal.txt"/);
    expect(await res.text()).toBe('Anteckning: Åsa ringde.\n');
  });

  it('refuses the list and the content to another unit (403), and a missing file is 404', async () => {
    const ahmed = await as('ahmed');
    expect((await ahmed.getJson(`/api/staff/cases/${caseId}/files`)).status).toBe(403);
    const res = await ahmed.fetch(pdfFile.contentUrl);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const denied = await q(`SELECT 1 FROM audit_log WHERE actor_name = 'Ahmed Hassan' AND action = 'denied' AND resource = 'case.file.read'`);
    expect(denied.length).toBe(1);
    expect((await ahmed.getJson('/api/staff/files/00000000-0000-4000-8000-000000000000/content')).status).toBe(404);
  });

  it('refuses files to a systemförvaltare (no personal data in that role)', async () => {
    const olof = await as('olof');
    expect((await olof.getJson(`/api/staff/cases/${caseId}/files`)).status).toBe(403);
    expect((await olof.fetch(pdfFile.contentUrl)).status).toBe(403);
  });
});

describe('the personakt is append-only', () => {
  it('the application role may not UPDATE or DELETE case_files (permission denied)', async () => {
    const client = new pg.Client({ connectionString: s.appUrl });
    await client.connect();
    try {
      await client.query(`SELECT set_config('app.tenant', '1', false)`);
      const seen = await client.query('SELECT id FROM case_files WHERE id = $1', [pdfFile.id]);
      expect(seen.rowCount).toBe(1); // it can read the row: the refusals below are about privileges, not visibility
      await expect(client.query(`UPDATE case_files SET file_name = 'ändrad.pdf' WHERE id = $1`, [pdfFile.id])).rejects.toMatchObject({ code: '42501' });
      await expect(client.query('DELETE FROM case_files WHERE id = $1', [pdfFile.id])).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.end();
    }
    const [row] = await q<{ file_name: string }>('SELECT file_name FROM case_files WHERE id = $1', [pdfFile.id]);
    expect(row!.file_name).toBe('Läkarintyg _kopia_.pdf');
  });
});

describe('letter templates and letters', () => {
  let template: LetterTemplateView;

  it('a systemförvaltare creates, changes and deletes templates, audited as configuration', async () => {
    const olof = await as('olof');
    const created = await olof.send<LetterTemplateView>('POST', '/api/admin/letter-templates', {
      title: 'Kommunicering av utredning', areas: ['aldreomsorg'],
      body: 'Hej {namn}!\n\nUtredningen i ärende {arendenummer} är klar. Lämna synpunkter senast {svarsdatum}.\n\nHälsningar {handlaggare}',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    template = created.body;
    const changed = await olof.send<LetterTemplateView>('PUT', `/api/admin/letter-templates/${template.id}`, { ...template, title: 'Kommunicering', id: undefined, updatedAt: undefined });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.title).toBe('Kommunicering');
    template = changed.body;
    const extra = await olof.send<LetterTemplateView>('POST', '/api/admin/letter-templates', { title: 'Tas bort', areas: [], body: 'x' });
    expect((await olof.send('DELETE', `/api/admin/letter-templates/${extra.body.id}`)).status).toBe(204);
    expect((await olof.send('DELETE', `/api/admin/letter-templates/${extra.body.id}`)).status).toBe(404);
    const audit = await q<{ action: string }>(`SELECT action FROM audit_log WHERE actor_name = 'Olof Dahl' AND resource = 'config.letter_template' ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'create', 'delete']);
    const bad = await olof.send<Problem>('POST', '/api/admin/letter-templates', { title: '  ', areas: ['okänt'], body: '' });
    expect(bad.status).toBe(400);
  });

  it('case workers read the templates for their area, and may not change them', async () => {
    const eva = await as('eva');
    const forArea = await eva.getJson<LetterTemplateList>('/api/staff/letter-templates?area=aldreomsorg');
    expect(forArea.body.items.map((t) => t.id)).toContain(template.id);
    const otherArea = await eva.getJson<LetterTemplateList>('/api/staff/letter-templates?area=barn_och_unga');
    expect(otherArea.body.items.map((t) => t.id)).not.toContain(template.id);
    expect((await eva.send('POST', '/api/admin/letter-templates', { title: 'x', areas: [], body: 'x' })).status).toBe(403);
    expect((await (await as('olof')).getJson('/api/staff/letter-templates')).status).toBe(403);
  });

  it('previews a letter with the placeholders filled from the case, and reports what is missing', async () => {
    const eva = await as('eva');
    const [p] = await q<{ first_name: string; last_name: string; case_number: string }>(
      'SELECT p.first_name, p.last_name, c.case_number FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.id = $1', [caseId]);
    const without = await eva.send<LetterPreview>('POST', `/api/staff/cases/${caseId}/letters/preview`, { templateId: template.id, title: template.title, body: template.body });
    expect(without.status).toBe(200);
    expect(without.body.body).toContain(`Hej ${p!.first_name} ${p!.last_name}!`);
    expect(without.body.body).toContain(`ärende ${p!.case_number}`);
    expect(without.body.body).toContain('Hälsningar Eva Lindqvist');
    expect(without.body.missing).toEqual(['svarsdatum']);
    const withDate = await eva.send<LetterPreview>('POST', `/api/staff/cases/${caseId}/letters/preview`, { title: 'x {datum}', body: `${template.body} {namnn}`, replyBy: '2030-03-01' });
    expect(withDate.body.body).toContain('senast 1 mars 2030');
    expect(withDate.body.title).toBe(`x ${formatDateSv(dateInSweden(), 'long')}`);
    expect(withDate.body.unknown).toEqual(['{namnn}']);
  });

  it('refuses to store a letter with an unfilled placeholder (400)', async () => {
    const r = await (await as('eva')).send<Problem>('POST', `/api/staff/cases/${caseId}/letters`, { templateId: template.id, title: template.title, body: template.body });
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/svarsdatum/);
  });

  it('creates a letter PDF from a template and stores it in the personakt as a brev', async () => {
    const eva = await as('eva');
    const r = await eva.send<CaseFileView>('POST', `/api/staff/cases/${caseId}/letters`, { templateId: template.id, title: template.title, body: template.body, replyBy: '2030-03-01' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ kind: 'brev', contentType: 'application/pdf', preview: 'pdf', uploadedBy: 'Eva Lindqvist' });
    expect(r.body.name).toMatch(/^Kommunicering \d{4}-\d{2}-\d{2}\.pdf$/);
    const res = await eva.fetch(r.body.contentUrl);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBe(r.body.size);
    const list = await eva.getJson<CaseFileList>(`/api/staff/cases/${caseId}/files`);
    expect(list.body.items.find((f) => f.id === r.body.id)?.kind).toBe('brev');
    const audit = await q(`SELECT 1 FROM audit_log WHERE actor_name = 'Eva Lindqvist' AND action = 'update' AND resource = 'case.letter.create' AND subject_person_id = $1`, [personId]);
    expect(audit.length).toBe(1);
  });

  it('refuses letters in another unit\'s case (403)', async () => {
    const r = await (await as('ahmed')).send('POST', `/api/staff/cases/${caseId}/letters`, { title: 'x', body: 'y' });
    expect(r.status).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('documents the file, letter and template routes', async () => {
    const r = await new Browser(s.baseUrl).getJson<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(Object.keys(r.body.paths['/api/staff/cases/{id}/files']!).sort()).toEqual(['get', 'post']);
    for (const p of ['/api/staff/files/{fileId}/content', '/api/staff/letter-templates', '/api/admin/letter-templates', '/api/admin/letter-templates/{id}',
      '/api/staff/cases/{id}/letters', '/api/staff/cases/{id}/letters/preview']) expect(r.body.paths, p).toHaveProperty([p]);
  });
});

describe('demo templates', () => {
  it('are valid for the API: known placeholders only, stable ids, plain Swedish titles', () => {
    const a = demoLetterTemplates(1);
    expect(a.length).toBeGreaterThanOrEqual(4);
    expect(demoLetterTemplates(1).map((t) => t.id)).toEqual(a.map((t) => t.id));
    expect(new Set([...a, ...demoLetterTemplates(2)].map((t) => t.id)).size).toBe(a.length * 2);
    for (const t of a) {
      const names = [...t.body.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const n of names) expect(['namn', 'personnummer', 'arendenummer', 'handlaggare', 'datum', 'svarsdatum'], `${t.title}: {${n}}`).toContain(n);
    }
    expect(a.find((t) => t.title === 'Kommunicering av utredning')!.body).toMatch(/\{svarsdatum\}.*25 § förvaltningslagen|25 § förvaltningslagen[\s\S]*\{svarsdatum\}/);
  });
});
